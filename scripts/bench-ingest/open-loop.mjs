// bench:ingest's open loop, for the fixed-rate and overload phases. No kept tool
// sends at a fixed rate without queueing on its own side (autocannon's and
// loadtest's rate modes hold a request back until a connection of a fixed pool
// is free, so a slow server would be charged less than it should: coordinated
// omission); this sender opens a socket whenever none is free, and reports how
// late it was in sending.
import { performance } from "node:perf_hooks";
import { connectionPool } from "./raw-http.mjs";
import { newStats, pct, record, round, summarize } from "./stats.mjs";

export const TIMEOUT_MS = 10_000;

/**
 * A target: where to POST, the payload maker, and the status meaning "stored" (null: any 2xx).
 * No limit on connections: a request never waits on this side for one (the open loop stays open).
 */
export function makeTarget(label, pid, host, port, urlPath, payload, okStatus = null) {
  return {
    label,
    pid,
    host,
    port,
    path: urlPath,
    payload,
    okStatus,
    pool: connectionPool(host, port, { timeoutMs: TIMEOUT_MS }),
  };
}

/**
 * One POST; calls done(status, errorCode, endTime, sample, retryAfter) once: status is 0 on a network error or a
 * timeout (TIMEOUT_MS from the call, body included); sample is the body of an answer other than 2xx (its first 400
 * characters); retryAfter its Retry-After header.
 */
function fire(target, key, done) {
  const { body, headers } = target.payload(key);
  target.pool.request("POST", target.path, headers, body, (status, error, res) => {
    const end = performance.now();
    const sample = res && (status < 200 || status >= 300) ? res.body.toString("utf8", 0, 400) : null;
    done(status, error, end, sample, res?.headers["retry-after"]);
  });
}

/**
 * Opens `count` keep-alive connections to the target and leaves them idle in its pool, for the next phase to
 * use: the app runs behind nginx (README, "Several servers"), which keeps its connections to the app open, so a
 * rush reaches the app on open connections, not as a thousand TCP handshakes in one second. A phase that needs
 * more still opens them (the pool has no limit). Each costs one GET of `target.warmPath`, a request the server
 * answers itself (the app: 400 for a malformed address, before the framework; the baseline: its health check).
 */
export function openConnections(target, count) {
  return target.pool.warm(count, target.warmPath ?? "/");
}

/**
 * Open loop: request i is due at t0 + i/rate and sent as soon as the event
 * loop gets there; its latency runs from the due time, so a server that falls
 * behind is charged for the queue (no coordinated omission). Nothing waits
 * on this side for a free connection (makeTarget's pool has no limit), so
 * the only queue is this process's own event loop: sendLag shows how late it
 * was in sending (p50/p99/max, and how many requests left over 10 ms late).
 */
export function runFixedRate(target, { rate, seconds, keyPrefix }) {
  const total = Math.max(1, Math.round(rate * seconds));
  const interval = 1000 / rate;
  const stats = newStats(total, target.okStatus);
  const lags = new Float64Array(total);
  return new Promise((resolve) => {
    const t0 = performance.now() + 20;
    let next = 0;
    let done = 0;
    let lastEnd = t0;
    const tick = () => {
      while (next < total) {
        const due = t0 + next * interval;
        const now = performance.now();
        if (due > now) break;
        lags[next] = now - due;
        stats.sent++;
        fire(target, keyPrefix + next, (status, error, end, sample, retryAfter) => {
          record(stats, status, error, end - due, sample, retryAfter, due - t0);
          if (end > lastEnd) lastEnd = end;
          if (++done === total) {
            const sortedLags = lags.sort();
            resolve(
              summarize(stats, lastEnd - t0, {
                mode: `open loop, ${rate}/s for ${seconds} s`,
                due: total,
                sendLagMs: {
                  p50: round(pct(sortedLags, 0.5)),
                  p99: round(pct(sortedLags, 0.99)),
                  max: round(sortedLags[total - 1]),
                  over10ms: sortedLags.findIndex((l) => l > 10) < 0 ? 0 : total - sortedLags.findIndex((l) => l > 10),
                },
              }),
            );
          }
        });
        next++;
      }
      if (next < total) setTimeout(tick, Math.max(0, t0 + next * interval - performance.now()));
    };
    setTimeout(tick, Math.max(0, t0 - performance.now()));
  });
}
