// Every server runs one graphile-worker runner (instrumentation.ts starts it): it takes jobs from the shared
// queue in PostgreSQL (LISTEN/NOTIFY, so a job added by any server starts at once; SKIP LOCKED, so no two
// servers run the same job) and adds the periodic ones from the crontab, once per slot across all servers.
import { Logger, parseCronItems, run, type CronItem, type Runner } from "graphile-worker";
import { env, requireDatabaseUrl } from "@/lib/env";
import { TASKS } from "./job-names";
import { taskList } from "./task-list";

/** Jobs one server runs at once (mail, campaign searches, results copies). */
export const CONCURRENCY = 4;

/** The crontab: retention every RETENTION_INTERVAL_HOURS (whole hours, or days from 24), counters every 10 minutes. */
export function cronItems(retentionHours: number): CronItem[] {
  const items: CronItem[] = [
    {
      task: TASKS.clearExpiredLimits.name,
      match: "*/10 * * * *",
      options: { maxAttempts: TASKS.clearExpiredLimits.maxAttempts, backfillPeriod: 0 },
    },
  ];
  if (retentionHours > 0) {
    const hours = Math.max(1, Math.round(retentionHours));
    const match = hours < 24 ? `0 */${hours} * * *` : `0 0 */${Math.max(1, Math.round(hours / 24))} * *`;
    items.push({
      task: TASKS.applyRetention.name,
      match,
      options: { maxAttempts: TASKS.applyRetention.maxAttempts, backfillPeriod: 0 },
    });
  }
  return items;
}

export const jobLogger = new Logger(() => (level, message) => {
  if (level === "error") console.error(`[jobs] ${message}`);
  else if (level === "warning") console.warn(`[jobs] ${message}`);
});

export async function startWorker(): Promise<Runner> {
  return run({
    connectionString: requireDatabaseUrl(),
    // Its own few connections: CONCURRENCY jobs, the LISTEN connection, and the bookkeeping.
    maxPoolSize: CONCURRENCY + 2,
    concurrency: CONCURRENCY,
    // scripts/server.mjs owns the process's signals; instrumentation.ts stops the runner on them.
    noHandleSignals: true,
    logger: jobLogger,
    taskList,
    parsedCronItems: parseCronItems(cronItems(env().RETENTION_INTERVAL_HOURS)),
  });
}
