// Runs every job of the queue that is due now, as a server's worker would (lib/jobs/task-list.ts), and returns
// once none is left: integration tests call it where a server would have run the job in the background.
import { runOnce } from "graphile-worker";
import { requireDatabaseUrl } from "@/lib/env";
import { jobLogger } from "@/lib/jobs/start-worker";
import { taskList } from "@/lib/jobs/task-list";

export async function runJobs(): Promise<void> {
  await runOnce({ connectionString: requireDatabaseUrl(), taskList, logger: jobLogger, noHandleSignals: true });
  // A job's outcome may be written just after runOnce resolves: wait until no job is held.
  const { db } = await import("@/lib/db");
  for (let i = 0; i < 100; i++) {
    const [{ n }] = await db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE locked_at IS NOT NULL`;
    if (n === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Makes every waiting job due now (as if its backoff had passed). */
export async function skipBackoff(): Promise<void> {
  const { db } = await import("@/lib/db");
  await db.$executeRaw`SELECT graphile_worker.reschedule_jobs(ARRAY(SELECT id FROM graphile_worker.jobs WHERE attempts < max_attempts AND run_at > now()), run_at => now())`;
}
