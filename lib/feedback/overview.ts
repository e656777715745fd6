// The numbers of the overview page, for one consultation. Aggregates over
// every item: cached for a minute per server, so a dozen moderators looking
// at it cost one set of queries.
import { db } from "@/lib/db";
import { ttlCache } from "@/lib/ttl-cache";

export type TOverview = {
  byClauseAspect: { clause_id: string | null; aspect: string; n: number; avg_rating: number | null }[];
  byType: { key: string; n: number }[];
  byCountry: { key: string; n: number }[];
  byDay: { day: string; n: number }[];
  terms: { term: string; proposed: string | null; n: number }[];
};

async function load(key: string): Promise<TOverview> {
  const [consultationId, timeZone] = key.split("|");
  const num = <T extends { n: bigint | number }>(rows: T[]) => rows.map((r) => ({ ...r, n: Number(r.n) }));
  const [byClauseAspect, byType, byCountry, byDay, terms] = await Promise.all([
    db.$queryRaw<{ clause_id: string | null; aspect: string; n: bigint; avg_rating: number | null }[]>`
      SELECT fi.clause_id, fi.aspect::text, count(*) AS n, round(avg(fi.rating)::numeric, 2)::float8 AS avg_rating
      FROM feedback_item fi JOIN response r ON r.id = fi.response_id
      WHERE r.consultation_id = ${consultationId}::uuid AND r.withdrawn_at IS NULL GROUP BY 1, 2`,
    db.$queryRaw<{ key: string; n: bigint }[]>`
      SELECT respondent_type::text AS key, count(*) AS n FROM response WHERE consultation_id = ${consultationId}::uuid AND withdrawn_at IS NULL GROUP BY 1 ORDER BY 2 DESC`,
    db.$queryRaw<{ key: string; n: bigint }[]>`
      SELECT country AS key, count(*) AS n FROM response WHERE consultation_id = ${consultationId}::uuid AND withdrawn_at IS NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 30`,
    db.$queryRaw<{ day: string; n: bigint }[]>`
      SELECT to_char(date_trunc('day', submitted_at AT TIME ZONE ${timeZone}), 'YYYY-MM-DD') AS day, count(*) AS n
      FROM response WHERE consultation_id = ${consultationId}::uuid AND withdrawn_at IS NULL GROUP BY 1 ORDER BY 1 DESC LIMIT 90`,
    db.$queryRaw<{ term: string; proposed: string | null; n: bigint }[]>`
      SELECT lower(fi.term) AS term, fi.proposed_wording AS proposed, count(*) AS n
      FROM feedback_item fi JOIN response r ON r.id = fi.response_id
      WHERE r.consultation_id = ${consultationId}::uuid AND r.withdrawn_at IS NULL AND fi.term IS NOT NULL
      GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT 200`,
  ]);
  return {
    byClauseAspect: num(byClauseAspect),
    byType: num(byType),
    byCountry: num(byCountry),
    byDay: num(byDay).reverse(),
    terms: num(terms),
  };
}

const cache = ttlCache(60_000, load, { stale: true });

export function getOverview(consultationId: string, timeZone: string): Promise<TOverview> {
  return cache.get(`${consultationId}|${timeZone}`);
}
