// How many items each filter value holds, shown beside it in the queue's
// filters. Over the whole consultation, refreshed in the background every ten
// seconds per server, so no moderator waits for the counting.
import { db } from "@/lib/db";
import { ttlCache } from "@/lib/ttl-cache";

export type TFilterCounts = Record<
  "status" | "aspect" | "type" | "clause" | "country" | "tag" | "official" | "decision",
  Map<string, number>
>;

const cache = ttlCache(
  10_000,
  async (consultationId: string): Promise<TFilterCounts> => {
    const rows = await db.$queryRaw<{ dim: string; value: string | null; n: bigint }[]>`
    SELECT 'status' AS dim, tr.status::text AS value, count(*) AS n FROM feedback_item fi JOIN feedback_triage tr ON tr.feedback_item_id = fi.id JOIN response r ON r.id = fi.response_id
      WHERE r.consultation_id = ${consultationId}::uuid AND r.withdrawn_at IS NULL GROUP BY 2
    UNION ALL
    SELECT 'decision', coalesce(tr.disposition::text, 'none'), count(*) FROM feedback_item fi JOIN feedback_triage tr ON tr.feedback_item_id = fi.id JOIN response r ON r.id = fi.response_id
      WHERE r.consultation_id = ${consultationId}::uuid AND r.withdrawn_at IS NULL GROUP BY 2
    UNION ALL
    SELECT 'aspect', fi.aspect::text, count(*) FROM feedback_item fi JOIN response r ON r.id = fi.response_id
      WHERE r.consultation_id = ${consultationId}::uuid AND r.withdrawn_at IS NULL GROUP BY 2
    UNION ALL
    SELECT 'type', r.respondent_type::text, count(*) FROM feedback_item fi JOIN response r ON r.id = fi.response_id
      WHERE r.consultation_id = ${consultationId}::uuid AND r.withdrawn_at IS NULL GROUP BY 2
    UNION ALL
    SELECT 'clause', c.key, count(*) FROM feedback_item fi JOIN clause c ON c.id = fi.clause_id JOIN response r ON r.id = fi.response_id
      WHERE c.consultation_id = ${consultationId}::uuid AND r.withdrawn_at IS NULL GROUP BY 2
    UNION ALL
    SELECT 'country', r.country, count(*) FROM feedback_item fi JOIN response r ON r.id = fi.response_id
      WHERE r.consultation_id = ${consultationId}::uuid AND r.withdrawn_at IS NULL GROUP BY 2
    UNION ALL
    SELECT 'official', '1', count(*) FROM feedback_item fi JOIN response r ON r.id = fi.response_id
      WHERE r.consultation_id = ${consultationId}::uuid AND r.withdrawn_at IS NULL AND r.channel = 'formal'
    UNION ALL
    SELECT 'tag', t.key, count(*) FROM feedback_item_tag ft JOIN tag t ON t.id = ft.tag_id
      JOIN feedback_item fi ON fi.id = ft.feedback_item_id JOIN response r ON r.id = fi.response_id
      WHERE t.consultation_id = ${consultationId}::uuid AND r.withdrawn_at IS NULL GROUP BY 2`;
    const out: TFilterCounts = {
      status: new Map(),
      aspect: new Map(),
      type: new Map(),
      clause: new Map(),
      country: new Map(),
      tag: new Map(),
      official: new Map(),
      decision: new Map(),
    };
    for (const r of rows) if (r.value !== null) out[r.dim as keyof TFilterCounts].set(r.value, Number(r.n));
    return out;
  },
  { stale: true },
);

export function filterCounts(consultationId: string): Promise<TFilterCounts> {
  return cache.get(consultationId);
}
