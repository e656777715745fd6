// Triage a whole campaign at once: one statement sets the status of every item
// in the group and writes one audit event per item that changed.
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import type { TTriage } from "./triage-schema";

export async function triageCampaign(actorId: string, campaignId: string, status: NonNullable<TTriage["status"]>): Promise<number> {
  const at = now();
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    WITH old AS (
      SELECT id, status FROM feedback_item WHERE campaign_id = ${campaignId}::uuid AND status <> ${status}::item_status FOR UPDATE
    ), changed AS (
      UPDATE feedback_item fi SET status = ${status}::item_status, moderated_at = ${at}
      FROM old WHERE fi.id = old.id
      RETURNING fi.id, old.status::text AS from_status
    ), logged AS (
      INSERT INTO moderation_event (feedback_item_id, actor_id, at, field, from_value, to_value)
      SELECT id, ${actorId}::uuid, ${at}, 'status', from_status, ${status} FROM changed
    )
    SELECT count(*) AS n FROM changed`;
  return Number(rows[0].n);
}

/** Sizes of the campaigns given, by id. */
export async function campaignSizes(ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db.$queryRaw<{ campaign_id: string; n: bigint }[]>`
    SELECT campaign_id, count(*) AS n FROM feedback_item WHERE campaign_id = ANY(${ids}::uuid[]) GROUP BY campaign_id`;
  return new Map(rows.map((r) => [r.campaign_id, Number(r.n)]));
}
