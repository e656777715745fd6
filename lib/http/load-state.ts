// What scripts/server.mjs says of its load, for code running in its process (the health check, background jobs).

/** Requests scripts/server.mjs refused with 503 (overall or per-client limit) in the last 60 s; 0 without it (next dev). */
export function refusedLastMinute(): number {
  const count = (globalThis as Record<symbol, unknown>)[Symbol.for("clausewise.refusedLastMinute")];
  return typeof count === "function" ? Number(count()) : 0;
}

/**
 * Whether scripts/server.mjs refused a request for its own load (in flight or event loop, not one client's share)
 * within the last `ms`: background work in its process waits for the rush to pass. False without it (next dev).
 */
export function overloadedWithin(ms: number): boolean {
  const within = (globalThis as Record<symbol, unknown>)[Symbol.for("clausewise.overloadedWithin")];
  return typeof within === "function" ? Boolean(within(ms)) : false;
}

/** Requests scripts/server.mjs is answering now (0 without it): background work goes on only when few are. */
export function requestsInFlight(): number {
  const count = (globalThis as Record<symbol, unknown>)[Symbol.for("clausewise.requestsInFlight")];
  return typeof count === "function" ? Number(count()) : 0;
}

/**
 * Calls `listener` once, when scripts/server.mjs next refuses a request for its own load (in flight or event loop):
 * background work under way in its process stops for the rush (lib/jobs/stop-for-rush.ts). Returns a function that
 * takes the call back. Without it (next dev, tests) nothing calls it.
 */
export function onOverload(listener: () => void): () => void {
  const on = (globalThis as Record<symbol, unknown>)[Symbol.for("clausewise.onOverload")];
  if (typeof on !== "function") return () => {};
  const off = on(listener);
  return typeof off === "function" ? () => void off() : () => {};
}
