// Groups a consultation's form letters and copy-paste campaigns:
// 1. identical comments (the same fingerprint: lower-cased, punctuation and
//    spacing folded) become a campaign once two or more share it;
// 2. ungrouped comments that begin, or end, with the same 80 characters
//    (folded as for fingerprints) are candidates for a campaign of their own:
//    the same letter signed by different people has no identical copy;
// 3. an ungrouped comment whose text is near-identical to a campaign's sample
//    (pg_trgm similarity ≥ 0.75) joins that campaign; candidate campaigns that
//    end up with fewer than two members are dropped.
// Items keep everything of their own: a campaign is only a label on them.
import { db } from "@/lib/db";

export const SIMILARITY = 0.75;

export async function groupCampaigns(consultationId: string): Promise<{ campaigns: number; grouped: number }> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`
        INSERT INTO campaign (consultation_id, fingerprint, sample)
        SELECT ${consultationId}::uuid, fi.fingerprint, min(fi.comment)
        FROM feedback_item fi JOIN response r ON r.id = fi.response_id
        WHERE r.consultation_id = ${consultationId}::uuid AND fi.fingerprint IS NOT NULL
        GROUP BY fi.fingerprint HAVING count(*) >= 2
        ON CONFLICT (consultation_id, fingerprint) DO NOTHING`;
      await tx.$executeRaw`
        UPDATE feedback_item fi SET campaign_id = cp.id
        FROM campaign cp, response r
        WHERE r.id = fi.response_id AND r.consultation_id = ${consultationId}::uuid
          AND cp.consultation_id = ${consultationId}::uuid AND cp.fingerprint = fi.fingerprint
          AND fi.campaign_id IS DISTINCT FROM cp.id`;
      await tx.$executeRaw`
        WITH cand AS (
          SELECT fi.comment, regexp_replace(lower(fi.comment), '[^[:alnum:]]+', ' ', 'g') AS folded
          FROM feedback_item fi JOIN response r ON r.id = fi.response_id
          WHERE r.consultation_id = ${consultationId}::uuid AND fi.campaign_id IS NULL AND char_length(fi.comment) >= 40
        ), blocks AS (
          SELECT md5('head:' || left(folded, 80)) AS block, min(comment) AS sample FROM cand GROUP BY 1 HAVING count(*) >= 2
          UNION ALL
          SELECT md5('tail:' || right(folded, 80)), min(comment) FROM cand GROUP BY 1 HAVING count(*) >= 2
        )
        INSERT INTO campaign (consultation_id, fingerprint, sample)
        SELECT ${consultationId}::uuid, block, sample FROM blocks
        ON CONFLICT (consultation_id, fingerprint) DO NOTHING`;
      await tx.$executeRawUnsafe(`SET LOCAL pg_trgm.similarity_threshold = ${SIMILARITY}`);
      await tx.$executeRaw`
        UPDATE feedback_item fi SET campaign_id = m.campaign_id
        FROM (
          SELECT DISTINCT ON (x.id) x.id, cp.id AS campaign_id
          FROM feedback_item x
          JOIN response r ON r.id = x.response_id
          JOIN campaign cp ON cp.consultation_id = ${consultationId}::uuid AND cp.sample % x.comment
          WHERE r.consultation_id = ${consultationId}::uuid AND x.campaign_id IS NULL AND char_length(x.comment) >= 20
          ORDER BY x.id, similarity(cp.sample, x.comment) DESC
        ) m
        WHERE fi.id = m.id`;
      await tx.$executeRaw`
        DELETE FROM campaign cp WHERE cp.consultation_id = ${consultationId}::uuid
          AND (SELECT count(*) FROM feedback_item fi WHERE fi.campaign_id = cp.id) < 2`;
      const [row] = await tx.$queryRaw<{ campaigns: bigint; grouped: bigint }[]>`
        SELECT (SELECT count(*) FROM campaign WHERE consultation_id = ${consultationId}::uuid) AS campaigns,
               (SELECT count(*) FROM feedback_item fi JOIN response r ON r.id = fi.response_id
                 WHERE r.consultation_id = ${consultationId}::uuid AND fi.campaign_id IS NOT NULL) AS grouped`;
      return { campaigns: Number(row.campaigns), grouped: Number(row.grouped) };
    },
    // In the background (find-campaigns.ts): a million items with a 500,000-item group took 41 s on 2 cores.
    { timeout: 600_000, maxWait: 30_000 },
  );
}
