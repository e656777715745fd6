// Every feedback item of a consultation as CSV (RFC 4180, UTF-8) or JSON
// Lines, streamed from a PostgreSQL cursor: memory stays flat at any size.
import { PassThrough, Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import QueryStream from "pg-query-stream";
import { stringify } from "csv-stringify";
import { streamingPool } from "@/lib/raw-pools";
import { appUrl } from "@/lib/env";
import { filterWhere, type TQueueFilter } from "./queue-filter";

export const EXPORT_COLUMNS = [
  "reference", "submitted_at", "respondent_type", "country", "organisation", "publication",
  "clause_number", "clause_heading", "aspect", "rating", "comment", "term", "proposed_wording", "country_context", "channel", "locale",
  "status", "disposition", "disposition_reason", "tags", "campaign", "campaign_size",
  "official", "stance", "letter_url", "letter_sha256", "in_extension", "received_on", "clause_version",
] as const;

export type TExportFilter = TQueueFilter;
export type TExportKind = "feedback" | "audit";

export const AUDIT_COLUMNS = ["at", "reference", "item", "clause_number", "aspect", "actor", "field", "from_value", "to_value"] as const;

/** The audit log of a consultation's items: who changed what, when, from and to. */
function auditQuery(consultationId: string) {
  return new QueryStream(
    `SELECT to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, r.reference, fi.id AS item, c.number AS clause_number,
       fi.aspect::text AS aspect, u.email AS actor, e.field, e.from_value, e.to_value
     FROM moderation_event e
     JOIN feedback_item fi ON fi.id = e.feedback_item_id
     JOIN response r ON r.id = fi.response_id
     LEFT JOIN clause c ON c.id = fi.clause_id
     JOIN app_user u ON u.id = e.actor_id
     WHERE r.consultation_id = $1::uuid
     ORDER BY e.at, e.id`,
    [consultationId],
    { batchSize: 2000 },
  );
}

/** A spreadsheet would run a cell starting with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function query(consultationId: string, filter: TExportFilter) {
  const { sql: where, params } = filterWhere(consultationId, filter);
  const sql = `
    SELECT r.reference, to_char(r.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS submitted_at,
      r.respondent_type::text AS respondent_type, r.country, r.organisation_name AS organisation, r.publication::text AS publication,
      c.number AS clause_number, COALESCE(c.heading_en, '') AS clause_heading, fi.aspect::text AS aspect, fi.rating,
      fi.comment, fi.term, fi.proposed_wording, fi.country_context, r.channel, r.locale,
      fi.status::text AS status, fi.disposition::text AS disposition, fi.disposition_reason,
      (SELECT string_agg(t.name, '; ' ORDER BY t.name) FROM feedback_item_tag ft JOIN tag t ON t.id = ft.tag_id WHERE ft.feedback_item_id = fi.id) AS tags,
      fi.campaign_id AS campaign, cs.size AS campaign_size,
      (r.channel = 'formal') AS official, fi.stance::text AS stance,
      CASE WHEN fl.formal_response_id IS NOT NULL THEN $${params.length + 1} || '/api/formal/' || fl.formal_response_id || '/letter' END AS letter_url,
      fl.sha256 AS letter_sha256, r.in_extension, to_char(r.received_on, 'YYYY-MM-DD') AS received_on, fi.clause_version
    FROM feedback_item fi
    JOIN response r ON r.id = fi.response_id
    LEFT JOIN formal_letter fl ON fl.formal_response_id = r.formal_response_id
    LEFT JOIN clause c ON c.id = fi.clause_id
    LEFT JOIN (SELECT campaign_id, count(*) AS size FROM feedback_item WHERE campaign_id IS NOT NULL GROUP BY campaign_id) cs ON cs.campaign_id = fi.campaign_id
    WHERE ${where}
    ORDER BY r.number, fi.position`;
  return new QueryStream(sql, [...params, appUrl()], { batchSize: 2000 });
}

/**
 * Streams the export into `out`. Resolves with the number of rows written.
 * The cursor's connection goes back to the pool however the stream ends.
 */
export async function exportFeedback(
  consultationId: string,
  filter: TExportFilter,
  format: "csv" | "jsonl",
  out: NodeJS.WritableStream,
  kind: TExportKind = "feedback",
): Promise<number> {
  const client = await streamingPool().connect();
  let rows = 0;
  try {
    const source: Readable = client.query(kind === "audit" ? auditQuery(consultationId) : query(consultationId, filter));
    const count = new Transform({
      objectMode: true,
      transform(row, _enc, done) {
        rows += 1;
        done(null, row);
      },
    });
    const encode =
      format === "csv"
        ? stringify({
            header: true,
            columns: kind === "audit" ? [...AUDIT_COLUMNS] : [...EXPORT_COLUMNS],
            bom: true, // Excel reads UTF-8 only with it
            record_delimiter: "\r\n",
            cast: { string: (v) => neutraliseFormula(v), boolean: (v) => (v ? "true" : "false") },
          })
        : new Transform({
            writableObjectMode: true,
            transform(row, _enc, done) {
              done(null, JSON.stringify(row) + "\n");
            },
          });
    await pipeline(source, count, encode, out as NodeJS.WritableStream);
    return rows;
  } finally {
    client.release();
  }
}

/** A PassThrough to hand to a web Response, and the promise of the export's row count. */
export function exportStream(consultationId: string, filter: TExportFilter, format: "csv" | "jsonl", kind: TExportKind = "feedback") {
  const out = new PassThrough();
  const done = exportFeedback(consultationId, filter, format, out, kind);
  done.catch((err) => out.destroy(err));
  return { stream: out, done };
}
