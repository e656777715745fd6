// The queue's filters: parsed from the URL (so a view can be shared), and
// turned into one SQL condition used by the queue and the export alike.
import { z } from "zod";
import { DISPOSITIONS, ITEM_STATUSES } from "./triage-schema";
import { RESPONDENT_TYPES } from "@/lib/responses/schema";
import { isCountryCode } from "@/lib/countries/list-countries";

export const QUEUE_ASPECTS = ["clarity", "language", "feasibility", "general", "position"] as const;
// A real calendar day (Date.parse accepts 2026-02-30; PostgreSQL does not).
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (s) =>
      s >= "0001-01-01" &&
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
  );
// Control characters (NUL above all) cannot reach PostgreSQL.
const clean = (s: string) => s.replace(/\p{Cc}/gu, "");
const rating = z.coerce.number().int().min(1).max(5);

/** Each filter is optional; a value that does not parse is ignored, never an error. */
const FIELDS = {
  clause: z.string().max(32),
  aspect: z.enum(QUEUE_ASPECTS),
  status: z.enum(ITEM_STATUSES),
  type: z.enum(RESPONDENT_TYPES),
  country: z.string().refine(isCountryCode),
  tag: z
    .string()
    .max(60)
    .transform((s) => clean(s).trim().toLowerCase())
    .pipe(z.string().min(1)),
  assignee: z.union([
    z.literal("none"),
    z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
  ]),
  from: day,
  to: day,
  minRating: rating,
  maxRating: rating,
  hasTerm: z.literal("1"),
  // Formal country responses only
  official: z.literal("1"),
  q: z
    .string()
    .max(200)
    .transform((s) => clean(s).trim())
    .pipe(z.string().min(1)),
  sort: z.enum(["newest", "oldest"]),
  campaign: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
  // "none": items with no decision yet (what the publish-results confirmation links to).
  decision: z.enum(["none", ...DISPOSITIONS]),
  // The comment's detected language (ISO 639-3, lib/themes/detect-languages.ts); "other": not the consultation's.
  lang: z.union([z.literal("other"), z.string().regex(/^[a-z]{3}$/)]),
} as const;

export type TQueueFilter = { [K in keyof typeof FIELDS]?: z.output<(typeof FIELDS)[K]> };
export const FILTER_KEYS = Object.keys(FIELDS) as (keyof typeof FIELDS)[];

export function parseQueueFilter(
  params: Record<string, string | string[] | undefined> | URLSearchParams,
): TQueueFilter {
  const get = (k: string) => (params instanceof URLSearchParams ? (params.get(k) ?? undefined) : params[k]);
  const out: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const raw = get(key);
    if (typeof raw !== "string" || raw === "") continue;
    const parsed = FIELDS[key].safeParse(raw);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as TQueueFilter;
}

/**
 * The date filters' problems, to show beside the fields: a day that does not
 * exist (the filter is then ignored), or an end before the start. Message keys
 * of the "queueViews" namespace.
 */
export function filterProblems(
  params: Record<string, string | string[] | undefined>,
): Partial<Record<"from" | "to", "dateInvalid" | "dateOrder">> {
  const out: Partial<Record<"from" | "to", "dateInvalid" | "dateOrder">> = {};
  const days: Partial<Record<"from" | "to", string>> = {};
  for (const k of ["from", "to"] as const) {
    const raw = params[k];
    if (raw === undefined || raw === "") continue;
    const parsed = FIELDS[k].safeParse(raw);
    if (parsed.success) days[k] = parsed.data;
    else out[k] = "dateInvalid";
  }
  if (days.from && days.to && days.to < days.from) out.to = "dateOrder";
  return out;
}

export function filterToQuery(filter: TQueueFilter): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filter)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
}

/**
 * The full-text condition on feedback items (`alias`: "fi", or "" for the bare table), for the query text in
 * parameter `param` ("$3"). An item not derived yet (lib/feedback/derive-items.ts: a minute at most, longer after a
 * rush) has no vector: its vector is computed here, with the function the job uses, so a search misses nothing.
 */
export function searchCondition(alias: string, param: string): string {
  const c = (name: string) => (alias ? `${alias}.${name}` : name);
  const q = `(websearch_to_tsquery('english'::regconfig, ${param}) || websearch_to_tsquery('french'::regconfig, ${param}))`;
  return `(${c("search")} @@ ${q} OR (${c("search")} IS NULL AND feedback_item_vector(${c("language")}, ${c("comment")}, ${c("term")}, ${c("proposed_wording")}, ${c("country_context")}) @@ ${q}))`;
}

