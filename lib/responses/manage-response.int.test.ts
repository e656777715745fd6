import { afterAll, afterEach, describe, expect, it } from "vitest";
import { deriveItems } from "@/lib/feedback/derive-items";
import { db } from "@/lib/db";
import { setNow } from "@/lib/clock";
import { mailSink } from "@/test/mail-sink";
import { runJobs } from "@/test/run-jobs";
import { createConsultation, respondent, uniqueSlug } from "@/test/db-fixtures";
import { listFeedback } from "@/lib/feedback/list-feedback";
import { countResponses } from "@/lib/consultations/count-responses";
import { ZResponseInput } from "./schema";
import { submitResponse } from "./submit-response";
import { changeResponse, findManaged, withdrawResponse } from "./manage-response";
import { responseFormValues } from "./response-form-values";
import { readResponseForm } from "./form-data";

// Before anything reads the environment: receipts go to this sink.
const sink = await mailSink();
process.env.SMTP_URL = sink.url;
afterAll(() => sink.stop());
afterEach(() => setNow(null));

const parse = (v: unknown) => ZResponseInput.parse(v);
const first = (email: string) =>
  parse({
    feedback: [
      {
        clause: "1.1",
        clarity: { rating: 2, comment: "Who acts?" },
        language: { term: "weak signals", proposedWording: "early signs" },
      },
    ],
    generalComment: "Good draft.",
    respondent: { ...respondent, email },
  });

async function submitted() {
  const c = await createConsultation();
  const email = `${uniqueSlug("r")}@example.org`;
  const r = await submitResponse(c.slug, first(email), { locale: "fr", channel: "web", clientIp: "203.0.113.9" });
  if (!r.ok) throw new Error("not stored");
  await runJobs(); // the receipt's job, as a server's worker runs it
  const mail = await sink.waitFor(email);
  const token = /\/manage\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? "")?.[1];
  return { c, email, reference: r.reference, mail, token: token! };
}

describe("the email receipt and the private link", () => {
  it("mails the reference, the receipt link and a private link whose token is stored only as a hash; the address is never stored", async () => {
    const { reference, mail, token } = await submitted();
    expect(mail.subject).toBe(`Votre réponse ${reference}\u202f: accusé de réception`);
    expect(mail.text).toContain(`/receipt/${reference}?key=`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.response.findUniqueOrThrow({ where: { reference } });
    expect(row.manageTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.manageTokenHash).not.toContain(token);
    expect(row.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify({ ...row, number: String(row.number) })).not.toContain("203.0.113.9");
    expect((await findManaged(token))?.reference).toBe(reference);
    expect(await findManaged("A".repeat(43))).toBeNull();
  });

  it("changes the response as a new version, keeping unchanged items and their triage, and the old content", async () => {
    const { c, reference, token } = await submitted();
    const before = await db.feedbackItem.findMany({ where: { response: { reference } }, orderBy: { position: "asc" } });
    await db.feedbackTriage.update({ where: { feedbackItemId: before[0].id }, data: { status: "noted" } });
    // The form opens with what was stored, and reading it back gives the same input.
    const managed = (await findManaged(token))!;
    const values = responseFormValues(managed);
    const form = new FormData();
    for (const [k, v] of Object.entries(values)) form.set(k, v);
    form.set("c:1.1:language:proposedWording", "early signs of change");
    form.set("c:1:feasibility:rating", "4");
    const input = parse(readResponseForm(form).input);
    expect(await changeResponse(token, c.slug, input)).toEqual({ ok: true, reference });
    const after = await db.feedbackItem.findMany({
      where: { response: { reference } },
      orderBy: { position: "asc" },
      include: { triage: true },
    });
    expect(after.map((i) => [i.aspect, i.proposedWording ?? i.comment ?? i.rating])).toEqual([
      ["clarity", "Who acts?"],
      ["language", "early signs of change"],
      ["feasibility", 4],
      ["general", "Good draft."],
    ]);
    expect(after[0]).toMatchObject({ id: before[0].id, triage: { status: "noted" } });
    // A new item has its own moderation state from the start.
    expect(after[1].triage).toMatchObject({ status: "new", version: 1 });
    expect(after[1].id).not.toBe(before[1].id);
    const r = await db.response.findUniqueOrThrow({ where: { reference }, include: { versions: true } });
    expect(r.version).toBe(2);
    expect(r.versions).toHaveLength(1);
    expect(JSON.stringify(r.versions[0].content)).toContain("early signs");
    expect(JSON.stringify(r.versions[0].content)).not.toContain("early signs of change");
  });

  it("writes a changed response's new items as the form does: each in its own language, with the clause's text version", async () => {
    const { c, reference, token } = await submitted();
    const values = responseFormValues((await findManaged(token))!);
    const form = new FormData();
    for (const [k, v] of Object.entries(values)) form.set(k, v);
    form.set("c:1:clarity:comment", "Les délais ne sont pas indiqués dans cette clause.");
    form.set("generalComment", "The definition of weak signals should be clearer for public servants.");
    expect(await changeResponse(token, c.slug, parse(readResponseForm(form).input))).toEqual({ ok: true, reference });
    // Derived in the background (lib/feedback/derive-items.ts), as the job does within a minute.
    await deriveItems();
    const rows = await db.$queryRaw<
      { aspect: string; key: string | null; language: string | null; same: boolean; current: boolean }[]
    >`
      SELECT fi.aspect::text, cl.key, fi.language,
        fi.search = to_tsvector(CASE fi.language WHEN 'fr' THEN 'french' ELSE 'english' END::regconfig, coalesce(fi.comment, '') || '   ') AS same,
        fi.clause_version IS NOT DISTINCT FROM cl.text_version AS current
      FROM feedback_item fi JOIN response re ON re.id = fi.response_id LEFT JOIN clause cl ON cl.id = fi.clause_id
      WHERE re.reference = ${reference} AND (fi.aspect = 'general' OR cl.key = '1') ORDER BY fi.position`;
    expect(rows).toEqual([
      { aspect: "clarity", key: "1", language: "fr", same: true, current: true },
      { aspect: "general", key: null, language: "en", same: true, current: true },
    ]);
  });

  it("withdraws: out of the queue and the counts, logged as a version; no change after that or after the deadline", async () => {
    const { c, reference, token } = await submitted();
    const c2 = await submitted();
    expect((await listFeedback(c.id, {})).items.map((i) => i.reference)).toContain(reference);
    expect(await withdrawResponse(token)).toEqual({ ok: true, reference });
    expect(await withdrawResponse(token)).toEqual({ ok: false, reason: "withdrawn" });
    expect((await listFeedback(c.id, {})).items).toEqual([]);
    expect(await countResponses(c.id)).toBe(0);
    const r = await db.response.findUniqueOrThrow({ where: { reference }, include: { versions: true } });
    expect(r.withdrawnAt).not.toBeNull();
    expect(r.versions.map((v) => v.kind)).toEqual(["withdrawn"]);
    expect(await changeResponse(token, c.slug, first("x@example.org"))).toEqual({ ok: false, reason: "withdrawn" });
    setNow(new Date(c2.c.closesAt.getTime() + 1));
    expect(await changeResponse(c2.token, c2.c.slug, first("x@example.org"))).toEqual({ ok: false, reason: "closed" });
    expect(await withdrawResponse(c2.token)).toEqual({ ok: false, reason: "closed" });
    // The token of one consultation does nothing to another.
    setNow(null);
    expect(await changeResponse(c2.token, c.slug, first("x@example.org"))).toEqual({ ok: false, reason: "unknown" });
  });
});
