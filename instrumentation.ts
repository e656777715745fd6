// Next.js runs register() once when a server starts. Here: the cache-change
// listener (lib/consultations/cache-bus.ts), expired rate-limit counters (every
// 10 minutes), the receipt outbox (every 30 s, when SMTP is configured), and the retention job
// (lib/privacy/erase-responses.ts), a minute after start and then every
// RETENTION_INTERVAL_HOURS. Safe with several servers: each batch skips rows
// another server holds.
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
    import("@/lib/consultations/cache-bus"), import("@/lib/consultations/get-consultation"), import("@/lib/consultations/deadline-history"),
  ]);
  if (env().DATABASE_URL) listenForChanges(() => {
    dropConsultationCache();
    clearDeadlineHistory();
    // The public pages this server keeps (lib/http/page-cache.mjs, set up by scripts/server.mjs).
    (globalThis as Record<symbol, (() => void) | undefined>)[Symbol.for("clausewise.clearPageCache")]?.();
  });
  // Rate-limit counters whose window ended long ago (lib/http/shared-limiter.ts).
  const { clearExpiredLimits } = await import("@/lib/http/shared-limiter");
  setInterval(() => void clearExpiredLimits().catch((e) => console.error(`[limits] ${(e as Error).message}`)), 600_000).unref();
  // Email receipts the mail server refused, or that a server died before sending (lib/responses/deliver-receipts.ts).
  if (env().SMTP_URL) {
    const { drainReceiptOutbox } = await import("@/lib/responses/deliver-receipts");
    const drain = () =>
      drainReceiptOutbox()
        .then(({ sent }) => sent && console.log(`[receipt] sent ${sent} receipts from the outbox`))
        .catch((e) => console.error(`[receipt] outbox: ${(e as Error).message}`));
    setTimeout(drain, 5_000).unref();
    setInterval(drain, 30_000).unref();
  }
  if (env().RETENTION_INTERVAL_HOURS === 0) return;
  const { applyRetention } = await import("@/lib/privacy/erase-responses");
  const run = () =>
    applyRetention()
      .then((n) => n && console.log(`[retention] erased the personal data of ${n} responses past their consultation's retention period`))
      .catch((e) => console.error(`[retention] failed: ${(e as Error).message}`));
  setTimeout(run, 60_000).unref();
  setInterval(run, env().RETENTION_INTERVAL_HOURS * 3_600_000).unref();
}
