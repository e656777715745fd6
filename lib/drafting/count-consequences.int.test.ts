import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setNow } from "@/lib/clock";
import { createConsultation, respondent, staff } from "@/test/db-fixtures";
import { getConsultationFresh } from "@/lib/consultations/get-consultation";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { countErasure } from "@/lib/privacy/count-erasure";
import { eraseResponse } from "@/lib/privacy/erase-responses";
import { checkDraft } from "./check-draft";
import { countCloseEarly, countRedraft, countResults } from "./count-consequences";
import { closeEarly, extendDeadline } from "./lifecycle";
import { publishVersion } from "./redraft";

afterEach(() => setNow(null));

async function respond(
  slug: string,
  feedback: { clause: string; comment?: string; rating?: number }[],
  who: Record<string, unknown> = {},
  generalComment?: string,
) {
  const input = ZResponseInput.parse({
    feedback: feedback.map((f) => ({
      clause: f.clause,
      clarity: { rating: f.rating ?? 3, ...(f.comment ? { comment: f.comment } : {}) },
    })),
    ...(generalComment ? { generalComment } : {}),
    respondent: { ...respondent, ...who },
  });
  const r = await submitResponse(slug, input, { locale: "en", channel: "web" });
  if (!r.ok) throw new Error("not stored");
  return r.reference;
}

const itemsOf = (reference: string) =>
  db.feedbackItem.findMany({ where: { response: { reference } }, orderBy: { position: "asc" } });

