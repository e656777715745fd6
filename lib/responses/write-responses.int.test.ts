import { describe, expect, it } from "vitest";
import { deriveItems } from "@/lib/feedback/derive-items";
import { db } from "@/lib/db";
import { createConsultation, respondent } from "@/test/db-fixtures";
import { ZResponseInput } from "./schema";
import { submitResponse, yearFormat } from "./submit-response";
import { writeResponse, writerStats, type TResponseRow } from "./write-responses";

const meta = { locale: "en" as const, channel: "api" as const, clientIp: "192.0.2.7" };
const parse = (v: unknown) => ZResponseInput.parse(v);

describe("responses arriving together (write-responses.ts)", () => {
  it("are written in fewer statements than responses, each whole, with its own reference and items", async () => {
    const [a, b] = [await createConsultation(), await createConsultation()];
    const before = { ...writerStats };
    const inputs = Array.from({ length: 40 }, (_, i) =>
      parse({
        idempotencyKey: `together-${i}-${a.id.slice(0, 8)}`,
        feedback: [
          { clause: "1.1", clarity: { rating: (i % 5) + 1, comment: `Comment number ${i}` } },
          ...(i % 2 ? [{ clause: "1", clarity: { rating: 3 } }] : []),
        ],
        generalComment: `General ${i}`,
        respondent,
      }),
    );
    const results = await Promise.all(inputs.map((input, i) => submitResponse(i % 3 ? a.slug : b.slug, input, meta)));
    expect(results.every((r) => r.ok && !r.replayed)).toBe(true);
    const refs = results.map((r) => (r.ok ? r.reference : ""));
    expect(new Set(refs).size).toBe(40);
    expect(writerStats.rows - before.rows).toBe(40);
    expect(writerStats.statements - before.statements).toBeLessThan(40);

    // Each response holds exactly its own answers, in the consultation it was sent to.
    for (const [i, ref] of refs.entries()) {
      const stored = await db.response.findUniqueOrThrow({
        where: { reference: ref },
        include: { feedbackItems: { orderBy: { position: "asc" }, include: { triage: true, clause: true } } },
      });
      expect(stored.consultationId).toBe(i % 3 ? a.id : b.id);
      expect(stored.idempotencyKey).toBe(inputs[i].idempotencyKey);
      expect(stored.feedbackItems.map((f) => [f.aspect, f.rating, f.comment])).toEqual([
        ["clarity", (i % 5) + 1, `Comment number ${i}`],
        ...(i % 2 ? [["clarity", 3, null]] : []),
        ["general", null, `General ${i}`],
      ]);
      expect(stored.feedbackItems.every((f) => f.triage?.status === "new")).toBe(true);
      // The clause's text version the respondent read, as the row-by-row trigger would have set it.
      expect(stored.feedbackItems.map((f) => f.clauseVersion)).toEqual(
        stored.feedbackItems.map((f) => f.clause?.textVersion ?? null),
      );
    }
  });

  it("store a double submit of the same instant once, and refuse the same key with other answers", async () => {
    const c = await createConsultation();
    const first = parse({ idempotencyKey: "same-instant-0001", generalComment: "Once only", respondent });
    const other = parse({ idempotencyKey: "same-instant-0001", generalComment: "Something else", respondent });
    const results = await Promise.all([
      submitResponse(c.slug, first, meta),
      submitResponse(c.slug, first, meta),
      submitResponse(c.slug, other, meta),
      submitResponse(c.slug, first, meta),
    ]);
    const stored = results.filter((r) => r.ok && !r.replayed);
    expect(stored).toHaveLength(1);
    const reference = stored[0].ok ? stored[0].reference : "";
    expect(results.filter((r) => r.ok && r.replayed).map((r) => r.ok && r.reference)).toEqual([reference, reference]);
    expect(results[2]).toEqual({ ok: false, reason: "key_reused" });
    expect(await db.response.count({ where: { consultationId: c.id } })).toBe(1);
    expect(
      await db.feedbackItem.findMany({ where: { response: { consultationId: c.id } }, select: { comment: true } }),
    ).toEqual([{ comment: "Once only" }]);
  });

  it("let one row the database refuses fail alone, and one past its deadline store nothing", async () => {
    const open = await createConsultation();
    const closed = await createConsultation({ closesAt: new Date(Date.now() - 60_000) });
    const row = (consultationId: string, key: string, country = "FR"): TResponseRow => ({
      consultation_id: consultationId,
      at: new Date(),
      in_time: false,
      year: yearFormat("UTC").format(new Date()),
      idempotency_key: key,
      locale: "en",
      channel: "api",
      respondent_type: "individual",
      country,
      organisation_name: null,
      respondent_name: null,
      public_sector: false,
      email: null,
      publication: "anonymous",
      manage_token_hash: null,
      ip_hash: null,
      in_extension: false,
      keyed_by_id: null,
      received_on: null,
      request_hash: "a".repeat(64),
      manage_token: null,
      items: [
        {
          clause_id: null,
          aspect: "general",
          position: 0,
          rating: null,
          comment: `from ${key}`,
          term: null,
          proposed_wording: null,
          country_context: null,
          language: "en",
        },
      ],
    });
    const good = Array.from({ length: 6 }, (_, i) => writeResponse(row(open.id, `good-row-${i}-x`)));
    // Country "xx" breaks response_country_check: its batch fails as a whole and is written again row by row.
    const bad = writeResponse(row(open.id, "bad-row-000", "xx"));
    const late = writeResponse(row(closed.id, "late-row-000"));
    await expect(bad).rejects.toThrow(/response_country_check/);
    const stored = await Promise.all(good);
    expect(stored.every((s) => s && /^TEST-\d{4}-\d{6,}$/.test(s.reference))).toBe(true);
    expect(await late).toBeNull();
    expect(await db.response.count({ where: { consultationId: open.id } })).toBe(6);
    expect(await db.response.count({ where: { consultationId: closed.id } })).toBe(0);
    expect(await db.feedbackItem.count({ where: { response: { consultationId: open.id } } })).toBe(6);
  });

  it("index each item's text in the language it is written in, whatever the form's language", async () => {
    const c = await createConsultation();
    const r = await submitResponse(
      c.slug,
      parse({
        feedback: [
          { clause: "1.1", clarity: { rating: 2, comment: "Les délais ne sont pas indiqués dans cette clause." } },
        ],
        generalComment: "The definition of weak signals should be clearer for public servants.",
        respondent,
      }),
      { ...meta, locale: "en" },
    );
    if (!r.ok) throw new Error("not stored");
    // Nothing derived on the way in (the deadline rush's path); the job does it, within a minute.
    const stored = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM feedback_item fi JOIN response re ON re.id = fi.response_id
      WHERE re.reference = ${r.reference} AND fi.search IS NULL AND fi.fingerprint IS NULL`;
    expect(Number(stored[0].n)).toBe(2);
    await deriveItems();
    const rows = await db.$queryRaw<{ aspect: string; language: string; same: boolean; both: boolean }[]>`
      SELECT fi.aspect::text, fi.language,
        fi.search = to_tsvector(CASE fi.language WHEN 'fr' THEN 'french' ELSE 'english' END::regconfig, fi.comment || '   ') AS same,
        fi.search = to_tsvector('english', fi.comment || '   ') || to_tsvector('french', fi.comment || '   ') AS both
      FROM feedback_item fi JOIN response re ON re.id = fi.response_id WHERE re.reference = ${r.reference} ORDER BY fi.position`;
    expect(rows).toEqual([
      { aspect: "clarity", language: "fr", same: true, both: false },
      { aspect: "general", language: "en", same: true, both: false },
    ]);
  });
});
