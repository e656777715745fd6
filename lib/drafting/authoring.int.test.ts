import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setNow } from "@/lib/clock";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { getPublicConsultation, listPublicConsultations } from "@/lib/consultations/public-consultation";
import { deadlineHistory } from "@/lib/consultations/deadline-history";
import { staff, respondent, uniqueSlug } from "@/test/db-fixtures";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { checkDraft } from "./check-draft";
import { createConsultation } from "./create-consultation";
import { closeEarly, extendDeadline, publishConsultation, publishResults } from "./lifecycle";
import { proposeMapping, publishVersion } from "./redraft";
import { ZConsultationForm } from "./schema";

afterEach(() => setNow(null));

const EN = "Preamble text.\n\n## 1. First principle\nWhy it matters.\n\n1. Act on weak signals.\n2. Build capacity.\n";
const FR =
  "Texte du préambule.\n\n## 1. Premier principe\nPourquoi.\n\n1. Agir sur les signaux faibles.\n2. Renforcer les capacités.\n";

function form(slug: string, over: Record<string, string> = {}) {
  const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 16);
  return ZConsultationForm.parse({
    slug,
    referencePrefix: "AUTH",
    titleEn: "Authored",
    titleFr: "Rédigée",
    summaryEn: "S",
    summaryFr: "S",
    askedForEn: "A",
    askedForFr: "A",
    audienceEn: "All",
    audienceFr: "Tous",
    privacyEn: "",
    privacyFr: "",
    opensAt: day(-1),
    closesAt: day(10),
    timeZone: "UTC",
    markdownEn: EN,
    markdownFr: FR,
    ...over,
  });
}

const answer = (clause: string, comment: string) =>
  ZResponseInput.parse({
    feedback: [{ clause, clarity: { rating: 3, comment } }],
    respondent: { ...respondent, publication: "anonymous" },
  });

