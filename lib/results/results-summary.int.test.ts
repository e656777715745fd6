// Results people can read (issue 11, item 6): the summary's numbers are the items' own numbers; only
// published comments are listed, a few per clause on the page and every one through the clause's pages;
// the final text comes with a redline against the consulted draft. All of it read from the copy.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createConsultation, respondent, staff } from "@/test/db-fixtures";
import { seedVariedItems } from "@/test/seed-varied-items";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { publishResults } from "@/lib/drafting/lifecycle";
import { runJobs } from "@/test/run-jobs";
import { clearConsultationCache } from "@/lib/consultations/get-consultation";
import { COMMENTS_SHOWN, RESULTS_FORMAT, readResults } from "./build-results";
import { COMMENTS_PER_PAGE, listClauseComments } from "./list-clause-comments";

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: env().DATABASE_URL });
  await client.connect();
});
afterAll(() => client.end());

async function closeAndPublish(consultationId: string, closesAt = new Date(Date.now() - 1000)) {
  const admin = await staff("admin");
  await db.consultation.update({ where: { id: consultationId }, data: { closesAt } });
  await clearConsultationCache();
  expect(await publishResults(admin.id, consultationId)).toEqual({ ok: true });
  await runJobs(); // the copy, as a server's worker builds it
}

/** Rows of [key, count] from SQL, as a plain record. */
const tally = (rows: { k: string | null; n: string | number }[]) =>
  Object.fromEntries(rows.map((r) => [r.k ?? "none", Number(r.n)]));

// What the results count: items of responses not withdrawn, spam and duplicates left out.
const COUNTED = `FROM feedback_item fi JOIN feedback_triage tr ON tr.feedback_item_id = fi.id JOIN response r ON r.id = fi.response_id
  WHERE r.consultation_id = $1::uuid AND r.withdrawn_at IS NULL AND tr.status NOT IN ('spam', 'duplicate')`;
const LISTED = `AND r.publication <> 'none' AND (fi.cleared_at IS NOT NULL OR (r.channel = 'formal' AND k.publish_formal))
  AND (fi.comment IS NOT NULL OR fi.proposed_wording IS NOT NULL OR fi.stance IS NOT NULL)`;

