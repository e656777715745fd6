// The instants at which a public page changes by the clock alone: a consultation opens or closes. Whatever
// shows a consultation's status notes them (lib/consultations/consultation-status.ts), and the page cache
// (lib/http/page-cache.mjs) drops any page rendered before one that has now passed, so a cached page never
// says "open" after the deadline. Kept on globalThis: Next.js's bundle and scripts/server.mjs load this file
// as two modules in one process.
const KEY = Symbol.for("clausewise.pageTransitions");
const KEEP_MS = 120_000; // longer than a cached page lives
const MAX = 10_000;

function times() {
  return (globalThis[KEY] ??= new Set());
}

/** @param {...Date} instants */
export function noteTransitions(...instants) {
  const now = Date.now();
  const set = times();
  for (const d of instants) {
    const t = d.getTime();
    if (t > now && set.size < MAX) set.add(t);
  }
}

/** Whether a transition noted has passed after `since` (ms), up to now. */
export function transitionPassed(since, now = Date.now()) {
  let passed = false;
  for (const t of times()) {
    if (t < now - KEEP_MS) times().delete(t);
    else if (t > since && t <= now) passed = true;
  }
  return passed;
}
