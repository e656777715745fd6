// The start of each campaign's text, by id: how an item's history names a campaign
// (a membership change is logged with the campaign's id).
import { db } from "@/lib/db";

export const SAMPLE_CHARS = 60;

export async function campaignSamples(ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/.test(id));
  if (!unique.length) return new Map();
  const rows = await db.campaign.findMany({ where: { id: { in: unique } }, select: { id: true, sample: true } });
  return new Map(
    rows.map((r) => [
      r.id,
      r.sample.length > SAMPLE_CHARS ? `${r.sample.slice(0, SAMPLE_CHARS).trimEnd()}…` : r.sample,
    ]),
  );
}
