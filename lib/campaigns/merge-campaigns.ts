// A moderator merges one campaign into another: the source's items move to the
// target (each with a moderation_event, field "campaign"; no version bump, as for
// any membership change), and the source stays as an alias of the target
// (merged_into_id) so later "Find campaigns" runs put its letters into the target.
// Campaigns already merged into the source follow it.
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { refreshDateRanges } from "@/lib/feedback/group-campaigns";

export type TMergeResult = { ok: true; moved: number } | { ok: false; reason: "notFound" | "same" };

export async function mergeCampaigns(
  actorId: string,
  consultationId: string,
  sourceId: string,
  targetId: string,
): Promise<TMergeResult> {
  if (sourceId === targetId) return { ok: false, reason: "same" };
  const at = now();
  return db.$transaction(
    async (tx) => {
      // Both locked, in a fixed order (two merges at once cannot deadlock).
      const found = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM campaign WHERE id = ANY(${[sourceId, targetId]}::uuid[]) AND consultation_id = ${consultationId}::uuid AND merged_into_id IS NULL
        ORDER BY id FOR UPDATE`;
      if (found.length !== 2) return { ok: false, reason: "notFound" } as const;
      const [{ n }] = await tx.$queryRaw<{ n: number }[]>`
        WITH moved AS (
          UPDATE feedback_triage SET campaign_id = ${targetId}::uuid WHERE campaign_id = ${sourceId}::uuid RETURNING feedback_item_id AS id
        ), logged AS (
          INSERT INTO moderation_event (feedback_item_id, actor_id, at, field, from_value, to_value)
          SELECT id, ${actorId}::uuid, ${at}, 'campaign', ${sourceId}, ${targetId} FROM moved
        )
        SELECT count(*)::int AS n FROM moved`;
      await tx.$executeRaw`UPDATE campaign SET merged_into_id = ${targetId}::uuid WHERE id = ${sourceId}::uuid OR merged_into_id = ${sourceId}::uuid`;
      await tx.$executeRaw`DELETE FROM campaign_count WHERE campaign_id = ${sourceId}::uuid`;
      await refreshDateRanges(tx, consultationId, [targetId]);
      return { ok: true, moved: n } as const;
    },
    { timeout: 120_000 },
  );
}
