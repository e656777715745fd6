// Is this process's event loop saturated? scripts/server.mjs asks before it takes a request, and answers
// 503 + Retry-After at once when it is, so that a rush is refused in milliseconds instead of queued until
// every request times out. A count of requests in flight alone misses it: a few slow requests, or many
// cheap ones, can keep the loop busy while the count stays low. Plain JavaScript: scripts/server.mjs
// imports it (like client-key.mjs).
//
// A timer that should fire every `sampleMs` measures, over each `windowMs`:
//   - delay: how late it fired, on average (one long task, a page rendered in 60 ms, is not saturation;
//     a loop that is late at every turn is);
//   - utilisation: the share of the window the loop spent running code (performance.eventLoopUtilization()).
// Over either limit in two windows in a row, the gate shuts for `holdMs`, and is measured again; for a second
// after that, one window over the limit shuts it again (a loop that stays saturated is not let through for a
// window each time it reopens). One pause shorter than two windows (a garbage collection, the process
// descheduled on a busy machine) is not saturation: shutting for it refused every request that arrived during
// it (bench:ingest, at a fifth of capacity), a backlog the server clears in milliseconds. A loop blocked for two
// windows or more counts alone.
import { performance } from "node:perf_hooks";

/**
 * @param {{ maxDelayMs: number, maxUtilisation: number, sampleMs?: number, windowMs?: number, holdMs?: number }} options
 *   maxDelayMs 0 and maxUtilisation ≥ 1 turn the corresponding signal off.
 */
export function eventLoopGate({ maxDelayMs, maxUtilisation, sampleMs = 10, windowMs = 100, holdMs = 200 }) {
  const delayOn = maxDelayMs > 0;
  const utilisationOn = maxUtilisation < 1;
  let expected = performance.now() + sampleMs;
  let windowStart = performance.now();
  let delaySum = 0;
  let samples = 0;
  let elu = performance.eventLoopUtilization();
  let shutUntil = -Infinity;
  let delay = 0;
  let utilisation = 0;
  let overBefore = false; // the previous window was over a limit
  let blockedLong = false; // one sample late by two windows or more, in this window

  const sample = () => {
    const now = performance.now();
    const late = Math.max(0, now - expected);
    // A loop blocked for longer than a window: that window's figure is the block alone, whatever came before.
    if (late >= windowMs) {
      delaySum = 0;
      samples = 0;
    }
    if (late >= 2 * windowMs) blockedLong = true;
    delaySum += late;
    samples += 1;
    if (now - windowStart >= windowMs) {
      delay = delaySum / samples;
      const next = performance.eventLoopUtilization();
      utilisation = performance.eventLoopUtilization(next, elu).utilization;
      elu = next;
      windowStart = now;
      delaySum = 0;
      samples = 0;
      const over = (delayOn && delay > maxDelayMs) || (utilisationOn && utilisation > maxUtilisation);
      const shutLately = now - shutUntil < 1_000;
      if (over && (overBefore || shutLately || (delayOn && blockedLong))) shutUntil = now + holdMs;
      overBefore = over;
      blockedLong = false;
    }
    expected = now + sampleMs;
    timer = setTimeout(sample, sampleMs);
    timer.unref();
  };
  let timer = setTimeout(sample, sampleMs);
  timer.unref();

  return {
    /** True when new work should be refused now. */
    saturated() {
      return performance.now() < shutUntil;
    },
    /** The last window's measurements, for logs. */
    state() {
      return { delayMs: Math.round(delay * 10) / 10, utilisation: Math.round(utilisation * 1000) / 1000 };
    },
    stop() {
      clearTimeout(timer);
    },
  };
}
