// "Report this comment": anyone may report a comment the public can read (on the comments page or the results
// pages). Limited per client address (COMMENT_REPORT_RATE_LIMIT_PER_HOUR, shared by every server); the address is
// stored only as its keyed hash. A country's official response is not reportable: its publication is the
// consultation's rule (publish_formal), not a moderator's clearing.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { consume, sharedLimiter } from "@/lib/http/shared-limiter";
import { ipHash } from "@/lib/security/ip-hash";
import type { TReportReason } from "./schema";

export type TReportResult =
  { ok: true } | { ok: false; reason: "not_found" } | { ok: false; reason: "rateLimited"; retryAfterSeconds: number };

export type TReportableComment = {
  id: string;
  clauseKey: string | null;
  comment: string | null;
  proposedWording: string | null;
};

/**
 * The item when the public reads it in this consultation: cleared for publication by a moderator, from a
 * respondent who agreed, not withdrawn; or listed (and not withdrawn since) on the published results. Else null.
 */
export async function getReportableComment(consultationId: string, itemId: string): Promise<TReportableComment | null> {
  if (!UUID.test(itemId)) return null;
  const [row] = await db.$queryRaw<TReportableComment[]>`
    SELECT fi.id, c.key AS "clauseKey", fi.comment, fi.proposed_wording AS "proposedWording" FROM feedback_item fi
    JOIN response r ON r.id = fi.response_id
    JOIN consultation k ON k.id = r.consultation_id
    LEFT JOIN clause c ON c.id = fi.clause_id
    WHERE fi.id = ${itemId}::uuid AND r.consultation_id = ${consultationId}::uuid AND k.published_at IS NOT NULL
      AND r.channel <> 'formal' AND r.withdrawn_at IS NULL
      AND ((r.publication <> 'none' AND fi.cleared_at IS NOT NULL)
        OR (k.results_published_at IS NOT NULL AND EXISTS (SELECT 1 FROM results_row rr
              WHERE rr.consultation_id = k.id AND rr.feedback_item_id = fi.id AND rr.listed_seq IS NOT NULL AND rr.withdrawn_at IS NULL)))`;
  return row ?? null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function reportComment(
  consultationId: string,
  itemId: string,
  input: { reason: TReportReason; details: string },
  opts: { clientIp?: string } = {},
): Promise<TReportResult> {
  if (!(await getReportableComment(consultationId, itemId))) return { ok: false, reason: "not_found" };
  const perHour = env().COMMENT_REPORT_RATE_LIMIT_PER_HOUR;
  if (perHour > 0) {
    const r = await consume(sharedLimiter("comment-report-ip", perHour, 3600), opts.clientIp ?? "unknown");
    if (!r.ok) return { ok: false, reason: "rateLimited", retryAfterSeconds: r.retryAfterSeconds };
  }
  await db.commentReport.create({
    data: {
      feedbackItemId: itemId,
      reason: input.reason,
      details: input.details || null,
      reporterHash: ipHash(opts.clientIp),
    },
  });
  return { ok: true };
}
