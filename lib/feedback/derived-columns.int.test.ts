// An item's full-text vector (in its language, else both) and fingerprint follow its texts (the trigger in
// 1764430000000_feedback_item_derived_by_trigger.sql), and a triage change leaves
// them alone without recomputing them. Its moderation state is a row of its own
// (1764460000000_feedback_triage.sql), made with the item whoever stores it.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createConsultation, respondent } from "@/test/db-fixtures";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";

describe("an item's search vector and fingerprint", () => {
  it("are computed on insert, follow a changed text, and are not touched by a change of anything else (clearing for publication)", async () => {
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
        await db.$queryRaw<{ same: boolean; fp: string | null; s: string; language: string | null }[]>`
      WITH t AS (SELECT *, coalesce(comment, '') || ' ' || coalesce(term, '') || ' ' || coalesce(proposed_wording, '') || ' ' || coalesce(country_context, '') AS texts
                 FROM feedback_item WHERE id = ${item.id}::uuid)
      SELECT search = CASE language WHEN 'en' THEN to_tsvector('english'::regconfig, texts) WHEN 'fr' THEN to_tsvector('french'::regconfig, texts)
        ELSE to_tsvector('english'::regconfig, texts) || to_tsvector('french'::regconfig, texts) END AS same,
        fingerprint AS fp, search::text AS s, language
      FROM t`
      )[0];

    const first = await check();
    expect(first.language).toBe("fr");
    expect(first.same).toBe(true);
    expect(first.s).toContain("fonctionnair");
    expect(first.fp).toMatch(/^[0-9a-f]{32}$/);

    await db.$executeRaw`UPDATE feedback_item SET cleared_at = now() WHERE id = ${item.id}::uuid`;
    expect(await check()).toEqual(first);

    await db.$executeRaw`UPDATE feedback_item SET comment = 'Budgets for training are too small' WHERE id = ${item.id}::uuid`;
    const changed = await check();
    expect(changed.same).toBe(true);
    expect(changed.s).toContain("budget");
    expect(changed.s).not.toContain("fonctionnair");
    expect(changed.fp).not.toBe(first.fp);

    // Written directly, the derived values are put right again.
    await db.$executeRaw`UPDATE feedback_item SET search = to_tsvector('simple', 'nothing'), fingerprint = NULL WHERE id = ${item.id}::uuid`;
    expect(await check()).toEqual(changed);

    // A writer that does not say the language (older rows, plain SQL) gets both, as before.
    await db.$executeRaw`UPDATE feedback_item SET language = NULL WHERE id = ${item.id}::uuid`;
    const both = await check();
    expect(both.same).toBe(true);
    expect(both.s).toContain("'budget'");
    expect(both.s).toContain("'small'");
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