describe("authoring a consultation", () => {
  it("saves a draft that only its preview link opens, publishes it, and refuses answers before that", async () => {
    const admin = await staff("admin");
    const slug = uniqueSlug("auth");
    const check = checkDraft(EN, FR);
    expect(check.mismatches).toEqual([]);
    const made = await createConsultation(admin.id, form(slug), check.clauses);
    if (!made.ok) throw new Error("not made");
    expect(await createConsultation(admin.id, form(slug), check.clauses)).toEqual({
      ok: false,
      field: "slug",
      key: "slugTaken",
    });
    const c = (await getConsultation(slug))!;
    expect(c.clauses.map((k) => [k.key, k.kind, k.body.fr])).toEqual([
      ["preamble", "preamble", "Texte du préambule."],
      ["1", "principle", "Pourquoi."],
      ["1.1", "action", "Agir sur les signaux faibles."],
      ["1.2", "action", "Renforcer les capacités."],
    ]);
    expect(await getPublicConsultation(slug)).toBeNull();
    expect(await getPublicConsultation(slug, "x".repeat(43))).toBeNull();
    expect((await getPublicConsultation(slug, made.previewToken))?.preview).toBe(true);
    expect((await listPublicConsultations()).some((x) => x.slug === slug)).toBe(false);
    expect(await submitResponse(slug, answer("1.1", "Too early"), { locale: "en", channel: "web" })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await publishConsultation(admin.id, c.id)).toEqual({ ok: true });
    expect(await publishConsultation(admin.id, c.id)).toMatchObject({ ok: false });
    expect((await getPublicConsultation(slug))?.preview).toBe(false);
    expect(await submitResponse(slug, answer("1.1", "Now"), { locale: "en", channel: "web" })).toMatchObject({
      ok: true,
    });
    expect(await db.adminEvent.count({ where: { target: slug } })).toBe(2);
  });

  it("extends the deadline with a public history, flags answers in the extension, closes early, then publishes results", async () => {
    const admin = await staff("admin");
    const slug = uniqueSlug("auth");
    const made = await createConsultation(admin.id, form(slug), checkDraft(EN, FR).clauses);
    const c = (await getConsultation(slug))!;
    await publishConsultation(admin.id, c.id);
    const original = c.closesAt;
    const later = new Date(original.getTime() + 5 * 86_400_000);
    expect(made.ok).toBe(true);
    expect(await extendDeadline(admin.id, c.id, later, "  ")).toMatchObject({ ok: false, key: "reasonRequired" });
    expect(await extendDeadline(admin.id, c.id, new Date(original.getTime() - 1), "why")).toMatchObject({
      ok: false,
      key: "untilNotLater",
    });
    expect(await extendDeadline(admin.id, c.id, later, "Requested by three delegations")).toEqual({ ok: true });
    const history = await deadlineHistory(c.id);
    expect(history.map((h) => [h.kind, h.fromAt.toISOString(), h.toAt.toISOString(), h.reason])).toEqual([
      ["extended", original.toISOString(), later.toISOString(), "Requested by three delegations"],
    ]);
    setNow(new Date(original.getTime() + 60_000));
    const late = await submitResponse(slug, answer("1.2", "In the extension"), { locale: "en", channel: "web" });
    expect(late.ok && (await db.response.findUniqueOrThrow({ where: { reference: late.reference } })).inExtension).toBe(
      true,
    );
    expect(await publishResults(admin.id, c.id)).toMatchObject({ ok: false, key: "notClosed" });
    expect(await closeEarly(admin.id, c.id, "Enough answers")).toEqual({ ok: true });
    expect(await submitResponse(slug, answer("1.2", "Too late"), { locale: "en", channel: "web" })).toMatchObject({
      ok: false,
      reason: "closed",
    });
    setNow(new Date(original.getTime() + 120_000));
    expect(await publishResults(admin.id, c.id)).toEqual({ ok: true });
    expect((await getConsultation(slug))?.resultsPublishedAt).not.toBeNull();
  });

  it("publishes a new version: carried-over clauses keep their id and their feedback, which keeps the text it answered", async () => {
    const admin = await staff("admin");
    const slug = uniqueSlug("auth");
    await createConsultation(admin.id, form(slug), checkDraft(EN, FR).clauses);
    const v1 = (await getConsultation(slug))!;
    await publishConsultation(admin.id, v1.id);
    const r = await submitResponse(slug, answer("1.1", "What are weak signals?"), { locale: "en", channel: "web" });
    expect(r.ok).toBe(true);
    const EN2 =
      "Preamble text.\n\n## 1. First principle\nWhy it matters.\n\n1. Build capacity.\n2. Act on early signs of change.\n3. A new action.\n";
    const FR2 =
      "Texte du préambule.\n\n## 1. Premier principe\nPourquoi.\n\n1. Renforcer les capacités.\n2. Agir sur les signes précurseurs.\n3. Une nouvelle action.\n";
    const next = checkDraft(EN2, FR2).clauses;
    const proposal = proposeMapping(v1.clauses, next);
    const id = (key: string) => v1.clauses.find((k) => k.key === key)!.id;
    expect(proposal["1.1"].id).toBe(id("1.2"));
    expect(proposal["1.3"].id).toBeNull();
    // The admin decides that 1.2 of the new draft is the old 1.1 (rewritten).
    const mapping = { preamble: id("preamble"), "1": id("1"), "1.1": id("1.2"), "1.2": id("1.1"), "1.3": null };
    expect(await publishVersion(admin.id, v1, next, { ...mapping, "1.3": id("1.1") })).toEqual({
      ok: false,
      key: "mappedTwice",
    });
    expect(await publishVersion(admin.id, v1, next, mapping)).toEqual({
      ok: true,
      version: 2,
      kept: 4,
      added: 1,
      removed: 0,
    });
    const v2 = (await getConsultation(slug))!;
    expect(v2.draftVersion).toBe(2);
    expect(v2.clauses.find((k) => k.key === "1.2")?.id).toBe(id("1.1"));
    const item = await db.feedbackItem.findFirstOrThrow({
      where: { response: { reference: r.ok ? r.reference : "" } },
      include: { clause: true, clauseText: true },
    });
    expect(item.clauseId).toBe(id("1.1"));
    expect([item.clauseVersion, item.clauseText?.bodyEn, item.clause?.textVersion, item.clause?.bodyEn]).toEqual([
      1,
      "Act on weak signals.",
      2,
      "Act on early signs of change.",
    ]);
    // New answers point at the new text.
    const r2 = await submitResponse(slug, answer("1.2", "Better"), { locale: "en", channel: "web" });
    const item2 = await db.feedbackItem.findFirstOrThrow({
      where: { response: { reference: r2.ok ? r2.reference : "" } },
    });
    expect([item2.clauseId, item2.clauseVersion]).toEqual([id("1.1"), 2]);
    // A third version without the new action removes it, keeping its row.
    const v3 = checkDraft(EN, FR).clauses;
    const added = v2.clauses.find((k) => k.key === "1.3")!.id;
    expect(
      await publishVersion(admin.id, v2, v3, {
        preamble: id("preamble"),
        "1": id("1"),
        "1.1": id("1.2"),
        "1.2": id("1.1"),
      }),
    ).toMatchObject({ ok: true, removed: 1 });
    expect(await db.clause.findUniqueOrThrow({ where: { id: added } })).toMatchObject({
      removedInVersion: 3,
      addedInVersion: 2,
    });
    expect((await getConsultation(slug))!.clauses.map((k) => k.key)).toEqual(["preamble", "1", "1.1", "1.2"]);
  });
});
