// Published results are computed once, at publication, and served from that
// copy (issue 10, items 5 and 7): a decision changed afterwards reaches the
// public only when the results are published again; the CSV is rate-limited.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createConsultation, respondent, staff, uniqueSlug } from "@/test/db-fixtures";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { triageItems } from "@/lib/feedback/triage-items";
import { ZTriage } from "@/lib/feedback/triage-schema";
import { publishResults } from "@/lib/drafting/lifecycle";
import { runJobs } from "@/test/run-jobs";
import { clearConsultationCache } from "@/lib/consultations/get-consultation";
import { GET } from "@/app/api/consultations/[slug]/results/route";
import { COMMENTS_SHOWN, readResults, type TSectionResult } from "./build-results";

const input = (comment: string) =>
  ZResponseInput.parse({
    feedback: [{ clause: "1.1", clarity: { rating: 2, comment } }],
    respondent: { ...respondent, publication: "anonymous" },
  });

const csvOf = async (slug: string, client: string) => {
  const r = await GET(
    new Request(`http://localhost/api/consultations/${slug}/results`, {
      headers: { "x-clausewise-client-ip": client },
    }),
    { params: Promise.resolve({ slug }) },
  );
  return { status: r.status, headers: r.headers, text: await r.text() };
};

async function closedWithOneDecision() {
  const c = await createConsultation();
  const admin = await staff("admin");
  const mod = await staff("moderator");
  await submitResponse(c.slug, input("Clearer please"), { locale: "en", channel: "web" });
  const item = await db.feedbackItem.findFirstOrThrow({ where: { response: { consultationId: c.id } } });
  await triageItems(
    mod.id,
    ZTriage.parse({ ids: [item.id], disposition: "accepted", dispositionReason: "Reworded", publish: "clear" }),
  );
  await db.consultation.update({ where: { id: c.id }, data: { closesAt: new Date(Date.now() - 1000) } });
  await clearConsultationCache();
  return { c, admin, mod, item };
}

describe("the results copy", () => {
  it("is what the public reads: a decision changed after publication shows only once the results are published again", async () => {
    const { c, admin, mod, item } = await closedWithOneDecision();
    expect(await publishResults(admin.id, c.id)).toEqual({ ok: true });
    const client = `192.0.2.50-${uniqueSlug()}`;
    const before = await csvOf(c.slug, client);
    expect(before.status).toBe(200);
    expect(before.text).toContain("accepted,Reworded");

    await triageItems(
      mod.id,
      ZTriage.parse({ ids: [item.id], disposition: "not_accepted", dispositionReason: "Out of scope after all" }),
    );
    const unchanged = await csvOf(c.slug, client);
    expect(unchanged.text).toContain("accepted,Reworded");
    expect(unchanged.text).not.toContain("Out of scope after all");

    expect(await publishResults(admin.id, c.id)).toEqual({ ok: true });
    // The copy is rebuilt by the job the publication queued (a server's worker runs it at once).
    await runJobs();
    const refreshed = await csvOf(c.slug, client);
    expect(refreshed.text).toContain("not_accepted,Out of scope after all");
  });

  it("is rate-limited like the open-data API, with Retry-After", async () => {
    const { c, admin } = await closedWithOneDecision();
    await publishResults(admin.id, c.id);
    const client = `192.0.2.51-${uniqueSlug()}`;
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof csvOf>> | null = null;
    for (let i = 0; i < 61 && !refused; i++) {
      const r = await csvOf(c.slug, client);
      statuses.push(r.status);
      if (r.status === 429) refused = r;
    }
    expect(statuses.slice(0, 6).every((s) => s === 200)).toBe(true);
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await csvOf(c.slug, `${client}-other`)).status).toBe(200);
  });

  it("is built on first read for results published before copies existed, dated from that publication", async () => {
    const { c } = await closedWithOneDecision();
    const publishedAt = new Date(Date.now() - 86_400_000);
    await db.consultation.update({ where: { id: c.id }, data: { resultsPublishedAt: publishedAt } });
    expect(await db.resultsCopy.findUnique({ where: { consultationId: c.id } })).toBeNull();
    const [copy] = await Promise.all([readResults(c.id), readResults(c.id)]); // two readers, one build
    expect(copy.builtAt.getTime()).toBe(publishedAt.getTime());
    const clause = await db.clause.findFirstOrThrow({ where: { consultationId: c.id, key: "1.1" } });
    expect(copy.sections.get(clause.id)?.dispositions).toEqual({ accepted: 1 });
    expect(await db.resultsRow.count({ where: { consultationId: c.id } })).toBe(1);
  });

  it("shows each clause its own first published comments, up to COMMENTS_SHOWN, however few a clause has", async () => {
    const c = await createConsultation();
    const admin = await staff("admin");
    for (let i = 0; i < COMMENTS_SHOWN + 2; i++) {
      await submitResponse(
        c.slug,
        ZResponseInput.parse({
          feedback: [
            { clause: "1", clarity: { rating: 3, comment: `One ${i}` } },
            { clause: "1.1", clarity: { rating: 4, comment: `Eleven ${i}` }, feasibility: { rating: 5 } },
          ],
          generalComment: `General ${i}`,
          respondent: { ...respondent, publication: "anonymous" },
        }),
        { locale: "en", channel: "web" },
      );
    }
    await submitResponse(
      c.slug,
      ZResponseInput.parse({
        feedback: [{ clause: "1", clarity: { comment: "Only this one" } }],
        respondent: { ...respondent, publication: "anonymous" },
      }),
      { locale: "en", channel: "web" },
    );
    await db.feedbackItem.updateMany({
      where: { response: { consultationId: c.id } },
      data: { clearedAt: new Date() },
    });
    await db.consultation.update({ where: { id: c.id }, data: { closesAt: new Date(Date.now() - 1000) } });
    await clearConsultationCache();
    expect(await publishResults(admin.id, c.id)).toEqual({ ok: true });
    const copy = await readResults(c.id);
    const text = (s: TSectionResult) => s.shown.map((m) => m.comment!.split(" ")[0]);
    const word = { "1": "One", "1.1": "Eleven" } as Record<string, string>;
    expect([...copy.sections.values()].map((s) => [s.key, s.listed, s.shown.length])).toEqual([
      ["1", COMMENTS_SHOWN + 3, COMMENTS_SHOWN],
      ["1.1", COMMENTS_SHOWN + 2, COMMENTS_SHOWN],
      [null, COMMENTS_SHOWN + 2, COMMENTS_SHOWN],
    ]);
    for (const s of copy.sections.values())
      expect(new Set(text(s))).toEqual(new Set([s.key ? word[s.key] : "General"]));
  });
});
