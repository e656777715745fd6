// A whole campaign at once: its status (no confirmation; undone the same way), or its
// decision and reason (bulk-decide.ts, after a confirmation). Both go through
// bulkChange, so every item is versioned and logged as one saved by hand would be.
import { db } from "@/lib/db";
import { getConsultationFor } from "@/lib/consultations/get-consultation";
import { bulkChange } from "./bulk-decide";
import type { TTriage } from "./triage-schema";

/** The status of every item of a campaign of this consultation; null when the consultation is not this user's to moderate. */
export async function triageCampaign(
  user: { id: string; role: string },
  slug: string,
  campaignId: string,
  status: NonNullable<TTriage["status"]>,
): Promise<number | null> {
  if (user.role !== "moderator" && user.role !== "admin") return null;
  const c = await getConsultationFor(user, slug);
  if (!c) return null;
  return (await bulkChange(user.id, c.id, { campaign: campaignId }, { status })).changed;
}

/** Sizes of the campaigns given, by id: campaign.size, kept true by a trigger (…_campaign_membership.sql). */
export async function campaignSizes(ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db.campaign.findMany({
    where: { id: { in: ids }, size: { gt: 0 } },
    select: { id: true, size: true },
  });
  return new Map(rows.map((r) => [r.id, r.size]));
}
