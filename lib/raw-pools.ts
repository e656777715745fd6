// Raw pg pools for what Prisma cannot do, kept apart from lib/db.ts so that a
// process that only streams (an export) does not load the Prisma client.
import "server-only";
import pg from "pg";
import { env, requireDatabaseUrl } from "@/lib/env";
import { logPoolErrors } from "@/lib/pool-errors";

export type TExportPool = "staff" | "public";

/**
 * Small raw pools for streaming a query through a server-side cursor (exports of
 * millions of rows with flat memory): one for staff, one for the public, so the
 * public cannot take the moderators' connections. Waiting for one is bounded.
 */
export function exportPool(kind: TExportPool): pg.Pool {
  const g = globalThis as unknown as { clausewiseExportPools?: Partial<Record<TExportPool, pg.Pool>> };
  const pools = (g.clausewiseExportPools ??= {});
  let pool = pools[kind];
  if (!pool) {
    pool = new pg.Pool({
      connectionString: requireDatabaseUrl(),
      max: 4,
      connectionTimeoutMillis: env().DATABASE_POOL_TIMEOUT_MS,
    });
    logPoolErrors(pool, `${kind} export`);
    pools[kind] = pool;
  }
  return pool;
}

/** A small pool for the shared rate limits (rate-limiter-flexible's PostgreSQL store). */
export function limiterPool(): pg.Pool {
  const g = globalThis as unknown as { clausewiseLimiterPool?: pg.Pool };
  if (!g.clausewiseLimiterPool) {
    g.clausewiseLimiterPool = new pg.Pool({
      connectionString: requireDatabaseUrl(),
      max: 6,
      connectionTimeoutMillis: env().DATABASE_POOL_TIMEOUT_MS,
    });
    logPoolErrors(g.clausewiseLimiterPool, "limiter");
  }
  return g.clausewiseLimiterPool;
}

/**
 * One connection for the job queue's heartbeat (lib/jobs/worker-heartbeat.ts), kept apart from the app's pool
 * so a server saturated with requests still beats, and is not taken for dead; and, for the same reason, for stopping
 * background work when a rush begins (lib/jobs/stop-for-rush.ts).
 */
export function heartbeatPool(): pg.Pool {
  const g = globalThis as unknown as { clausewiseHeartbeatPool?: pg.Pool };
  if (!g.clausewiseHeartbeatPool) {
    g.clausewiseHeartbeatPool = new pg.Pool({
      connectionString: requireDatabaseUrl(),
      max: 1,
      idleTimeoutMillis: 0,
      connectionTimeoutMillis: env().DATABASE_POOL_TIMEOUT_MS,
    });
    logPoolErrors(g.clausewiseHeartbeatPool, "heartbeat");
  }
  return g.clausewiseHeartbeatPool;
}

/**
 * The receipt sender's connections (lib/responses/deliver-receipts.ts): each holds one receipt's transaction
 * while the mail server takes it, so they are kept apart from the app's pool, one per job a server runs at once
 * (lib/jobs/start-worker.ts CONCURRENCY). A connection PostgreSQL no longer answers on fails its query after
 * 15 s instead of holding a job, and a transaction left open by a stuck sender ends after 2 minutes.
 */
export function receiptPool(): pg.Pool {
  const g = globalThis as unknown as { clausewiseReceiptPool?: pg.Pool };
  if (!g.clausewiseReceiptPool) {
    g.clausewiseReceiptPool = new pg.Pool({
      connectionString: requireDatabaseUrl(),
      max: 4,
      connectionTimeoutMillis: env().DATABASE_POOL_TIMEOUT_MS,
      query_timeout: 15_000,
      idle_in_transaction_session_timeout: 120_000,
      keepAlive: true,
    });
    logPoolErrors(g.clausewiseReceiptPool, "receipt");
  }
  return g.clausewiseReceiptPool;
}