/**
 * The rows every queue condition is written over: the item fi, its moderation state tr
 * (feedback_triage), its response r and its clause c (none for a general comment).
 * Every item has its state (a trigger makes it), so the LEFT JOIN is an inner join in
 * effect; written so, PostgreSQL leaves the state out of a count that does not need it.
 */
export const QUEUE_FROM =
  "feedback_item fi LEFT JOIN feedback_triage tr ON tr.feedback_item_id = fi.id JOIN response r ON r.id = fi.response_id LEFT JOIN clause c ON c.id = fi.clause_id";

/**
 * `WHERE` text over QUEUE_FROM (fi, tr, r, c), with
 * numbered parameters starting at $1 (the consultation id). Only constant SQL
 * is composed; every value is a bound parameter. `stateOnly`: only the conditions
 * on what a moderator can change (status, assignee, campaign, decision, tags),
 * over `tr` alone: what a bulk change re-checks on the items it locks.
 */
export function filterWhere(
  consultationId: string,
  f: TQueueFilter,
  opts: { stateOnly?: boolean } = {},
): { sql: string; params: unknown[] } {
  const params: unknown[] = [consultationId];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const parts: string[] = [];
  // An item's own content and its response's never change (a changed response's items come back as new
  // ones); `state` marks the conditions on what can.
  const part = (state: boolean, make: () => string) => {
    if (state || !opts.stateOnly) parts.push(make());
  };
  // A withdrawn response (or a superseded official one) is out of every count, list and export.
  part(false, () => "r.consultation_id = $1::uuid AND r.withdrawn_at IS NULL");
  if (f.clause) part(false, () => `c.key = ${p(f.clause)}`);
  if (f.aspect) part(false, () => `fi.aspect = ${p(f.aspect)}::feedback_aspect`);
  if (f.status) part(true, () => `tr.status = ${p(f.status)}::item_status`);
  if (f.type) part(false, () => `r.respondent_type = ${p(f.type)}::respondent_type`);
  if (f.country) part(false, () => `r.country = ${p(f.country)}`);
  const item = opts.stateOnly ? "tr.feedback_item_id" : "fi.id";
  if (f.tag)
    part(
      true,
      () =>
        `EXISTS (SELECT 1 FROM feedback_item_tag ft JOIN tag tg ON tg.id = ft.tag_id WHERE ft.feedback_item_id = ${item} AND tg.key = ${p(f.tag)})`,
    );
  if (f.assignee === "none") part(true, () => "tr.assignee_id IS NULL");
  else if (f.assignee) part(true, () => `tr.assignee_id = ${p(f.assignee)}::uuid`);
  if (f.from) part(false, () => `r.submitted_at >= ${p(f.from)}::date`);
  if (f.to) part(false, () => `r.submitted_at < (${p(f.to)}::date + 1)`);
  if (f.minRating) part(false, () => `fi.rating >= ${p(f.minRating)}`);
  if (f.maxRating) part(false, () => `fi.rating <= ${p(f.maxRating)}`);
  if (f.hasTerm) part(false, () => "fi.term IS NOT NULL");
  if (f.official) part(false, () => "r.channel = 'formal'");
  if (f.campaign) part(true, () => `tr.campaign_id = ${p(f.campaign)}::uuid`);
  // Partial indexes on each side (…_feedback_triage.sql): fast however few items remain.
  if (f.decision === "none") part(true, () => "tr.disposition IS NULL");
  else if (f.decision) part(true, () => `tr.disposition = ${p(f.decision)}::disposition`);
  // "None" is IS NULL, which an item without a state would pass too: say the state is there (it always
  // is), so PostgreSQL joins it as an inner join and may start from the state's partial indexes.
  if (f.assignee === "none" || f.decision === "none") part(true, () => "tr.feedback_item_id IS NOT NULL");
  // fi.search: in the item's language (else English and French), derived in the background (lib/feedback/derive-items.ts)
  if (f.q) part(false, () => searchCondition("fi", p(f.q)));
  if (f.lang === "other") part(false, () => "fi.detected_language NOT IN ('eng', 'fra', 'und')");
  // Another language: said twice so PostgreSQL may use the small partial index of other languages.
  else if (f.lang && !["eng", "fra", "und"].includes(f.lang))
    part(false, () => `fi.detected_language = ${p(f.lang)} AND fi.detected_language NOT IN ('eng', 'fra', 'und')`);
  else if (f.lang) part(false, () => `fi.detected_language = ${p(f.lang)}`);
  return { sql: parts.length ? parts.join(" AND ") : "TRUE", params };
}
