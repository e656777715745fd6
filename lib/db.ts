// The one Prisma client. Created on first use, so `next build` needs no database,
// and kept on globalThis so hot reloads in development reuse its pool.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env, requireDatabaseUrl } from "@/lib/env";
import { logPoolErrors } from "@/lib/pool-errors";

const globalForDb = globalThis as unknown as { clausewisePrisma?: PrismaClient; clausewisePool?: pg.Pool };

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(getPool()) });
}

export function getDb(): PrismaClient {
  globalForDb.clausewisePrisma ??= createClient();
  return globalForDb.clausewisePrisma;
}

/**
 * The pool under the Prisma client, for the few statements that run so often that a named prepared
 * statement (parsed and planned once per connection) is worth it: storing a response. Waiting longer than
 * DATABASE_POOL_TIMEOUT_MS for a connection means the pool is saturated: the request answers 503.
 */
export function getPool(): pg.Pool {
  if (!globalForDb.clausewisePool) {
    const pool = new pg.Pool({
      connectionString: requireDatabaseUrl(),
      max: env().DATABASE_POOL_SIZE,
      connectionTimeoutMillis: env().DATABASE_POOL_TIMEOUT_MS,
    });
    // A connection dropped by the server, idle or lent out, must not crash the process.
    logPoolErrors(pool, "app");
    globalForDb.clausewisePool = pool;
  }
  return globalForDb.clausewisePool;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getDb();
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/**
 * The pool had no free connection in time (or PostgreSQL is unreachable, or restarting: 57P03 cannot_connect_now,
 * "not yet accepting connections" while it recovers from a crash): answer 503 and let the client retry.
 */
export function isDatabaseBusy(err: unknown): boolean {
  if ((err as { code?: unknown })?.code === "57P03") return true;
  const text = `${(err as Error)?.message ?? ""} ${String((err as { cause?: unknown })?.cause ?? "")}`;
  return /timeout exceeded when trying to connect|Connection terminated|ECONNREFUSED|too many clients|the database system is (starting up|shutting down|not yet accepting connections|in recovery mode)|57P03|DatabaseNotReachable|Can't reach database server|terminating connection|connect ETIMEDOUT/i.test(
    text,
  );
}
