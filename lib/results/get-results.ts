// The results of a closed consultation, once an admin publishes them: per
// clause, comments by aspect, average ratings, what was decided on each
// comment (the response matrix) and the final text. A comment's own words
// appear only where publication allows (see lib/publication/published-query.ts).
import { db } from "@/lib/db";

/** SQL: true when the public may read this item's text (fi, r, k = feedback_item, response, consultation). */
export const PUBLISHABLE = `(r.publication <> 'none' AND (fi.cleared_at IS NOT NULL OR (r.channel = 'formal' AND k.publish_formal)))`;

export const RESULTS_SQL = `
  SELECT c.number AS clause_number, c.key AS clause_key, fi.aspect::text AS aspect, fi.rating, fi.stance::text AS stance,
    CASE WHEN ${PUBLISHABLE} THEN fi.comment END AS comment,
    CASE WHEN ${PUBLISHABLE} THEN fi.proposed_wording END AS proposed_wording,
    ${PUBLISHABLE} AS published, fi.disposition::text AS disposition, fi.disposition_reason, (r.channel = 'formal') AS official,
    CASE WHEN r.channel = 'formal' THEN r.country END AS country, c.body_en AS final_text_en, c.body_fr AS final_text_fr
  FROM feedback_item fi
  JOIN response r ON r.id = fi.response_id
  JOIN consultation k ON k.id = r.consultation_id
  LEFT JOIN clause c ON c.id = fi.clause_id
  WHERE r.consultation_id = $1::uuid AND r.withdrawn_at IS NULL AND fi.status NOT IN ('spam', 'duplicate')
  ORDER BY c.position NULLS LAST, fi.disposition NULLS LAST, r.number, fi.position`;

export type TClauseResult = {
  clauseId: string | null;
  byAspect: Record<string, number>;
  clarity: number | null;
  feasibility: number | null;
  dispositions: Record<string, number>;
};

export async function getResults(consultationId: string) {
  const rows = await db.$queryRaw<{ clause_id: string | null; aspect: string; disposition: string | null; n: bigint; avg_rating: number | null }[]>`
    SELECT fi.clause_id, fi.aspect::text AS aspect, fi.disposition::text AS disposition, count(*) AS n, avg(fi.rating)::float8 AS avg_rating
    FROM feedback_item fi JOIN response r ON r.id = fi.response_id
    WHERE r.consultation_id = ${consultationId}::uuid AND r.withdrawn_at IS NULL AND fi.status NOT IN ('spam', 'duplicate')
    GROUP BY 1, 2, 3`;
  const out = new Map<string | null, TClauseResult & { ratings: Record<string, { sum: number; n: number }> }>();
  for (const r of rows) {
    const e = out.get(r.clause_id) ?? { clauseId: r.clause_id, byAspect: {}, clarity: null, feasibility: null, dispositions: {}, ratings: {} };
    const n = Number(r.n);
    e.byAspect[r.aspect] = (e.byAspect[r.aspect] ?? 0) + n;
    e.dispositions[r.disposition ?? "none"] = (e.dispositions[r.disposition ?? "none"] ?? 0) + n;
    if (r.avg_rating !== null) {
      const acc = (e.ratings[r.aspect] ??= { sum: 0, n: 0 });
      acc.sum += r.avg_rating * n;
      acc.n += n;
    }
    out.set(r.clause_id, e);
  }
  for (const e of out.values()) {
    const avg = (a: string) => (e.ratings[a]?.n ? Math.round((e.ratings[a].sum / e.ratings[a].n) * 100) / 100 : null);
    e.clarity = avg("clarity");
    e.feasibility = avg("feasibility");
  }
  return out;
}

export type TMatrixRow = {
  clause_number: string | null; clause_key: string | null; aspect: string; rating: number | null; stance: string | null; comment: string | null;
  proposed_wording: string | null; published: boolean; disposition: string | null; disposition_reason: string | null; official: boolean; country: string | null;
};

/** The response matrix for one clause (or the general comments), decided items first, a page at most. */
export async function matrixFor(consultationId: string, clauseKey: string | null, limit = 50): Promise<TMatrixRow[]> {
  return db.$queryRawUnsafe<TMatrixRow[]>(
    `SELECT * FROM (${RESULTS_SQL}) m WHERE (($2::text IS NULL AND m.clause_key IS NULL) OR m.clause_key = $2::text) LIMIT ${Math.min(limit, 500)}`,
    consultationId, clauseKey,
  );
}
