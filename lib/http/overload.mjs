// Is this process's event loop saturated? scripts/server.mjs asks before it takes a request, and answers
// 503 + Retry-After at once when it is, so that a rush is refused in milliseconds instead of queued until
// every request times out. A count of requests in flight alone misses it: a few slow requests, or many
// cheap ones, can keep the loop busy while the count stays low. Plain JavaScript: scripts/server.mjs
// imports it (like client-key.mjs).
//
// A timer that should fire every `sampleMs` measures, over each `windowMs`:
//   - delay: how late it fired, on average (one long task, a page rendered in 60 ms, is not saturation;
//     a loop that is late at every turn is). A loop blocked for longer than a window counts alone;
//   - utilisation: the share of the window the loop spent running code (performance.eventLoopUtilization()).
// Over either limit, the gate shuts for `holdMs`, and is measured again.
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
  let shutUntil = 0;
  let delay = 0;
  let utilisation = 0;

  const sample = () => {
    const now = performance.now();
    const late = Math.max(0, now - expected);
    // A loop blocked for longer than a window was saturated for that window, whatever came before.
    if (late >= windowMs) {
      delaySum = 0;
      samples = 0;
    }
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
      if ((delayOn && delay > maxDelayMs) || (utilisationOn && utilisation > maxUtilisation)) shutUntil = now + holdMs;
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
