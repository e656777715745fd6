// A fixed-window counter per key, in this process's memory: for the open-data
// API, where each server counting its own share is enough. Submissions are
// limited across servers (submission-limits.ts).

const WINDOW_MS = 60_000;
const windows = new Map<string, { start: number; count: number }>();

export type TAllowance = { ok: boolean; limit: number; remaining: number; resetSeconds: number };

/** `limit` requests a minute for `key` (0: no limit); says how many are left and when the window ends. */
export function allowRequest(key: string, limit: number, at = Date.now()): TAllowance {
  if (limit === 0) return { ok: true, limit, remaining: 0, resetSeconds: 0 };
  let w = windows.get(key);
  if (!w || at - w.start >= WINDOW_MS) {
    if (windows.size > 50_000) prune(at);
    w = { start: at, count: 0 };
    windows.set(key, w);
  }
  w.count += 1;
  return { ok: w.count <= limit, limit, remaining: Math.max(0, limit - w.count), resetSeconds: Math.ceil((w.start + WINDOW_MS - at) / 1000) };
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

function prune(at: number) {
  for (const [k, w] of windows) if (at - w.start >= WINDOW_MS) windows.delete(k);
}

export function resetRateLimits(): void {
  windows.clear();
}
