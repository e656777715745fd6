// The campaigns page: campaigns largest first (keyset pages of 50), each with its
// size, the start of its text, its items per status and per decision, and the
// range of its submission dates. Sizes and counts are read from campaign and
// campaign_count, kept true by the trigger of migration 1764390000000: no
// aggregate over a 500,000-item campaign per view.
import { db } from "@/lib/db";
import type { ItemStatus } from "@/lib/generated/prisma/enums";
import { ITEMS_PER_PAGE } from "./schema";

export { ITEMS_PER_PAGE };
export const CAMPAIGNS_PER_PAGE = 50;
export const SAMPLE_CHARS = 240;

export type TCampaignRow = {
  id: string;
  size: number;
  sample: string;
  firstAt: Date | null;
  lastAt: Date | null;
  /** Items per status, and per decision ("" = no decision yet), largest first. */
  statuses: { key: ItemStatus; n: number }[];
  dispositions: { key: string; n: number }[];
};

/** The page cursor: after the campaign of this size and id. */
export type TCampaignCursor = { size: number; id: string };

export function parseCursor(raw: string | undefined): TCampaignCursor | undefined {
  const m = /^(\d{1,9})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(raw ?? "");
  return m ? { size: Number(m[1]), id: m[2] } : undefined;
}
export const cursorOf = (c: TCampaignCursor) => `${c.size}_${c.id}`;

type TRaw = { id: string; size: number; sample: string; first_at: Date | null; last_at: Date | null };

async function withCounts(rows: TRaw[]): Promise<TCampaignRow[]> {
  if (!rows.length) return [];
  const counts = await db.$queryRaw<{ campaign_id: string; status: ItemStatus; disposition: string; n: number }[]>`
    SELECT campaign_id, status, disposition, n FROM campaign_count WHERE campaign_id = ANY(${rows.map((r) => r.id)}::uuid[]) AND n > 0`;
  return rows.map((r) => {
    const mine = counts.filter((c) => c.campaign_id === r.id);
    const sum = <K extends string>(key: (c: (typeof mine)[number]) => K) => {
      const m = new Map<K, number>();
      for (const c of mine) m.set(key(c), (m.get(key(c)) ?? 0) + c.n);
      return [...m].map(([k, n]) => ({ key: k, n })).sort((a, b) => b.n - a.n || (a.key < b.key ? -1 : 1));
    };
    return {
      id: r.id,
      size: r.size,
      sample: r.sample,
      firstAt: r.first_at,
      lastAt: r.last_at,
      statuses: sum((c) => c.status),
      dispositions: sum((c) => c.disposition),
    };
  });
}

/** One page of the consultation's campaigns, largest first; `next` is the cursor of the following page. */
export async function listCampaigns(
  consultationId: string,
  after?: TCampaignCursor,
): Promise<{ campaigns: TCampaignRow[]; next?: TCampaignCursor; total: number }> {
  const [rows, [{ total }]] = await Promise.all([
    db.$queryRaw<TRaw[]>`
      SELECT id, size, left(sample, ${SAMPLE_CHARS}) AS sample, first_at, last_at FROM campaign
      WHERE consultation_id = ${consultationId}::uuid AND merged_into_id IS NULL
        AND (${after?.size ?? null}::int IS NULL OR size < ${after?.size ?? 0} OR (size = ${after?.size ?? 0} AND id > ${after?.id ?? null}::uuid))
      ORDER BY size DESC, id
      LIMIT ${CAMPAIGNS_PER_PAGE + 1}`,
    db.$queryRaw<
      { total: number }[]
    >`SELECT count(*)::int AS total FROM campaign WHERE consultation_id = ${consultationId}::uuid AND merged_into_id IS NULL`,
  ]);
  const page = rows.slice(0, CAMPAIGNS_PER_PAGE);
  const last = page.at(-1);
  return {
    campaigns: await withCounts(page),
    next: rows.length > CAMPAIGNS_PER_PAGE && last ? { size: last.size, id: last.id } : undefined,
    total,
  };
}

/** One campaign of the consultation (not merged away), with its counts; null otherwise. */
export async function getCampaign(consultationId: string, campaignId: string): Promise<TCampaignRow | null> {
  const rows = await db.$queryRaw<TRaw[]>`
    SELECT id, size, left(sample, ${SAMPLE_CHARS}) AS sample, first_at, last_at FROM campaign
    WHERE id = ${campaignId}::uuid AND consultation_id = ${consultationId}::uuid AND merged_into_id IS NULL`;
  return (await withCounts(rows))[0] ?? null;
}

export type TCampaignItem = {
  id: string;
  reference: string;
  submittedAt: Date;
  comment: string;
  status: ItemStatus;
  disposition: string | null;
};

/** A page of a campaign's items in a stable order (by id, index feedback_triage_campaign_id_feedback_item_id_idx), after the item given. */
export async function listCampaignItems(
  campaignId: string,
  afterId?: string,
): Promise<{ items: TCampaignItem[]; next?: string }> {
  const rows = await db.$queryRaw<TCampaignItem[]>`
    SELECT fi.id, r.reference, r.submitted_at AS "submittedAt", left(fi.comment, ${SAMPLE_CHARS}) AS comment, tr.status, tr.disposition::text AS disposition
    FROM feedback_triage tr JOIN feedback_item fi ON fi.id = tr.feedback_item_id JOIN response r ON r.id = fi.response_id
    WHERE tr.campaign_id = ${campaignId}::uuid AND (${afterId ?? null}::uuid IS NULL OR tr.feedback_item_id > ${afterId ?? null}::uuid)
    ORDER BY tr.feedback_item_id
    LIMIT ${ITEMS_PER_PAGE + 1}`;
  const items = rows.slice(0, ITEMS_PER_PAGE);
  return { items, next: rows.length > ITEMS_PER_PAGE ? items.at(-1)?.id : undefined };
}
