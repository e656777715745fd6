// Every feedback item of a consultation as CSV (RFC 4180, UTF-8) or JSON
// Lines, streamed from a PostgreSQL cursor: memory stays flat at any size.
import type { PassThrough, Writable } from "node:stream";
import { appUrl } from "@/lib/env";
import { claimExportSlot, streamQuery, type TExportSlot, type TQueryText } from "@/lib/http/export-stream";
import { filterWhere, QUEUE_FROM, type TQueueFilter } from "./queue-filter";

export const EXPORT_COLUMNS = [
  "reference",
  "submitted_at",
  "respondent_type",
  "country",
  "organisation",
  "publication",
  "clause_number",
  "clause_heading",
  "aspect",
  "rating",
  "comment",
  "term",
  "proposed_wording",
  "country_context",
  "channel",
  "locale",
  "status",
  "disposition",
  "disposition_reason",
  "tags",
  "campaign",
  "campaign_size",
  "official",
  "stance",
  "letter_url",
  "letter_sha256",
  "in_extension",
  "received_on",
  "clause_version",
  // The response's attached files (lib/attachments/), on each of its rows: download links and SHA-256, space-separated, in order.
  "attachment_urls",
  "attachment_sha256",
] as const;

export type TExportFilter = TQueueFilter;
export type TExportKind = "feedback" | "audit";

export const AUDIT_COLUMNS = [
  "at",
  "reference",
  "item",
  "clause_number",
  "aspect",
  "actor",
  "field",
  "from_value",
  "to_value",
] as const;

/** The audit log of a consultation's items: who changed what, when, from and to. */
function auditQuery(consultationId: string): TQueryText {
  return {
    text: `SELECT to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, r.reference, fi.id AS item, c.number AS clause_number,
       fi.aspect::text AS aspect, u.email AS actor, e.field, e.from_value, e.to_value
     FROM moderation_event e
     JOIN feedback_item fi ON fi.id = e.feedback_item_id
     JOIN response r ON r.id = fi.response_id
     LEFT JOIN clause c ON c.id = fi.clause_id
     JOIN app_user u ON u.id = e.actor_id
     WHERE r.consultation_id = $1::uuid
     ORDER BY e.at, e.id`,
    values: [consultationId],
  };
}

export { neutraliseFormula } from "@/lib/http/export-stream";

function query(consultationId: string, filter: TExportFilter): TQueryText {
  const { sql: where, params } = filterWhere(consultationId, filter);
  const sql = `
    SELECT r.reference, to_char(r.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS submitted_at,
      r.respondent_type::text AS respondent_type, r.country, r.organisation_name AS organisation, r.publication::text AS publication,
      c.number AS clause_number, COALESCE(c.heading_en, '') AS clause_heading, fi.aspect::text AS aspect, fi.rating,
      fi.comment, fi.term, fi.proposed_wording, fi.country_context, r.channel, r.locale,
      tr.status::text AS status, tr.disposition::text AS disposition, tr.disposition_reason,
      (SELECT string_agg(t.name, '; ' ORDER BY t.name) FROM feedback_item_tag ft JOIN tag t ON t.id = ft.tag_id WHERE ft.feedback_item_id = fi.id) AS tags,
      tr.campaign_id AS campaign, cp.size AS campaign_size,
      (r.channel = 'formal') AS official, fi.stance::text AS stance,
      CASE WHEN fl.formal_response_id IS NOT NULL THEN $${params.length + 1} || '/api/formal/' || fl.formal_response_id || '/letter' END AS letter_url,
      fl.sha256 AS letter_sha256, r.in_extension, to_char(r.received_on, 'YYYY-MM-DD') AS received_on, fi.clause_version,
      att.urls AS attachment_urls, att.sha256 AS attachment_sha256
    FROM ${QUEUE_FROM}
    LEFT JOIN formal_letter fl ON fl.formal_response_id = r.formal_response_id
    -- One probe of response_attachment's (response_id, position) key per row; most responses have no files.
    LEFT JOIN LATERAL (
      SELECT string_agg($${params.length + 1} || '/api/attachments/' || a.id, ' ' ORDER BY a.position) AS urls,
        string_agg(a.sha256, ' ' ORDER BY a.position) AS sha256
      FROM response_attachment a WHERE a.response_id = r.id
    ) att ON true
    -- campaign.size: its items, kept by a trigger (…_campaign_membership.sql)
    LEFT JOIN campaign cp ON cp.id = tr.campaign_id
    WHERE ${where}
    ORDER BY r.number, fi.position`;
  return { text: sql, values: [...params, appUrl()] };
}

/** The export on a claimed slot (the route claims it per account, before answering): the stream and the promise of its row count. */
export function openFeedbackExport<T extends Writable = PassThrough>(
  slot: TExportSlot,
  consultationId: string,
  filter: TExportFilter,
  format: "csv" | "jsonl",
  kind: TExportKind = "feedback",
  out?: T,
) {
  return kind === "audit"
    ? streamQuery(slot, auditQuery(consultationId), { format, columns: AUDIT_COLUMNS, out })
    : streamQuery(slot, query(consultationId, filter), { format, columns: EXPORT_COLUMNS, out });
}

/**
 * Streams the export into `out` on a staff connection, without a per-account limit (scripts and
 * tests). Resolves with the number of rows written.
 */
export async function exportFeedback(
  consultationId: string,
  filter: TExportFilter,
  format: "csv" | "jsonl",
  out: Writable,
  kind: TExportKind = "feedback",
): Promise<number> {
  const claim = await claimExportSlot("staff", null);
  if (!claim.ok) throw new Error(claim.message);
  return openFeedbackExport(claim.slot, consultationId, filter, format, kind, out).done;
}
export { query as feedbackExportQuery };
