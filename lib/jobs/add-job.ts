// Jobs are added by SQL, on the caller's connection: inside a transaction, the job exists exactly when
// the change that asked for it commits (graphile_worker.add_job), and no server can run it before.
import { TASKS } from "./job-names";

type TSql = { $executeRaw: (query: TemplateStringsArray, ...values: unknown[]) => Promise<number> };
type TTask = (typeof TASKS)[keyof typeof TASKS];

/** Queues a job on `tx` (a transaction, or the client itself): committed or rolled back with it. */
export async function addJob(
  tx: TSql,
  task: TTask,
  payload: Record<string, unknown>,
  opts: { jobKey?: string } = {},
): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM graphile_worker.add_job(${task.name}, ${JSON.stringify(payload)}::json,
    max_attempts => ${task.maxAttempts}::int, job_key => ${opts.jobKey ?? null}::text)`;
}
