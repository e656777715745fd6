// The one Prisma client. Created on first use, so `next build` needs no database,
// and kept on globalThis so hot reloads in development reuse its pool.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env, requireDatabaseUrl } from "@/lib/env";

const globalForDb = globalThis as unknown as { clausewisePrisma?: PrismaClient; clausewisePgPool?: pg.Pool };

function createClient(): PrismaClient {
  const adapter = new PrismaPg(
    { connectionString: requireDatabaseUrl(), max: env().DATABASE_POOL_SIZE, connectionTimeoutMillis: 10_000 },
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
