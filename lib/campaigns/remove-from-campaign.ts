// A moderator takes items out of a campaign: they leave it, are recorded in
// campaign_exclusion (no later "Find campaigns" run puts them back) and each gets
// a moderation_event (field "campaign"). Membership is a label, not a triage
// decision: the item's version is not bumped (an open item form stays valid).
// A campaign left with fewer than two items is no campaign: it is dissolved.
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { refreshDateRanges } from "@/lib/feedback/group-campaigns";

export type TRemoveResult = { ok: true; removed: number; dissolved: boolean } | { ok: false; reason: "notFound" };

export async function removeFromCampaign(
  actorId: string,
  consultationId: string,
  campaignId: string,
  itemIds: string[],
): Promise<TRemoveResult> {
  const at = now();
  return db.$transaction(async (tx) => {
    const [campaign] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM campaign WHERE id = ${campaignId}::uuid AND consultation_id = ${consultationId}::uuid AND merged_into_id IS NULL FOR UPDATE`;
    if (!campaign) return { ok: false, reason: "notFound" } as const;
    const [{ n }] = await tx.$queryRaw<{ n: number }[]>`
      WITH moved AS (
        UPDATE feedback_triage SET campaign_id = NULL
        WHERE feedback_item_id = ANY(${itemIds}::uuid[]) AND campaign_id = ${campaignId}::uuid
        RETURNING feedback_item_id AS id
      ), excluded AS (
        INSERT INTO campaign_exclusion (feedback_item_id, removed_by_id, removed_at) SELECT id, ${actorId}::uuid, ${at} FROM moved
        ON CONFLICT (feedback_item_id) DO UPDATE SET removed_by_id = EXCLUDED.removed_by_id, removed_at = EXCLUDED.removed_at
      ), logged AS (
        INSERT INTO moderation_event (feedback_item_id, actor_id, at, field, from_value, to_value)
        SELECT id, ${actorId}::uuid, ${at}, 'campaign', ${campaignId}, NULL FROM moved
      )
      SELECT count(*)::int AS n FROM moved`;
    const [{ size }] = await tx.$queryRaw<{ size: number }[]>`SELECT size FROM campaign WHERE id = ${campaignId}::uuid`;
    if (size >= 2) {
      await refreshDateRanges(tx, consultationId, [campaignId]);
      return { ok: true, removed: n, dissolved: false } as const;
    }
    // The last item is no campaign on its own: it leaves too (not excluded: a later run may group it with new copies).
    await tx.$executeRaw`
      WITH left_over AS (
        UPDATE feedback_triage SET campaign_id = NULL WHERE campaign_id = ${campaignId}::uuid RETURNING feedback_item_id AS id
      )
      INSERT INTO moderation_event (feedback_item_id, actor_id, at, field, from_value, to_value)
      SELECT id, ${actorId}::uuid, ${at}, 'campaign', ${campaignId}, NULL FROM left_over`;
    await tx.$executeRaw`DELETE FROM campaign WHERE id = ${campaignId}::uuid`;
    return { ok: true, removed: n, dissolved: true } as const;
  });
}
