// "Find campaigns" (group-campaigns.ts) takes seconds at thousands of items and
// most of a minute at a million, so it runs as a job on the queue (lib/jobs/):
// the moderator's request records a run and queues its job in one transaction,
// and answers at once; the page shows the run until it is done. One unfinished
// run per consultation (a partial unique index), whichever server is asked.
// The grouping is one transaction: a server that dies mid-run leaves nothing
// half done, and graphile-worker gives the job to another server (at once after
// a clean stop; about a minute after a kill: lib/jobs/worker-heartbeat.ts).
import { db } from "@/lib/db";
import { addJob } from "@/lib/jobs/add-job";
import { TASKS } from "@/lib/jobs/job-names";
import { groupCampaigns } from "./group-campaigns";

export type TCampaignRun = {
  id: string;
  requestedAt: Date;
  requestedBy: string | null;
  finishedAt: Date | null;
  campaigns: number | null;
  grouped: number | null;
  error: string | null;
  /** Unfinished: queued or running. */
  running: boolean;
};

export type TStart = { started: true; runId: string } | { started: false; run: TCampaignRun | null };
export type TCampaignJob = { runId: string; consultationId: string };

/** Starts a run unless one is going: the run and its job are committed together. */
export async function startFindingCampaigns(userId: string, consultationId: string): Promise<TStart> {
  const runId = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO campaign_run (consultation_id, requested_by_id) VALUES (${consultationId}::uuid, ${userId}::uuid)
      ON CONFLICT (consultation_id) WHERE finished_at IS NULL DO NOTHING
      RETURNING id`;
    if (row) await addJob(tx, TASKS.findCampaigns, { runId: row.id, consultationId } satisfies TCampaignJob);
    return row?.id ?? null;
  });
  if (!runId) return { started: false, run: await latestCampaignRun(consultationId) };
  return { started: true, runId };
}

/** The task. A failure is retried by the queue; the run records the error once the last attempt failed. */
export async function runFindCampaigns(
  { runId, consultationId }: TCampaignJob,
  attempt: { last: boolean },
): Promise<void> {
  const [run] = await db.$queryRaw<
    { finished: boolean }[]
  >`SELECT finished_at IS NOT NULL AS finished FROM campaign_run WHERE id = ${runId}::uuid`;
  if (!run || run.finished) return;
  const started = Date.now();
  try {
    const r = await groupCampaigns(consultationId);
    console.log(
      `[campaigns] run ${runId}: ${r.campaigns} campaigns, ${r.grouped} items grouped, in ${Date.now() - started} ms`,
    );
    await db.$executeRaw`UPDATE campaign_run SET finished_at = now(), campaigns = ${r.campaigns}, grouped = ${r.grouped}, error = NULL
      WHERE id = ${runId}::uuid`;
  } catch (e) {
    const error = String((e as Error).message ?? e).slice(0, 500);
    console.error(`[campaigns] run ${runId} failed${attempt.last ? "" : ", will retry"}: ${error}`);
    if (attempt.last)
      await db.$executeRaw`UPDATE campaign_run SET finished_at = now(), error = ${error} WHERE id = ${runId}::uuid`;
    throw e;
  }
}

/** Waits up to `ms` for a run to finish (most take well under a second): true when it did. */
export async function waitForRun(runId: string, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; ;) {
    const [r] = await db.$queryRaw<
      { finished: boolean }[]
    >`SELECT finished_at IS NOT NULL AS finished FROM campaign_run WHERE id = ${runId}::uuid`;
    if (!r || r.finished || Date.now() >= end) return !!r?.finished;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The consultation's latest run, or null if it never had one. */
export async function latestCampaignRun(consultationId: string): Promise<TCampaignRun | null> {
  const [r] = await db.$queryRaw<Omit<TCampaignRun, "running">[]>`
    SELECT cr.id, cr.requested_at AS "requestedAt", u.name AS "requestedBy", cr.finished_at AS "finishedAt", cr.campaigns, cr.grouped, cr.error
    FROM campaign_run cr LEFT JOIN app_user u ON u.id = cr.requested_by_id
    WHERE cr.consultation_id = ${consultationId}::uuid
    ORDER BY cr.requested_at DESC LIMIT 1`;
  return r ? { ...r, running: !r.finishedAt } : null;
}