describe("the numbers an admin confirms", () => {
  it("publishing the results: undecided items by the queue's meaning, per clause in draft order, and the comments whose words go public", async () => {
    const c = await createConsultation();
    // Four responses: 1 and 1.1 answered; a general comment; one response withdrawn (out of every count).
    const a = await respond(
      c.slug,
      [
        { clause: "1", comment: "Cleared and consented" },
        { clause: "1.1", comment: "Decided, private" },
      ],
      { publication: "anonymous" },
      "A general remark",
    );
    const b = await respond(
      c.slug,
      [
        { clause: "1.1", comment: "Cleared but private" },
        { clause: "1", rating: 4 },
      ],
      { publication: "none" },
    );
    const s = await respond(c.slug, [{ clause: "1.1", comment: "Buy cheap watches" }], {
      publication: "named",
      name: "Spam Bot",
    });
    const w = await respond(c.slug, [{ clause: "1", comment: "Withdrawn later" }]);
    await db.response.update({ where: { reference: w }, data: { withdrawnAt: new Date() } });
    const [a1, a11, ag] = await itemsOf(a);
    const [b11] = await itemsOf(b);
    const [s11] = await itemsOf(s);
    await db.feedbackItem.update({
      where: { id: a1.id },
      data: { clearedAt: new Date(), triage: { update: { disposition: "accepted" } } },
    });
    await db.feedbackTriage.update({ where: { feedbackItemId: a11.id }, data: { disposition: "not_accepted" } });
    await db.feedbackItem.update({ where: { id: b11.id }, data: { clearedAt: new Date() } });
    await db.feedbackItem.update({
      where: { id: s11.id },
      data: { clearedAt: new Date(), triage: { update: { status: "spam" } } },
    });
    expect(ag.clauseId).toBeNull();

    const counts = await countResults(c.id);
    // 6 items of live responses (a: 3, b: 2, s: 1; not w's); 2 decided.
    expect([counts.items, counts.undecided]).toEqual([6, 4]);
    expect(counts.clauses.map((k) => [k.key, k.number, k.kind, k.removed, k.undecided, k.items])).toEqual([
      ["1", "1", "principle", false, 1, 2],
      ["1.1", "1.1", "action", false, 2, 3],
      [null, null, null, false, 1, 1],
    ]);
    // Only a1: b's are private, s's is spam, ratings alone have no words.
    expect(counts.published).toBe(1);
    await db.feedbackTriage.updateMany({
      where: { feedbackItemId: { in: [b11.id, s11.id, ag.id] } },
      data: { disposition: "partly_accepted" },
    });
    expect((await countResults(c.id)).clauses.map((k) => k.key)).toEqual(["1"]);
  });

  it("closing early: the deadline it replaces and the responses so far; an already closed or unpublished consultation says so; a moved deadline refuses", async () => {
    const admin = await staff("admin");
    const c = await createConsultation({ closesAt: new Date(Date.now() + 86_400_000) });
    await respond(c.slug, [{ clause: "1", comment: "One" }]);
    await respond(c.slug, [{ clause: "1.1", comment: "Two" }]);
    const w = await respond(c.slug, [{ clause: "1.1", comment: "Gone" }]);
    await db.response.update({ where: { reference: w }, data: { withdrawnAt: new Date() } });
    const fresh = (await getConsultationFresh(c.slug))!;
    const at = new Date();
    expect(await countCloseEarly(fresh, at)).toEqual({ state: "open", closesAt: c.closesAt, at, responses: 2 });
    const draft = await createConsultation({ draft: true });
    expect((await countCloseEarly((await getConsultationFresh(draft.slug))!, at)).state).toBe("notOpen");

    // Another admin extended the deadline after this one's confirmation was shown: nothing is done.
    const later = new Date(c.closesAt.getTime() + 86_400_000);
    expect(await extendDeadline(admin.id, c.id, later, "More time")).toEqual({ ok: true });
    expect(await closeEarly(admin.id, c.id, "Enough", c.closesAt)).toMatchObject({ ok: false, key: "deadlineMoved" });
    expect((await db.consultation.findUniqueOrThrow({ where: { id: c.id } })).closesAt).toEqual(later);
    expect(await closeEarly(admin.id, c.id, "Enough", later)).toEqual({ ok: true });
    expect(await closeEarly(admin.id, c.id, "Again", later)).toMatchObject({ ok: false, key: "alreadyClosed" });
    const closed = (await getConsultationFresh(c.slug))!;
    expect(await countCloseEarly(closed, new Date())).toEqual({ state: "alreadyClosed", closesAt: closed.closesAt });
  });

  it("a new version: clauses changed, unchanged, added and removed; the responses that answered the current version", async () => {
    const admin = await staff("admin");
    const c = await createConsultation();
    await respond(c.slug, [{ clause: "1.1", comment: "Before" }]);
    const v1 = (await getConsultationFresh(c.slug))!;
    const [p1, a11] = v1.clauses;
    // Version 2: the principle keeps its text, 1.1 changes, 1.2 is new.
    const draft2 = checkDraft(
      "## 1. P\nBody\n\n1. Act now.\n2. Learn.\n",
      "## 1. P\nCorps\n\n1. Agir maintenant.\n2. Apprendre.\n",
    );
    expect(draft2.mismatches).toEqual([]);
    const mapping2 = { "1": p1.id, "1.1": a11.id, "1.2": null };
    expect(await countRedraft(v1, draft2.clauses, mapping2)).toEqual({
      changed: 1,
      unchanged: 1,
      added: 1,
      removed: 0,
      responses: 1,
      answeredCurrent: 1,
    });
    expect(await publishVersion(admin.id, v1, draft2.clauses, mapping2)).toMatchObject({ ok: true, version: 2 });
    await respond(c.slug, [{ clause: "1.2", comment: "After" }]);
    const v2 = (await getConsultationFresh(c.slug))!;
    // Version 3 drops 1.1 and 1.2, keeps the principle word for word.
    const draft3 = checkDraft("## 1. P\nBody\n\n1. Only this.\n", "## 1. P\nCorps\n\n1. Seulement ceci.\n");
    expect(await countRedraft(v2, draft3.clauses, { "1": v2.clauses[0].id, "1.1": null })).toEqual({
      changed: 0,
      unchanged: 1,
      added: 1,
      removed: 2,
      responses: 2,
      answeredCurrent: 1,
    });
  });

  it("erasing a respondent: the comments kept or deleted, the notes and earlier versions that go; an erased or unknown reference says so", async () => {
    const admin = await staff("admin");
    const c = await createConsultation();
    const kept = await respond(
      c.slug,
      [
        { clause: "1", comment: "Keep me" },
        { clause: "1.1", comment: "Me too" },
      ],
      { publication: "named", name: "Kim Kept" },
    );
    const dropped = await respond(c.slug, [{ clause: "1", comment: "Private" }], {
      publication: "none",
      name: "Pat Private",
    });
    const [k1, k11] = await itemsOf(kept);
    await db.itemNote.createMany({
      data: [
        { feedbackItemId: k1.id, authorId: admin.id, body: "Called back" },
        { feedbackItemId: k11.id, authorId: admin.id, body: "Again" },
      ],
    });
    const r = await db.response.findUniqueOrThrow({ where: { reference: kept } });
    await db.responseVersion.create({ data: { responseId: r.id, version: 1, kind: "changed", content: {} } });

    expect(await countErasure(` ${kept.toLowerCase()} `)).toMatchObject({
      ok: true,
      reference: kept,
      keepsText: true,
      comments: 2,
      notes: 2,
      versions: 1,
      receipt: false,
      formal: false,
      consultation: { slug: c.slug },
    });
    expect(await countErasure(dropped)).toMatchObject({
      ok: true,
      keepsText: false,
      comments: 1,
      notes: 0,
      versions: 0,
    });
    expect(await eraseResponse(admin.id, kept)).toEqual({ ok: true, keptText: true });
    expect(await countErasure(kept)).toEqual({ ok: false, reason: "alreadyErased" });
    expect(await countErasure("NOPE-2026-000001")).toEqual({ ok: false, reason: "notFound" });
    expect(await countErasure("not a reference")).toEqual({ ok: false, reason: "notFound" });
  });
});
