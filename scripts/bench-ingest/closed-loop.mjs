// bench:ingest's closed loops (warm-ups and the flat-out phases), driven by
// autocannon: `concurrency` connections, each sending its next request when the
// previous one is answered. Every request carries its own idempotency key
// (setupRequest), and each answer is recorded with its status, Retry-After and
// a sample body, for the same figures as the open loop and the truth check.
//
// A phase of `seconds` ends as a closed loop should for the truth check: at the
// deadline no connection sends again, and the requests in flight are awaited
// (autocannon's own `duration` would cut them off, and the server may still
// store what it was sent). autocannon has no option for this: each of its
// connections stops sending once it has made `responseMax` requests, which is
// set, at the deadline, to what it has made. A request still unanswered when
// autocannon gives up anyway (its timeout, or the phase's end plus the
// timeout) is counted as "cut off", so the truth check says the client gave up on it.
import autocannon from "autocannon";
import { performance } from "node:perf_hooks";
import { newStats, record, summarize } from "./stats.mjs";
import { TIMEOUT_MS } from "./open-loop.mjs";

/**
 * @param target see open-loop.mjs's makeTarget
 * @param opts { concurrency, keyPrefix } and either `seconds` (a timed phase) or `count` (exactly that many requests)
 */
export async function runClosedLoop(target, { concurrency, seconds, count, keyPrefix }) {
  const stats = newStats(0, target.okStatus);
  let n = 0;
  let answer = { sample: null, retryAfter: undefined };
  const t0 = performance.now();
  let lastEnd = t0;
  const clients = new Set();
  const instance = autocannon({
    url: `http://${target.host}:${target.port}`,
    connections: count ? Math.min(concurrency, count) : concurrency,
    pipelining: 1,
    timeout: TIMEOUT_MS / 1000,
    ...(count ? { amount: count } : { duration: seconds + TIMEOUT_MS / 1000 + 5 }),
    requests: [
      {
        setupRequest: (req) => {
          stats.sent++;
          const { body, headers } = target.payload(keyPrefix + n++);
          return { ...req, method: "POST", path: target.path, body, headers: { ...req.headers, ...headers } };
        },
        // Called just before autocannon's "response" event for the same answer.
        onResponse: (status, body, _context, headers) => {
          const ok = target.okStatus ? status === target.okStatus : status >= 200 && status < 300;
          answer = { sample: ok ? null : String(body ?? "").slice(0, 400), retryAfter: headers?.["retry-after"] };
        },
      },
    ],
  });
  instance.on("response", (client, status, _bytes, ms) => {
    clients.add(client);
    record(stats, status, null, ms, answer.sample, answer.retryAfter);
    lastEnd = performance.now();
  });
  instance.on("reqError", (err) => {
    record(
      stats,
      0,
      /timed out/.test(err?.message ?? "") ? "timeout" : err?.code || err?.message || "error",
      0,
      null,
      undefined,
    );
    lastEnd = performance.now();
  });
  const deadline = seconds
    ? setTimeout(() => {
        for (const client of clients) client.responseMax = client.reqsMade;
      }, seconds * 1000)
    : null;
  await instance;
  clearTimeout(deadline);
  const cutOff = stats.sent - stats.completed - stats.errorCount;
  for (let i = 0; i < cutOff; i++) record(stats, 0, "cut off", 0, null, undefined);
  const mode = count
    ? `warm-up, ${count} requests, ${concurrency} in flight`
    : `closed loop, ${concurrency} in flight for ${seconds} s`;
  return summarize(stats, (count ? performance.now() : lastEnd) - t0, { mode: `${mode} (autocannon)` });
}
