// Every server runs one graphile-worker runner (instrumentation.ts starts it): it takes jobs from the shared
// queue in PostgreSQL (LISTEN/NOTIFY, so a job added by any server starts at once; SKIP LOCKED, so no two
// servers run the same job) and adds the periodic ones from the crontab, once per slot across all servers.
// Its heartbeat (worker-heartbeat.ts) frees the jobs of a server that died within about a minute.
import { EventEmitter } from "node:events";
import { Logger, parseCronItems, run, type CronItem, type Runner, type WorkerEvents } from "graphile-worker";
import { env, requireDatabaseUrl } from "@/lib/env";
import { heartbeatPool } from "@/lib/raw-pools";
import { keepWorkersAlive } from "./worker-heartbeat";
import { TASKS } from "./job-names";
import { taskList } from "./task-list";

/** Jobs one server runs at once (mail, campaign searches, results copies). */
export const CONCURRENCY = 4;

/** The crontab: retention every RETENTION_INTERVAL_HOURS (whole hours, or days from 24), counters every 10 minutes, reminders hourly, themes every 5 minutes, derived items every minute. */
export function cronItems(retentionHours: number): CronItem[] {
  const items: CronItem[] = [
    {
      task: TASKS.clearExpiredLimits.name,
      match: "*/10 * * * *",
      options: { maxAttempts: TASKS.clearExpiredLimits.maxAttempts, backfillPeriod: 0 },
    },
    {
      // Deadline reminders, hourly: each is sent once (formal_reminder), whichever hour finds it due.
      task: TASKS.remindDelegations.name,
      match: "7 * * * *",
      options: { maxAttempts: TASKS.remindDelegations.maxAttempts, backfillPeriod: 0 },
    },
    // Themes (lib/themes/): every 5 minutes, a no-op when no response came in.
    {
      task: TASKS.refreshThemes.name,
      match: "*/5 * * * *",
      options: { maxAttempts: TASKS.refreshThemes.maxAttempts, backfillPeriod: 0 },
    },
    // New items' search vectors, fingerprints and languages (lib/feedback/derive-items.ts): every minute.
    {
      task: TASKS.deriveItems.name,
      match: "* * * * *",
      // One queue: a run that outlasts its minute is followed by the next, never run beside it (same rows).
      options: { maxAttempts: TASKS.deriveItems.maxAttempts, backfillPeriod: 0, queueName: TASKS.deriveItems.name },
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

/** `events`: the runner's events (supervise-worker.ts watches them). */
export async function startWorker(events = new EventEmitter() as WorkerEvents): Promise<Runner> {
  // The worker pool's id (its jobs' locked_by) is known from the "pool:create" event, sent inside run().
  const heartbeat = keepWorkersAlive(events, heartbeatPool());
  let runner: Runner;
  try {
    runner = await run({
      events,
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
  } catch (e) {
    await heartbeat.stop();
    throw e;
  }
  // The pool is forgotten once stopped: its jobs are done or handed back (after a stop, or a failure).
  const stop = runner.stop;
  runner.stop = async (reason) => {
    await stop(reason);
    await heartbeat.stop();
  };
  runner.promise.then(heartbeat.stop, heartbeat.stop).catch((e) => console.error(`[jobs] ${(e as Error).message}`));
  return runner;
}
