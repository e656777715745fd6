// Rate limiters shared by every app instance: their counters live in
// PostgreSQL (rate-limiter-flexible's store, schema "ratelimit"). If the store
// cannot answer, an in-process limiter takes over rather than letting
// everything through or refusing everyone.
import { createHash } from "node:crypto";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { limiterPool } from "@/lib/raw-pools";

export type TLimiter = RateLimiterPostgres | RateLimiterMemory;
const limiters = new Map<string, TLimiter>();

/** One limiter per name in this process: `points` per `duration` seconds, blocked `blockDuration` seconds beyond. */
export function sharedLimiter(name: string, points: number, duration: number, blockDuration = 0): TLimiter {
  const id = `${name}:${points}:${duration}:${blockDuration}`;
  let l = limiters.get(id);
  if (!l) {
    const insurance = new RateLimiterMemory({ keyPrefix: `${name}-mem`, points, duration, blockDuration });
    l = new RateLimiterPostgres({
      storeClient: limiterPool(),
      storeType: "pool",
      schemaName: "ratelimit",
      tableName: "limits",
      tableCreated: true,
      keyPrefix: name,
      points,
      duration,
      blockDuration,
      insuranceLimiter: insurance,
      clearExpiredByTimeout: false,
    });
    limiters.set(id, l);
  }
  return l;
}

export type TLimitResult = { ok: true; remainingPoints?: number } | { ok: false; retryAfterSeconds: number };

/** Takes one point for this key; refused with the seconds to wait. */
export async function consume(l: TLimiter, key: string): Promise<TLimitResult> {
  try {
    const r = await l.consume(key, 1);
    return { ok: true, remainingPoints: r.remainingPoints };
  } catch (e) {
    if (e instanceof RateLimiterRes)
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
    throw e;
  }
}

/** Keys that are personal data (email addresses) go to the limits table only as a hash. */
export function hashedKey(value: string): string {
  return createHash("sha256").update(value.trim().toLowerCase()).digest("hex");
}

/**
 * Deletes counters whose window ended over an hour ago (the library leaves them: one row per client
 * address and email hash ever seen). instrumentation.ts runs it every 10 minutes in every server.
 */
export async function clearExpiredLimits(now = Date.now()): Promise<number> {
  const r = await limiterPool().query(`DELETE FROM ratelimit.limits WHERE expire < $1`, [now - 3_600_000]);
  return r.rowCount ?? 0;
}
