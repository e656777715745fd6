// An item's full-text vector (in its language, else both), fingerprint and detected language are derived in the
// background (lib/feedback/derive-items.ts; 1764600000001_derive_in_background.sql): nothing on the deadline rush's
// path, dropped at once when a text changes, untouched by anything else; the queue's search finds an item before.
// Its moderation state is a row of its own (1764460000000_feedback_triage.sql), made with the item whoever stores it.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createConsultation, respondent } from "@/test/db-fixtures";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { deriveItems } from "./derive-items";
import { listFeedback } from "./list-feedback";

describe("an item's search vector, fingerprint and language", () => {
  it("are not computed when it is stored, are derived by the job, dropped when a text changes, and not touched by a change of anything else", async () => {
    const c = await createConsultation();
    const r = await submitResponse(
      c.slug,
      ZResponseInput.parse({
        respondent,
        generalComment: "Les fonctionnaires doivent être formés aux signaux faibles de l'innovation publique.",
      }),
      { locale: "fr", channel: "web" },
    );
    if (!r.ok) throw new Error("not stored");
    const [item] = await db.$queryRaw<
      { id: string }[]
    >`SELECT fi.id FROM feedback_item fi JOIN response r ON r.id = fi.response_id WHERE r.reference = ${r.reference}`;
    // The expression the GENERATED column had, in the item's own language when it has one (1764510000000_feedback_item_language.sql).
    const check = async () =>
      (
        await db.$queryRaw<
          { same: boolean; fp: string | null; s: string | null; language: string | null; detected: string | null }[]
        >`
      WITH t AS (SELECT *, coalesce(comment, '') || ' ' || coalesce(term, '') || ' ' || coalesce(proposed_wording, '') || ' ' || coalesce(country_context, '') AS texts
                 FROM feedback_item WHERE id = ${item.id}::uuid)
      SELECT search = CASE language WHEN 'en' THEN to_tsvector('english'::regconfig, texts) WHEN 'fr' THEN to_tsvector('french'::regconfig, texts)
        ELSE to_tsvector('english'::regconfig, texts) || to_tsvector('french'::regconfig, texts) END AS same,
        fingerprint AS fp, search::text AS s, language, detected_language AS detected
      FROM t`
      )[0];

    // Stored: nothing derived yet, and the queue's search finds it all the same.
    expect(await check()).toMatchObject({ s: null, fp: null, detected: null, language: "fr" });
    expect((await listFeedback(c.id, { q: "fonctionnaire" })).items.map((i) => i.id)).toEqual([item.id]);
    expect((await listFeedback(c.id, { q: "budgets" })).items).toEqual([]);

    expect(await deriveItems()).toBeGreaterThanOrEqual(1);
    const first = await check();
    expect(first).toMatchObject({ same: true, language: "fr", detected: "fra" });
    expect(first.s).toContain("fonctionnair");
    expect(first.fp).toMatch(/^[0-9a-f]{32}$/);
    expect((await listFeedback(c.id, { q: "fonctionnaire" })).items.map((i) => i.id)).toEqual([item.id]);

    await db.$executeRaw`UPDATE feedback_item SET cleared_at = now() WHERE id = ${item.id}::uuid`;
    expect(await check()).toEqual(first);

    // A changed text (a private-link change, an erasure) drops what was derived from it in the same statement.
    await db.$executeRaw`UPDATE feedback_item SET comment = 'Budgets for training are too small', language = 'en' WHERE id = ${item.id}::uuid`;
    expect(await check()).toMatchObject({ s: null, fp: null, detected: null });
    expect((await listFeedback(c.id, { q: "fonctionnaire" })).items).toEqual([]);
    expect((await listFeedback(c.id, { q: "budgets" })).items.map((i) => i.id)).toEqual([item.id]);
    await deriveItems();
    const changed = await check();
    expect(changed).toMatchObject({ same: true, detected: "eng" });
    expect(changed.s).toContain("budget");
    expect(changed.s).not.toContain("fonctionnair");
    expect(changed.fp).toMatch(/^[0-9a-f]{32}$/);
    expect(changed.fp).not.toBe(first.fp);

    // A writer that does not say the language (older rows, plain SQL) gets both, as before.
    await db.$executeRaw`UPDATE feedback_item SET language = NULL WHERE id = ${item.id}::uuid`;
    await deriveItems();
    const both = await check();
    expect(both.same).toBe(true);
    expect(both.s).toContain("'budget'");
    expect(both.s).toContain("'small'");
  });
});

describe("deriving in the background", () => {
  it("stops in the middle of a batch when the server begins to refuse requests for its load, and writes nothing of it", async () => {
    const c = await createConsultation();
    for (const text of [
      "Les fonctionnaires doivent être formés aux signaux faibles.",
      "Training budgets are too small for local governments.",
      "Die Vergaberegeln sind für kleine Unternehmen zu kompliziert.",
      "Public servants need time to experiment with new methods.",
    ]) {
      const r = await submitResponse(c.slug, ZResponseInput.parse({ respondent, generalComment: text }), {
        locale: "en",
        channel: "web",
      });
      if (!r.ok) throw new Error("not stored");
    }
    const underived = async () =>
      (
        await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM feedback_item fi JOIN response r ON r.id = fi.response_id
        WHERE r.consultation_id = ${c.id}::uuid AND fi.search IS NULL`
      )[0].n;
    expect(await underived()).toBe(4);
    // What scripts/server.mjs says: calm when the run starts, refusing requests for its load from its third question on.
    const key = Symbol.for("clausewise.overloadedWithin");
    const g = globalThis as Record<symbol, unknown>;
    const saved = g[key];
    let asked = 0;
    g[key] = () => ++asked > 2;
    try {
      expect(await deriveItems()).toBe(0);
      expect(asked).toBeGreaterThan(2);
    } finally {
      g[key] = saved;
    }
    expect(await underived()).toBe(4);
    // After the rush the next run derives them all.
    expect(await deriveItems()).toBeGreaterThanOrEqual(4);
    expect(await underived()).toBe(0);
  });
});

describe("an item's moderation state", () => {
  it("is made with the item, one row each, however many one statement inserts, and goes with it", async () => {
    const c = await createConsultation();
    const r = await submitResponse(
      c.slug,
      ZResponseInput.parse({
        respondent,
        generalComment: "One general comment.",
        feedback: [{ clause: "1", clarity: { rating: 4, comment: "Clear." } }],
      }),
      { locale: "en", channel: "web" },
    );
    if (!r.ok) throw new Error("not stored");
    const response = await db.response.findUniqueOrThrow({ where: { reference: r.reference }, select: { id: true } });
    // Plain SQL, several rows in one statement, as a script or an import would write them.
    await db.$executeRaw`
      INSERT INTO feedback_item (response_id, aspect, position, comment)
      SELECT ${response.id}::uuid, 'general', 10 + g, 'Imported ' || g FROM generate_series(1, 3) g`;
    const items = await db.feedbackItem.findMany({ where: { responseId: response.id }, include: { triage: true } });
    expect(items).toHaveLength(5);
    for (const i of items)
      expect(i.triage).toMatchObject({
        feedbackItemId: i.id,
        status: "new",
        disposition: null,
        version: 1,
        campaignId: null,
      });
    // The state goes with its item (an erased response takes both).
    await db.response.delete({ where: { id: response.id } });
    expect(await db.feedbackTriage.count({ where: { feedbackItemId: { in: items.map((i) => i.id) } } })).toBe(0);
  });
});
