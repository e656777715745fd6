import { db } from "@/lib/db";
import { ttlCache } from "@/lib/ttl-cache";

// Counts are shown on every page view; a few seconds of staleness is fine and
// keeps a flash crowd from turning into a flood of count(*) queries.
const responsesCache = ttlCache(5_000, (consultationId: string) =>
  db.response.count({ where: { consultationId, withdrawnAt: null } }),
);

const perClauseCache = ttlCache(5_000, async (consultationId: string) => {
  const rows = await db.$queryRaw<{ clause_id: string; n: bigint }[]>`
    SELECT fi.clause_id, count(*) AS n
    FROM feedback_item fi JOIN clause c ON c.id = fi.clause_id JOIN response r ON r.id = fi.response_id
    WHERE c.consultation_id = ${consultationId}::uuid AND r.withdrawn_at IS NULL
    GROUP BY fi.clause_id`;
  return new Map(rows.map((r) => [r.clause_id, Number(r.n)]));
});

/** How many responses a consultation has received. */
export function countResponses(consultationId: string): Promise<number> {
  return responsesCache.get(consultationId);
}

/** How many comments (feedback items) each clause has, by clause id. */
export function countCommentsByClause(consultationId: string): Promise<Map<string, number>> {
  return perClauseCache.get(consultationId);
}
