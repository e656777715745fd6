// "Find campaigns" (group-campaigns.ts) takes seconds at thousands of items and
// most of a minute at a million, so it runs in the background: the moderator's
// request starts a run and answers at once; the page shows the run until it is
// done. One unfinished run per consultation (a partial unique index), whichever
// server is asked. The server running it beats a heartbeat every few seconds;
// a run whose heartbeat stopped (its server died: the grouping, one
// transaction, was rolled back) is marked abandoned by the next request.
import { db } from "@/lib/db";
import { groupCampaigns } from "./group-campaigns";

export const HEARTBEAT_MS = 5_000;
/** A run without a heartbeat for this long is taken as dead. */
export const STALE_SECONDS = 60;

export type TCampaignRun = {
  id: string;
  requestedAt: Date;
  requestedBy: string | null;
  finishedAt: Date | null;
  campaigns: number | null;
  grouped: number | null;
  error: string | null;
  /** Unfinished, and its heartbeat is fresh. */
  running: boolean;
};

export type TStart = { started: true; runId: string; done: Promise<void> } | { started: false; run: TCampaignRun | null };

/** Starts a run unless one is going; runs it in this process, in the background. */
export async function startFindingCampaigns(userId: string, consultationId: string): Promise<TStart> {
  await db.$executeRaw`UPDATE campaign_run SET finished_at = now(), error = 'abandoned'
    WHERE consultation_id = ${consultationId}::uuid AND finished_at IS NULL AND heartbeat_at < now() - make_interval(secs => ${STALE_SECONDS})`;
  const [row] = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO campaign_run (consultation_id, requested_by_id) VALUES (${consultationId}::uuid, ${userId}::uuid)
    ON CONFLICT (consultation_id) WHERE finished_at IS NULL DO NOTHING
    RETURNING id`;
  if (!row) return { started: false, run: await latestCampaignRun(consultationId) };
  return { started: true, runId: row.id, done: run(row.id, consultationId) };
}

async function run(runId: string, consultationId: string): Promise<void> {
  const beat = setInterval(() => {
    db.$executeRaw`UPDATE campaign_run SET heartbeat_at = now() WHERE id = ${runId}::uuid`.catch(() => {});
  }, HEARTBEAT_MS);
  beat.unref();
  const started = Date.now();
  try {
    const r = await groupCampaigns(consultationId);
    console.log(`[campaigns] run ${runId}: ${r.campaigns} campaigns, ${r.grouped} items grouped, in ${Date.now() - started} ms`);
    await db.$executeRaw`UPDATE campaign_run SET finished_at = now(), heartbeat_at = now(), campaigns = ${r.campaigns}, grouped = ${r.grouped}
      WHERE id = ${runId}::uuid`;
  } catch (e) {
    const error = String((e as Error).message ?? e).slice(0, 500);
    console.error(`[campaigns] run ${runId} failed: ${error}`);
    await db.$executeRaw`UPDATE campaign_run SET finished_at = now(), error = ${error} WHERE id = ${runId}::uuid`.catch(() => {});
  } finally {
    clearInterval(beat);
  }
}

/** The consultation's latest run, or null if it never had one. */
export async function latestCampaignRun(consultationId: string): Promise<TCampaignRun | null> {
  const [r] = await db.$queryRaw<(Omit<TCampaignRun, "running"> & { stale: boolean })[]>`
    SELECT cr.id, cr.requested_at AS "requestedAt", u.name AS "requestedBy", cr.finished_at AS "finishedAt", cr.campaigns, cr.grouped, cr.error,
      cr.heartbeat_at < now() - make_interval(secs => ${STALE_SECONDS}) AS stale
    FROM campaign_run cr LEFT JOIN app_user u ON u.id = cr.requested_by_id
    WHERE cr.consultation_id = ${consultationId}::uuid
    ORDER BY cr.requested_at DESC LIMIT 1`;
  if (!r) return null;
  const { stale, ...rest } = r;
  return { ...rest, running: !rest.finishedAt && !stale };
}
