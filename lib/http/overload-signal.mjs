// When this server last refused a request for its own load (not one client's share), for code in its process:
// background jobs wait for the rush to pass (overloadedWithin), and work under way stops at its first refusal
// (onOverload: lib/jobs/stop-for-rush.ts). scripts/server.mjs calls overloaded() at each such refusal and publishes the
// other two on globalThis (lib/http/load-state.ts reads them). Plain JavaScript: scripts/server.mjs imports it.

/** @param {{ onError?: (err: unknown) => void, now?: () => number }} [options] */
export function overloadSignal({ onError = () => {}, now = Date.now } = {}) {
  let lastAt = -Infinity;
  /** @type {Set<() => void>} */
  const listeners = new Set();
  return {
    /** A refusal for load: notes when, and calls (after this turn: not on the refused request's time) each listener once. */
    overloaded() {
      lastAt = now();
      if (listeners.size === 0) return;
      const due = [...listeners];
      listeners.clear();
      setImmediate(() => {
        for (const listener of due) {
          try {
            listener();
          } catch (err) {
            onError(err);
          }
        }
      });
    },
    /** @param {number} ms */
    overloadedWithin: (ms) => now() - lastAt < ms,
    /** @param {() => void} listener called once, at the next refusal; the returned function takes it back. */
    onOverload(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
