// The open-data API's limit per client address, counted in PostgreSQL like the
// submission and sign-in limits (shared-limiter.ts), so it holds across servers;
// and the headers that tell clients where they stand.
import { RateLimiterRes } from "rate-limiter-flexible";
import { sharedLimiter } from "./shared-limiter";

/** A streamed export (open data, results CSV) costs as much as this many page requests. */
export const EXPORT_COST = 10;

export type TAllowance = { ok: boolean; limit: number; remaining: number; resetSeconds: number };

/** `cost` of this client's `limit` requests a minute (0: no limit); says how many are left and when the window ends. */
export async function allowRequest(key: string, limit: number, cost = 1): Promise<TAllowance> {
  if (limit === 0) return { ok: true, limit, remaining: 0, resetSeconds: 0 };
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
  try {
    const r = await sharedLimiter("open-data", limit, 60).consume(key, cost);
    return { ok: true, limit, remaining: r.remainingPoints, resetSeconds: seconds(r.msBeforeNext) };
  } catch (e) {
    if (e instanceof RateLimiterRes) return { ok: false, limit, remaining: 0, resetSeconds: seconds(e.msBeforeNext) };
    throw e;
  }
}

/** The IETF RateLimit headers (draft-ietf-httpapi-ratelimit-headers), plus Retry-After when refused. */
export function rateLimitHeaders(a: TAllowance): Record<string, string> {
  if (a.limit === 0) return {};
  return {
    "RateLimit-Limit": String(a.limit),
    "RateLimit-Remaining": String(a.remaining),
    "RateLimit-Reset": String(a.resetSeconds),
    ...(a.ok ? {} : { "Retry-After": String(a.resetSeconds) }),
  };
}
