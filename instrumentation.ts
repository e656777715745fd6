// Next.js runs register() once when a server starts. Here: the retention job
// (lib/privacy/erase-responses.ts), a minute after start and then every
// RETENTION_INTERVAL_HOURS. Safe with several servers: each batch skips rows
// another server holds.
import { env } from "@/lib/env";

export async function register() {
  if (env().NEXT_RUNTIME !== "nodejs" || env().RETENTION_INTERVAL_HOURS === 0) return;
  const { applyRetention } = await import("@/lib/privacy/erase-responses");
  const run = () =>
    applyRetention()
      .then((n) => n && console.log(`[retention] erased the personal data of ${n} responses past their consultation's retention period`))
      .catch((e) => console.error(`[retention] failed: ${(e as Error).message}`));
  setTimeout(run, 60_000).unref();
  setInterval(run, env().RETENTION_INTERVAL_HOURS * 3_600_000).unref();
}
