// The queue's pages and neighbours are ordered, limited queries: PostgreSQL walks the
// newest items (an index in the queue's order) until enough match. Fast when matches are
// common; the whole consultation when PostgreSQL thinks they are common and they are not,
// which happens when two filters' values go together (a clause whose every item has a
// decision, filtered on "no decision": 13 s at 1 M items). PostgreSQL cannot see that from
// per-table statistics, so the walk gets a time budget; past it, the same rows are
// gathered: every match first, planned from the most selective index, then sorted. Both
// forms give the same rows; only their cost differs.
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";

/** How long a walk may take before the gathered form is asked instead (a quiet walk takes well under 100 ms at 1 M items). */
export const WALK_BUDGET_MS = 250;

/** The statement was cancelled by its statement_timeout (SQLSTATE 57014). */
export function isCancelled(err: unknown): boolean {
  const e = err as { code?: string; meta?: { code?: string }; message?: string } | null;
  return (
    e?.meta?.code === "57014" ||
    e?.code === "57014" ||
    /canceling statement due to statement timeout/i.test(e?.message ?? "")
  );
}

/**
 * The rows of `walk`, or, when it takes more than `budgetMs` (≤ 0: at once), the rows of `gather`.
 * `gather` must be the same query in a form PostgreSQL cannot walk: e.g. ordered by `r.number + 0`,
 * which no index provides, so it plans for every match.
 */
export async function walkOrGather<T>(walk: Prisma.Sql, gather: Prisma.Sql, budgetMs = WALK_BUDGET_MS): Promise<T[]> {
  if (budgetMs > 0) {
    try {
      return await db.$transaction(async (tx) => {
        // A walk wants its first rows soon: parallel workers each walk ahead and are merged, several times the work.
        await tx.$queryRaw`SELECT set_config('statement_timeout', ${String(Math.ceil(budgetMs))}, true), set_config('max_parallel_workers_per_gather', '0', true)`;
        return tx.$queryRaw<T[]>(walk);
      });
    } catch (err) {
      if (!isCancelled(err)) throw err;
    }
  }
  return db.$queryRaw<T[]>(gather);
}