describe("the results summary", () => {
  it("counts responses by respondent type and country, comments by aspect and decisions by kind exactly as the items do", async () => {
    const c = await createConsultation();
    await seedVariedItems(client, c.id, 300);
    await closeAndPublish(c.id);
    const { summary, sections } = await readResults(c.id);
    const q = async (sql: string) => (await client.query(sql, [c.id])).rows;
    const responsesBy = (col: string) =>
      q(`SELECT r.${col}::text AS k, count(DISTINCT r.id) AS n ${COUNTED} GROUP BY 1`);

    // The data really is varied: spam, duplicates and withdrawn responses exist and are left out.
    expect(
      Number(
        (
          await q(
            `SELECT count(*) AS n FROM feedback_item fi JOIN feedback_triage tr ON tr.feedback_item_id = fi.id JOIN response r ON r.id = fi.response_id WHERE r.consultation_id = $1::uuid AND tr.status IN ('spam', 'duplicate')`,
          )
        )[0].n,
      ),
    ).toBeGreaterThan(10);
    expect(
      Number(
        (await q(`SELECT count(*) AS n FROM response WHERE consultation_id = $1::uuid AND withdrawn_at IS NOT NULL`))[0]
          .n,
      ),
    ).toBeGreaterThan(5);

    expect(summary.responses.total).toBe(Number((await q(`SELECT count(DISTINCT r.id) AS n ${COUNTED}`))[0].n));
    expect(summary.responses.byType).toEqual(tally(await responsesBy("respondent_type")));
    expect(Object.keys(summary.responses.byType)).toHaveLength(4);
    expect(summary.responses.byCountry).toEqual(tally(await responsesBy("country")));
    expect(Object.keys(summary.responses.byCountry)).toHaveLength(6);
    expect(summary.byAspect).toEqual(
      tally(await q(`SELECT fi.aspect::text AS k, count(*) AS n ${COUNTED} GROUP BY 1`)),
    );
    expect(summary.dispositions).toEqual(
      tally(await q(`SELECT tr.disposition::text AS k, count(*) AS n ${COUNTED} GROUP BY 1`)),
    );
    expect(Object.keys(summary.dispositions).sort()).toEqual(["accepted", "none", "not_accepted", "partly_accepted"]);
    const overall = await q(
      `SELECT fi.aspect::text AS k, count(fi.rating) AS n, round(avg(fi.rating), 2)::float8 AS avg ${COUNTED} AND fi.rating IS NOT NULL GROUP BY 1`,
    );
    expect(summary.ratings).toEqual(Object.fromEntries(overall.map((r) => [r.k, { avg: r.avg, n: Number(r.n) }])));
    expect(summary.items).toBe(Object.values(summary.byAspect).reduce((a, b) => a + b, 0));

    const perClause =
      await q(`SELECT fi.clause_id AS id, fi.aspect::text AS aspect, tr.disposition::text AS disposition, count(*) AS n,
        count(fi.rating) AS rated, round(avg(fi.rating), 2)::float8 AS avg ${COUNTED} GROUP BY 1, 2, 3`);
    const listed = tally(
      await q(`SELECT fi.clause_id::text AS k, count(*) AS n FROM feedback_item fi JOIN feedback_triage tr ON tr.feedback_item_id = fi.id JOIN response r ON r.id = fi.response_id
        JOIN consultation k ON k.id = r.consultation_id WHERE r.consultation_id = $1::uuid AND r.withdrawn_at IS NULL AND tr.status NOT IN ('spam', 'duplicate') ${LISTED} GROUP BY 1`),
    );
    const clauseIds = [...new Set(perClause.map((r) => r.id as string | null))];
    expect(clauseIds.length).toBe(3); // two clauses and the general comments
    for (const id of clauseIds) {
      const s = sections.get(id)!;
      const mine = perClause.filter((r) => r.id === id);
      const sum = (f: (r: (typeof mine)[number]) => boolean) => mine.filter(f).reduce((a, r) => a + Number(r.n), 0);
      expect(s.items).toBe(sum(() => true));
      for (const a of new Set(mine.map((r) => r.aspect as string))) {
        expect(s.byAspect[a]).toBe(sum((r) => r.aspect === a));
        const rated = (
          await q(
            `SELECT count(fi.rating) AS n, round(avg(fi.rating), 2)::float8 AS avg ${COUNTED} AND fi.clause_id IS NOT DISTINCT FROM ${id ? `'${id}'::uuid` : "NULL"} AND fi.aspect = '${a}'`,
          )
        )[0];
        if (Number(rated.n)) expect(s.ratings[a]).toEqual({ avg: rated.avg, n: Number(rated.n) });
        else expect(s.ratings[a]).toBeUndefined();
      }
      for (const d of ["accepted", "partly_accepted", "not_accepted", null])
        expect(s.dispositions[d ?? "none"] ?? 0).toBe(sum((r) => r.disposition === d));
      expect(s.listed).toBe(listed[id ?? "none"] ?? 0);
    }
    expect([...sections.values()].reduce((a, s) => a + s.listed, 0)).toBe(summary.listed);
  });

  it("lists only published comments: the first few on the page, each of them exactly once through the clause's pages", async () => {
    const c = await createConsultation();
    await seedVariedItems(client, c.id, 600);
    await closeAndPublish(c.id);
    const { sections } = await readResults(c.id);
    for (const s of sections.values()) {
      const direct = (
        await client.query(
          `SELECT coalesce(fi.comment, fi.proposed_wording) AS text FROM feedback_item fi JOIN feedback_triage tr ON tr.feedback_item_id = fi.id JOIN response r ON r.id = fi.response_id JOIN consultation k ON k.id = r.consultation_id
         WHERE r.consultation_id = $1::uuid AND r.withdrawn_at IS NULL AND tr.status NOT IN ('spam', 'duplicate') AND fi.clause_id IS NOT DISTINCT FROM $2::uuid ${LISTED}`,
          [c.id, s.clauseId],
        )
      ).rows.map((r) => r.text as string);
      expect(direct.length).toBeGreaterThan(COMMENTS_PER_PAGE); // more than one page each
      const pages = Math.ceil(s.listed / COMMENTS_PER_PAGE);
      const all: string[] = [];
      for (let p = 1; p <= pages; p++) {
        const got = await listClauseComments(c.id, s, p);
        expect(got?.rows.length).toBe(p < pages ? COMMENTS_PER_PAGE : s.listed - (pages - 1) * COMMENTS_PER_PAGE);
        all.push(...got!.rows.map((r) => (r.comment ?? r.proposed_wording)!));
      }
      expect(all.sort()).toEqual(direct.sort());
      expect(await listClauseComments(c.id, s, pages + 1)).toBeNull();
      expect(await listClauseComments(c.id, s, 0)).toBeNull();
      const first = await listClauseComments(c.id, s, 1);
      expect(s.shown).toEqual(first!.rows.slice(0, COMMENTS_SHOWN));
    }
  });

  it("gives the final text with a redline against the consulted draft, and keeps principle titles", async () => {
    const c = await createConsultation();
    await db.clause.updateMany({
      where: { consultationId: c.id, key: "1.1" },
      data: { bodyEn: "Act on signals.", bodyFr: "Agir sur les signaux." },
    });
    await submitResponse(
      c.slug,
      ZResponseInput.parse({ feedback: [{ clause: "1.1", clarity: { rating: 2 } }], respondent }),
      { locale: "en", channel: "web" },
    );
    // Closed after the clause's first version was written (the fixture, then a response, take more than 5 ms)…
    const closesAt = new Date(Date.now() - 5);
    await db.consultation.update({ where: { id: c.id }, data: { closesAt } });
    // …and the final text, after closing (a new version of the draft).
    await db.clause.updateMany({
      where: { consultationId: c.id, key: "1.1" },
      data: { bodyEn: "Act early on weak signals.", bodyFr: "Agir sur les signaux faibles.", textVersion: 2 },
    });
    await closeAndPublish(c.id, closesAt);
    const { sections } = await readResults(c.id);
    const byKey = new Map([...sections.values()].map((s) => [s.key, s]));
    const action = byKey.get("1.1")!;
    expect(action.change).toBe("changed");
    expect(action.redline!.en).toEqual([
      { kind: "same", text: "Act " },
      { kind: "added", text: "early " },
      { kind: "same", text: "on " },
      { kind: "added", text: "weak " },
      { kind: "same", text: "signals." },
    ]);
    const join = (parts: { kind: string; text: string }[], keep: string) =>
      parts
        .filter((p) => p.kind !== keep)
        .map((p) => p.text)
        .join("");
    expect(join(action.redline!.fr, "removed")).toBe("Agir sur les signaux faibles.");
    expect(join(action.redline!.fr, "added")).toBe("Agir sur les signaux.");
    const principle = byKey.get("1")!;
    expect([principle.kind, principle.number, principle.heading, principle.change]).toEqual([
      "principle",
      "1",
      { en: "P", fr: "P" },
      "unchanged",
    ]);
    expect([...sections.values()].map((s) => s.key)).toEqual(["1", "1.1"]);
  });

  it("rebuilds a copy of an older format on first read, dated from the publication it stands for", async () => {
    const c = await createConsultation();
    await seedVariedItems(client, c.id, 20);
    await closeAndPublish(c.id);
    const builtAt = new Date(Date.now() - 86_400_000);
    await db.resultsCopy.update({ where: { consultationId: c.id }, data: { builtAt, summary: { sections: [] } } });
    const copy = await readResults(c.id);
    expect(copy.summary.format).toBe(RESULTS_FORMAT);
    expect(copy.builtAt.getTime()).toBe(builtAt.getTime());
    expect(copy.summary.responses.total).toBeGreaterThan(10);
  });
});
