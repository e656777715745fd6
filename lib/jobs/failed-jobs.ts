// Jobs that graphile-worker gave up on (every attempt failed) stay in its table with their last error:
// the admin's page lists them (app/[locale]/admin/jobs), /api/health counts them, and a retry puts one
// back in the queue with fresh attempts. Read through graphile_worker.jobs, the library's public view.
import { db } from "@/lib/db";
import { logAdminEvent } from "@/lib/users/admin-event";
import { TASKS } from "./job-names";

export type TFailedJob = {
  id: string;
  task: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  failedAt: Date;
};

export const FAILED_SHOWN = 100;

/** The most recently failed jobs, newest first (at most FAILED_SHOWN), and how many there are in all. */
export async function listFailedJobs(): Promise<{ jobs: TFailedJob[]; total: number }> {
  const [jobs, [{ total }]] = await Promise.all([
    db.$queryRaw<TFailedJob[]>`
      SELECT id::text, task_identifier AS task, attempts, last_error AS "lastError", created_at AS "createdAt", updated_at AS "failedAt"
      FROM graphile_worker.jobs WHERE attempts >= max_attempts AND locked_at IS NULL
      ORDER BY updated_at DESC, id DESC LIMIT ${FAILED_SHOWN}`,
    db.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM graphile_worker.jobs WHERE attempts >= max_attempts AND locked_at IS NULL`,
  ]);
  return { jobs, total };
}

/**
 * An admin puts a failed job back in the queue, due now, with all its attempts again (logged). False when
 * it is not (or no longer) failed: retried by someone else meanwhile, or done.
 */
export async function retryFailedJob(actorId: string, id: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ task: string }[]>`
    SELECT t.identifier AS task FROM graphile_worker.reschedule_jobs(
      ARRAY(SELECT j.id FROM graphile_worker.jobs j WHERE j.id = ${id}::bigint AND j.attempts >= j.max_attempts AND j.locked_at IS NULL),
      run_at => now(), attempts => 0) r
    JOIN graphile_worker._private_tasks t ON t.id = r.task_id`;
  if (row) await logAdminEvent(actorId, "job.retry", `${row.task} #${id}`);
  return !!row;
}

/** What /api/health reports: jobs waiting (counted up to 10,000) and failed, in all and for email receipts. */
export async function jobQueueState(): Promise<{
  jobs: { waiting: number; failed: number };
  receipts: { waiting: number; gaveUp: number };
}> {
  const [r] = await db.$queryRaw<
    { waiting: number; failed: number; receipts_waiting: number; receipts_failed: number }[]
  >`
    WITH w AS (SELECT task_identifier FROM graphile_worker.jobs WHERE attempts < max_attempts LIMIT 10000),
    f AS (SELECT task_identifier FROM graphile_worker.jobs WHERE attempts >= max_attempts AND locked_at IS NULL)
    SELECT (SELECT count(*)::int FROM w) AS waiting, (SELECT count(*)::int FROM f) AS failed,
      (SELECT count(*)::int FROM w WHERE task_identifier = ${TASKS.sendReceipt.name}) AS receipts_waiting,
      (SELECT count(*)::int FROM f WHERE task_identifier = ${TASKS.sendReceipt.name}) AS receipts_failed`;
  return {
    jobs: { waiting: r.waiting, failed: r.failed },
    receipts: { waiting: r.receipts_waiting, gaveUp: r.receipts_failed },
  };
}
