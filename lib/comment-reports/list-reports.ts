// The moderators' list of reported comments of one consultation: items with open reports first (most reported
// first), then those decided, newest decision first; per item the comment, its clause, the reasons with their
// counts and the reporters' texts. Never a reporter's address hash.
import { db } from "@/lib/db";
import type { TReportReason } from "./schema";

export type TReportedItem = {
  id: string;
  clauseKey: string | null;
  clauseKind: "preamble" | "principle" | "action" | null;
  clauseNumber: string | null;
  aspect: string;
  comment: string | null;
  proposedWording: string | null;
  published: boolean;
  open: number;
  total: number;
  reasons: { reason: TReportReason; n: number }[];
  details: { text: string; at: Date }[];
  lastReportAt: Date;
  decision: { decision: "kept" | "withdrawn"; reason: string; at: Date; by: string | null } | null;
};

export const REPORTS_PAGE = 50;

export async function listReports(
  consultationId: string,
  opts: { state?: "open" | "all" } = {},
): Promise<TReportedItem[]> {
  const openOnly = (opts.state ?? "open") === "open";
  return db.$queryRaw<TReportedItem[]>`
    SELECT fi.id, c.key AS "clauseKey", c.kind::text AS "clauseKind", c.number AS "clauseNumber", fi.aspect::text AS aspect,
      fi.comment, fi.proposed_wording AS "proposedWording", (fi.cleared_at IS NOT NULL) AS published,
      s.open::int AS open, s.total::int AS total, s.last_at AS "lastReportAt",
      (SELECT json_agg(json_build_object('reason', x.reason, 'n', x.n) ORDER BY x.n DESC, x.reason)
         FROM (SELECT reason, count(*)::int AS n FROM comment_report WHERE feedback_item_id = fi.id GROUP BY reason) x) AS reasons,
      COALESCE((SELECT json_agg(json_build_object('text', d.details, 'at', d.created_at) ORDER BY d.created_at DESC)
         FROM (SELECT details, created_at FROM comment_report WHERE feedback_item_id = fi.id AND details IS NOT NULL
               ORDER BY created_at DESC LIMIT 20) d), '[]'::json) AS details,
      (SELECT json_build_object('decision', d.decision, 'reason', d.decision_reason, 'at', d.decided_at, 'by', u.name)
         FROM comment_report d LEFT JOIN app_user u ON u.id = d.decided_by_id
         WHERE d.feedback_item_id = fi.id AND d.decision IS NOT NULL ORDER BY d.decided_at DESC LIMIT 1) AS decision
    FROM (SELECT cr.feedback_item_id, count(*) FILTER (WHERE cr.decision IS NULL) AS open, count(*) AS total, max(cr.created_at) AS last_at
          FROM comment_report cr
          JOIN feedback_item f ON f.id = cr.feedback_item_id
          JOIN response r ON r.id = f.response_id
          WHERE r.consultation_id = ${consultationId}::uuid
          GROUP BY cr.feedback_item_id) s
    JOIN feedback_item fi ON fi.id = s.feedback_item_id
    LEFT JOIN clause c ON c.id = fi.clause_id
    WHERE ${openOnly} = false OR s.open > 0
    ORDER BY (s.open > 0) DESC, s.open DESC, s.last_at DESC
    LIMIT ${REPORTS_PAGE}`;
}

/** How many items of the consultation have open reports (the moderation pages' link). */
export async function countOpenReports(consultationId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(DISTINCT cr.feedback_item_id)::int AS n FROM comment_report cr
    JOIN feedback_item f ON f.id = cr.feedback_item_id JOIN response r ON r.id = f.response_id
    WHERE r.consultation_id = ${consultationId}::uuid AND cr.decision IS NULL`;
  return row?.n ?? 0;
}
