// Next.js runs register() once when a server starts. Here: the cache-change
// listener (lib/consultations/cache-bus.ts) and the job queue's worker (lib/jobs/),
// which runs every background task: safe with several servers, which share the queue.
export async function register() {
  // The one read of process.env outside lib/env.ts: Next.js replaces NEXT_RUNTIME at build time, which keeps
  // the database client out of the Edge bundle.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The JSON API's submissions, for scripts/server.mjs to answer without Next.js's request handling (compiled here, by Next.js, like the route).
  const { servePostResponse } = await import("@/lib/api/post-response");
  (globalThis as Record<symbol, unknown>)[Symbol.for("clausewise.servePostResponse")] = servePostResponse;
  const { env } = await import("@/lib/env");
  // Every server forgets its cached consultations when any server changes one.
  const [{ listenForChanges }, { dropConsultationCache }, { clearDeadlineHistory }] = await Promise.all([
    import("@/lib/consultations/cache-bus"),
    import("@/lib/consultations/get-consultation"),
    import("@/lib/consultations/deadline-history"),
  ]);
  if (env().DATABASE_URL)
    listenForChanges(() => {
      dropConsultationCache();
      clearDeadlineHistory();
      // The public pages this server keeps (lib/http/page-cache.mjs, set up by scripts/server.mjs).
      (globalThis as Record<symbol, (() => void) | undefined>)[Symbol.for("clausewise.clearPageCache")]?.();
    });
  // Background work: this server's worker on the shared job queue (lib/jobs/start-worker.ts): receipts,
  // invitations, campaign searches, results copies, and the periodic retention and rate-limit cleanup.
  if (!env().DATABASE_URL) return;
  const { superviseWorker } = await import("@/lib/jobs/supervise-worker");
  // Not awaited: the server answers while the worker connects; a database that is not up yet is tried again,
  // and a runner that gets stuck (lib/jobs/supervise-worker.ts) is replaced.
  const worker = superviseWorker();
  // scripts/server.mjs calls this before it exits: running jobs finish (or are handed back) first.
  (globalThis as Record<symbol, unknown>)[Symbol.for("clausewise.stopWorker")] = () => worker.stop();
}
