// A fixed-window counter per key, in this process's memory. Enough for one
// server; several servers behind a balancer each count their own share.
import { env } from "@/lib/env";

const WINDOW_MS = 60_000;
const windows = new Map<string, { start: number; count: number }>();

/** True when `key` may go ahead; counts the attempt. */
export function allowSubmission(key: string, at = Date.now()): boolean {
  const limit = env().SUBMIT_RATE_LIMIT_PER_MINUTE;
  if (limit === 0) return true;
  let w = windows.get(key);
  if (!w || at - w.start >= WINDOW_MS) {
    if (windows.size > 50_000) prune(at);
    w = { start: at, count: 0 };
    windows.set(key, w);
  }
  w.count += 1;
  return w.count <= limit;
}

function prune(at: number) {
  for (const [k, w] of windows) if (at - w.start >= WINDOW_MS) windows.delete(k);
}

export function resetRateLimits(): void {
  windows.clear();
}
