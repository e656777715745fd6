// Raw pg pools for what Prisma cannot do, kept apart from lib/db.ts so that a
// process that only streams (an export) does not load the Prisma client.
import pg from "pg";
import { env, requireDatabaseUrl } from "@/lib/env";

const globalForDb = globalThis as unknown as { clausewisePgPool?: pg.Pool };

/**
 * A small raw pool for what Prisma cannot do: streaming a query through a
 * server-side cursor (exports of millions of rows with flat memory).
 */
export function streamingPool(): pg.Pool {
  if (!globalForDb.clausewisePgPool) {
    globalForDb.clausewisePgPool = new pg.Pool({ connectionString: requireDatabaseUrl(), max: 4 });
    globalForDb.clausewisePgPool.on("error", (err) => console.error("[db] streaming pool error:", err.message));
  }
  return globalForDb.clausewisePgPool;
}

/** A small pool for the shared rate limits (rate-limiter-flexible's PostgreSQL store). */
export function limiterPool(): pg.Pool {
  const g = globalThis as unknown as { clausewiseLimiterPool?: pg.Pool };
  if (!g.clausewiseLimiterPool) {
    g.clausewiseLimiterPool = new pg.Pool({ connectionString: requireDatabaseUrl(), max: 6, connectionTimeoutMillis: env().DATABASE_POOL_TIMEOUT_MS });
    g.clausewiseLimiterPool.on("error", (err) => console.error("[db] limiter pool error:", err.message));
  }
  return g.clausewiseLimiterPool;
}
