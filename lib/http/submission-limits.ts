// Rate limits on submissions, shared by every app instance: their counters
// live in PostgreSQL (rate-limiter-flexible's store, schema "ratelimit").
// Per client address per minute, and per email address per hour. If the
// store cannot answer, an in-process limiter takes over rather than letting
// everything through or refusing everyone.
import { createHash } from "node:crypto";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { limiterPool } from "@/lib/raw-pools";
import { env } from "@/lib/env";

type TLimiter = RateLimiterPostgres | RateLimiterMemory;
const limiters = new Map<string, TLimiter>();

function limiter(name: string, points: number, duration: number): TLimiter {
  let l = limiters.get(name);
  if (!l) {
    const insurance = new RateLimiterMemory({ keyPrefix: `${name}-mem`, points, duration });
    l = new RateLimiterPostgres({
      storeClient: limiterPool(), storeType: "pool", schemaName: "ratelimit", tableName: "limits", tableCreated: true,
      keyPrefix: name, points, duration, insuranceLimiter: insurance, clearExpiredByTimeout: false,
    });
    limiters.set(name, l);
  }
  return l;
}

export type TLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

async function consume(l: TLimiter, key: string): Promise<TLimitResult> {
  try {
    await l.consume(key, 1);
    return { ok: true };
  } catch (e) {
    if (e instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
    throw e;
  }
}

/** One submission attempt from this client address (counted before anything is read: invalid ones count too). */
export async function limitClient(clientIp: string): Promise<TLimitResult> {
  const perMinute = env().SUBMIT_RATE_LIMIT_PER_MINUTE;
  return perMinute > 0 ? consume(limiter("submit-ip", perMinute, 60), clientIp) : { ok: true };
}

/** One valid submission giving this email address. */
export async function limitEmail(email: string | null | undefined): Promise<TLimitResult> {
  const perHour = env().SUBMIT_RATE_LIMIT_PER_EMAIL_PER_HOUR;
  if (!email || perHour === 0) return { ok: true };
  // The address itself is not stored in the limits table: only its hash.
  const key = createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
  return consume(limiter("submit-email", perHour, 3600), key);
}
