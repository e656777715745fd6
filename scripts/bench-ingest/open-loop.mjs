// bench:ingest's open loop, for the fixed-rate and overload phases. No kept tool
// sends at a fixed rate without queueing on its own side (autocannon's and
// loadtest's rate modes hold a request back until a connection of a fixed pool
// is free, so a slow server would be charged less than it should: coordinated
// omission); this sender opens a socket whenever none is free, and reports how
// late it was in sending.
import http from "node:http";
import { performance } from "node:perf_hooks";
import { newStats, pct, record, round, summarize } from "./stats.mjs";

export const TIMEOUT_MS = 10_000;

/**
 * A target: where to POST, the payload maker, and the status meaning "stored" (null: any 2xx).
 * No limit on sockets: a request never waits on this side for a connection (the open loop stays open).
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
    agent: new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 1024 }),
  };
}

/**
 * One POST; calls done(status, errorCode, endTime) once: status is 0 on a
 * network error or a timeout (TIMEOUT_MS from the call, body included);
 * retryAfter is the Retry-After header of the answer.
 */
function fire(target, key, done) {
  let finished = false;
  let sample = null;
  const finish = (status, error) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    done(status, error, performance.now(), sample, retryAfter);
  };
  let retryAfter;
  const { body, headers } = target.payload(key);
  const req = http.request(
    {
      host: target.host,
      port: target.port,
      method: "POST",
      path: target.path,
      agent: target.agent,
      headers: { ...headers, "content-length": Buffer.byteLength(body) },
    },
    (res) => {
      const status = res.statusCode;
      retryAfter = res.headers["retry-after"];
      if (status >= 200 && status < 300) res.on("data", () => {});
      else {
        sample = "";
        res.setEncoding("utf8");
        res.on("data", (c) => {
          if (sample.length < 400) sample += c;
        });
      }
      res.on("end", () => finish(status, null));
      res.on("error", (e) => finish(0, e.code || e.message));
      res.on("aborted", () => finish(0, "aborted"));
    },
  );
  const timer = setTimeout(() => {
    finish(0, "timeout");
    req.destroy();
  }, TIMEOUT_MS);
  req.on("error", (e) => finish(0, e.code || e.message));
  req.end(body);
}

/**
 * Opens `count` keep-alive connections to the target and leaves them idle in its agent, for the next phase to
 * use: the app runs behind nginx (README, "Several servers"), which keeps its connections to the app open, so a
 * rush reaches the app on open connections, not as a thousand TCP handshakes in one second. A phase that needs
 * more still opens them (the agent has no limit). Each costs one GET of `target.warmPath`, a request the server
 * answers itself (the app: 400 for a malformed address, before the framework; the baseline: its health check).
 */
export function openConnections(target, count) {
  let left = count;
  return new Promise((resolve) => {
    for (let i = 0; i < count; i++) {
      const req = http.request(
        { host: target.host, port: target.port, method: "GET", path: target.warmPath ?? "/", agent: target.agent },
        (res) => {
          res.resume();
          res.on("end", () => --left === 0 && resolve());
        },
      );
      req.on("error", () => --left === 0 && resolve());
      req.end();
    }
  });
}

/**
 * Open loop: request i is due at t0 + i/rate and sent as soon as the event
 * loop gets there; its latency runs from the due time, so a server that falls
 * behind is charged for the queue (no coordinated omission). Nothing waits
 * on this side for a free connection (makeTarget's agent has no limit), so
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
