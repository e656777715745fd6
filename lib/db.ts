// The one Prisma client. Created on first use, so `next build` needs no database,
// and kept on globalThis so hot reloads in development reuse its pool.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env, requireDatabaseUrl } from "@/lib/env";

const globalForDb = globalThis as unknown as { clausewisePrisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg(
    // Waiting longer than DATABASE_POOL_TIMEOUT_MS for a connection means the pool is saturated: the request answers 503.
    { connectionString: requireDatabaseUrl(), max: env().DATABASE_POOL_SIZE, connectionTimeoutMillis: env().DATABASE_POOL_TIMEOUT_MS },
    // An idle connection dropped by the server must not crash the process.
    { onPoolError: (err) => console.error("[db] pool error:", err.message) },
  );
  return new PrismaClient({ adapter });
}

export function getDb(): PrismaClient {
  globalForDb.clausewisePrisma ??= createClient();
  return globalForDb.clausewisePrisma;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getDb();
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** The pool had no free connection in time (or PostgreSQL is unreachable): answer 503 and let the client retry. */
export function isDatabaseBusy(err: unknown): boolean {
  const text = `${(err as Error)?.message ?? ""} ${String((err as { cause?: unknown })?.cause ?? "")}`;
  return /timeout exceeded when trying to connect|Connection terminated|ECONNREFUSED|too many clients|the database system is (starting up|shutting down)|DatabaseNotReachable|connect ETIMEDOUT/i.test(text);
}
