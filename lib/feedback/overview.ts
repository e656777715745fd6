// The numbers of the overview page, for one consultation. Aggregates over
// every item: cached for a minute per server, so a dozen moderators looking
// at it cost one set of queries.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { ttlCache } from "@/lib/ttl-cache";

export type TOverview = {
  byClauseAspect: { clause_id: string | null; aspect: string; n: number; avg_rating: number | null }[];
  byType: { key: string; n: number }[];
  byCountry: { key: string; n: number }[];
  byDay: { day: string; n: number }[];
  terms: { term: string; proposed: string | null; n: number }[];
};

/** The overview's queries (also run by the consultation workbook on its export connection: lib/reports/). */
export function overviewQueries(consultationId: string, timeZone: string) {
  return {
    byClauseAspect: Prisma.sql`
      SELECT fi.clause_id, fi.aspect::text, count(*) AS n, round(avg(fi.rating)::numeric, 2)::float8 AS avg_rating
      FROM feedback_item fi JOIN response r ON r.id = fi.response_id
      WHERE r.consultation_id = ${consultationId}::uuid AND r.withdrawn_at IS NULL GROUP BY 1, 2`,
    byType: Prisma.sql`
      SELECT respondent_type::text AS key, count(*) AS n FROM response WHERE consultation_id = ${consultationId}::uuid AND withdrawn_at IS NULL GROUP BY 1 ORDER BY 2 DESC`,
    byCountry: Prisma.sql`
      SELECT country AS key, count(*) AS n FROM response WHERE consultation_id = ${consultationId}::uuid AND withdrawn_at IS NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 30`,
    byDay: Prisma.sql`
      SELECT to_char(date_trunc('day', submitted_at AT TIME ZONE ${timeZone}), 'YYYY-MM-DD') AS day, count(*) AS n
      FROM response WHERE consultation_id = ${consultationId}::uuid AND withdrawn_at IS NULL GROUP BY 1 ORDER BY 1 DESC LIMIT 90`,
    terms: Prisma.sql`
      SELECT lower(fi.term) AS term, fi.proposed_wording AS proposed, count(*) AS n
      FROM feedback_item fi JOIN response r ON r.id = fi.response_id
      WHERE r.consultation_id = ${consultationId}::uuid AND r.withdrawn_at IS NULL AND fi.term IS NOT NULL
      GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT 200`,
  };
}

type TRow = Record<string, unknown> & { n: bigint | number | string };

/** The overview from `run` (Prisma's client, or a pg connection): each query's rows, counts as numbers. */
export async function loadOverview(
  consultationId: string,
  timeZone: string,
  run: (sql: Prisma.Sql) => Promise<TRow[]>,
): Promise<TOverview> {
  const q = overviewQueries(consultationId, timeZone);
  const num = (rows: TRow[]) => rows.map((r) => ({ ...r, n: Number(r.n) }));
  const [byClauseAspect, byType, byCountry, byDay, terms] = await Promise.all(
    [q.byClauseAspect, q.byType, q.byCountry, q.byDay, q.terms].map(async (sql) => num(await run(sql))),
  );
  return {
    byClauseAspect: byClauseAspect as TOverview["byClauseAspect"],
    byType: byType as TOverview["byType"],
    byCountry: byCountry as TOverview["byCountry"],
    byDay: (byDay as TOverview["byDay"]).reverse(),
    terms: terms as TOverview["terms"],
  };
}

function load(key: string): Promise<TOverview> {
  const [consultationId, timeZone] = key.split("|");
  return loadOverview(consultationId, timeZone, (sql) => db.$queryRaw<TRow[]>(sql));
}

const cache = ttlCache(60_000, load, { stale: true });

export function getOverview(consultationId: string, timeZone: string): Promise<TOverview> {
  return cache.get(`${consultationId}|${timeZone}`);
}
