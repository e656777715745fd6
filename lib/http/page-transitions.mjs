// The instants at which a public page changes by the clock alone: a consultation opens or closes. Whatever
// shows a consultation's status notes them (lib/consultations/consultation-status.ts), and the page cache
// (lib/http/page-cache.mjs) drops any page rendered before one that has now passed, so a cached page never
// says "open" after the deadline. Kept on globalThis: Next.js's bundle and scripts/server.mjs load this file
// as two modules in one process.
const KEY = Symbol.for("clausewise.pageTransitions");
const MAX = 10_000;

/** @returns {{ pending: Set<number>, next: number, lastPassed: number }} */
function state() {
  return (globalThis[KEY] ??= { pending: new Set(), next: Infinity, lastPassed: -Infinity });
}

/** @param {...Date} instants */
export function noteTransitions(...instants) {
  const s = state();
  const now = Date.now();
  for (const d of instants) {
    const t = d.getTime();
    if (t <= now || s.pending.size >= MAX) continue;
    s.pending.add(t);
    if (t < s.next) s.next = t;
  }
}

/** Whether a transition noted has passed after `since` (ms), up to now. Cheap: it looks further only once one is due. */
export function transitionPassed(since, now = Date.now()) {
  const s = state();
  if (now >= s.next) {
    s.next = Infinity;
    for (const t of s.pending) {
      if (t <= now) {
        s.pending.delete(t);
        if (t > s.lastPassed) s.lastPassed = t;
      } else if (t < s.next) s.next = t;
    }
  }
  return s.lastPassed > since;
}
