// The published results are computed once, when an admin publishes them (and
// again each time they publish them again), into results_row (the response
// matrix, the CSV) and results_copy (what the page shows: per clause counts by
// aspect, averages, dispositions, the final text and the matrix's first rows).
// The public reads only this copy: the page costs one primary-key read at any
// size, and decisions changed afterwards reach the public when the results are
// published again. Results published before the copy existed get it on first read.
import { db } from "@/lib/db";
import { resultsSelect, type TMatrixRow } from "./get-results";

type TTx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** The matrix rows shown per clause on the page; the CSV has them all. */
export const MATRIX_ROWS_SHOWN = 50;

export type TSectionResult = {
  clauseId: string | null;
  finalText: { en: string; fr: string } | null;
  byAspect: Record<string, number>;
  clarity: number | null;
  feasibility: number | null;
  dispositions: Record<string, number>;
  matrix: TMatrixRow[];
};
export type TResultsSummary = { sections: TSectionResult[] };

/** A build at a million items takes seconds: the transaction may take minutes. */
export const BUILD_TIMEOUT_MS = 10 * 60_000;

/** One build at a time per consultation, whichever server (publication, or a first read). */
const lockBuild = (tx: TTx, consultationId: string) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`results:${consultationId}`}, 0))`;

/** (Re)computes the copy inside `tx` from the live data; `builtAt` is the publication it stands for. */
export async function buildResultsCopy(tx: TTx, consultationId: string, builtAt: Date): Promise<void> {
  await lockBuild(tx, consultationId);
  await tx.$executeRaw`DELETE FROM results_row WHERE consultation_id = ${consultationId}::uuid`;
  await tx.$executeRaw`
    INSERT INTO results_row (consultation_id, seq, clause_id, clause_key, clause_number, aspect, rating, stance, comment, proposed_wording,
      published, disposition, disposition_reason, official, country)
    SELECT ${consultationId}::uuid, row_number() OVER (ORDER BY m.clause_position NULLS LAST, m.disposition_order NULLS LAST, m.number, m.position),
      m.clause_id, m.clause_key, m.clause_number, m.aspect, m.rating, m.stance, m.comment, m.proposed_wording,
      m.published, m.disposition, m.disposition_reason, m.official, m.country
    FROM (${resultsSelect(consultationId)}) m`;
  const groups = await tx.$queryRaw<{ clause_id: string | null; aspect: string; disposition: string | null; n: bigint; avg_rating: number | null; first_seq: number }[]>`
    SELECT clause_id, aspect, disposition, count(*) AS n, avg(rating)::float8 AS avg_rating, min(seq) AS first_seq
    FROM results_row WHERE consultation_id = ${consultationId}::uuid GROUP BY 1, 2, 3`;
  // A clause's rows are consecutive in seq (ordered by clause first): its first rows are a key range, no sort.
  const firstSeq = new Map<string | null, number>();
  for (const g of groups) firstSeq.set(g.clause_id, Math.min(firstSeq.get(g.clause_id) ?? Infinity, g.first_seq));
  const firstRows = await tx.$queryRaw<(TMatrixRow & { clause_id: string | null; range_start: number })[]>`
    SELECT f.s AS range_start, rr.clause_id, rr.clause_number, rr.clause_key, rr.aspect, rr.rating, rr.stance, rr.comment, rr.proposed_wording, rr.published,
      rr.disposition, rr.disposition_reason, rr.official, rr.country
    FROM unnest(${[...firstSeq.values()]}::int[]) f(s)
    JOIN results_row rr ON rr.consultation_id = ${consultationId}::uuid AND rr.seq BETWEEN f.s AND f.s + ${MATRIX_ROWS_SHOWN - 1}
    ORDER BY rr.seq`;
  const clauses = await tx.clause.findMany({
    where: { consultationId, removedInVersion: null }, orderBy: { position: "asc" }, select: { id: true, bodyEn: true, bodyFr: true },
  });

  const sections = new Map<string | null, TSectionResult & { ratings: Record<string, { sum: number; n: number }> }>();
  const section = (clauseId: string | null) => {
    let e = sections.get(clauseId);
    if (!e) sections.set(clauseId, (e = { clauseId, finalText: null, byAspect: {}, clarity: null, feasibility: null, dispositions: {}, matrix: [], ratings: {} }));
    return e;
  };
  for (const k of clauses) section(k.id).finalText = { en: k.bodyEn, fr: k.bodyFr };
  for (const g of groups) {
    const e = section(g.clause_id);
    const n = Number(g.n);
    e.byAspect[g.aspect] = (e.byAspect[g.aspect] ?? 0) + n;
    e.dispositions[g.disposition ?? "none"] = (e.dispositions[g.disposition ?? "none"] ?? 0) + n;
    if (g.avg_rating !== null) {
      const acc = (e.ratings[g.aspect] ??= { sum: 0, n: 0 });
      acc.sum += g.avg_rating * n;
      acc.n += n;
    }
  }
  // A short clause's range runs into the next clause's rows: each row counts only in its own clause's range.
  for (const { clause_id, range_start, ...row } of firstRows) if (firstSeq.get(clause_id) === range_start) section(clause_id).matrix.push(row);
  const summary: TResultsSummary = {
    sections: [...sections.values()].map(({ ratings, ...e }) => {
      const avg = (a: string) => (ratings[a]?.n ? Math.round((ratings[a].sum / ratings[a].n) * 100) / 100 : null);
      return { ...e, clarity: avg("clarity"), feasibility: avg("feasibility") };
    }),
  };
  await tx.$executeRaw`
    INSERT INTO results_copy (consultation_id, built_at, summary) VALUES (${consultationId}::uuid, ${builtAt}, ${JSON.stringify(summary)}::jsonb)
    ON CONFLICT (consultation_id) DO UPDATE SET built_at = excluded.built_at, summary = excluded.summary`;
}

export type TResultsCopy = { builtAt: Date; sections: Map<string | null, TSectionResult> };

async function readCopy(consultationId: string): Promise<TResultsCopy | null> {
  const [row] = await db.$queryRaw<{ built_at: Date; summary: TResultsSummary }[]>`
    SELECT built_at, summary FROM results_copy WHERE consultation_id = ${consultationId}::uuid`;
  return row ? { builtAt: row.built_at, sections: new Map(row.summary.sections.map((s) => [s.clauseId, s])) } : null;
}

/**
 * The published results of a consultation whose results are published (the caller checks): the copy,
 * built now if it was published before copies existed.
 */
export async function readResults(consultationId: string): Promise<TResultsCopy> {
  const copy = await readCopy(consultationId);
  if (copy) return copy;
  await db.$transaction(async (tx) => {
    await lockBuild(tx, consultationId);
    const [done] = await tx.$queryRaw<{ n: number }[]>`SELECT 1 AS n FROM results_copy WHERE consultation_id = ${consultationId}::uuid`;
    if (done) return;
    // Not a new publication: the copy stands for the one that was made.
    const { resultsPublishedAt } = await tx.consultation.findUniqueOrThrow({ where: { id: consultationId }, select: { resultsPublishedAt: true } });
    await buildResultsCopy(tx, consultationId, resultsPublishedAt ?? new Date());
  }, { timeout: BUILD_TIMEOUT_MS, maxWait: BUILD_TIMEOUT_MS });
  return (await readCopy(consultationId))!;
}
