// A decision set in bulk: what it applies to (the items ticked on the page, every
// item matching the queue's filter, or a whole campaign) and the decision with its
// reason. One schema for the bulk bar, the campaign's form, the no-JavaScript
// confirmation page and the server.
import { z } from "zod";
import { DISPOSITIONS, MAX_BULK } from "./triage-schema";
import { filterToQuery, parseQueueFilter, type TQueueFilter } from "./queue-filter";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const uuid = z.string().regex(UUID, { error: "invalid" });

export const BULK_SCOPES = ["selected", "matching", "campaign"] as const;
export const BULK_DECISIONS = [...DISPOSITIONS, "none"] as const;

export const ZBulkDecision = z
  .object({
    slug: z.string().min(1, { error: "invalid" }).max(100, { error: "invalid" }),
    scope: z.enum(BULK_SCOPES, { error: "invalid" }),
    ids: z.array(uuid).max(MAX_BULK, { error: "tooMany" }),
    // The queue's filter as its URL query ("clause=1.1&type=group"), parsed by the queue's own parser.
    filter: z
      .string()
      .max(2000, { error: "invalid" })
      .transform((s): TQueueFilter => parseQueueFilter(new URLSearchParams(s))),
    campaign: uuid.optional(),
    // "none" takes the decision (and its reason) away.
    decision: z.enum(BULK_DECISIONS, { error: "noDecision" }),
    reason: z
      .string()
      .transform((s) => s.trim())
      .pipe(z.string().max(2000, { error: "tooLong" }))
      .optional()
      .transform((s) => (s ? s : null)),
  })
  .superRefine((b, ctx) => {
    if (b.scope === "selected" && b.ids.length === 0)
      ctx.addIssue({ code: "custom", message: "noneSelected", path: ["ids"] });
    if (b.scope === "campaign" && !b.campaign) ctx.addIssue({ code: "custom", message: "invalid", path: ["campaign"] });
    if (b.reason && b.decision === "none")
      ctx.addIssue({ code: "custom", message: "reasonNeedsDisposition", path: ["reason"] });
  });

export type TBulkDecision = z.output<typeof ZBulkDecision>;

/** What a bulk change applies to; every kind is narrowed to one consultation by the server. */
export type TBulkTarget = { ids: string[] } | { filter: TQueueFilter } | { campaign: string };

export function targetOf(b: TBulkDecision): TBulkTarget {
  if (b.scope === "selected") return { ids: [...new Set(b.ids)] };
  if (b.scope === "campaign") return { campaign: b.campaign! };
  return { filter: b.filter };
}

/** Form fields (a POST's FormData or the confirmation page's query) → the schema's shape. */
export function readBulkForm(form: Pick<FormData, "get" | "getAll"> | URLSearchParams): unknown {
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  return {
    slug: get("c") ?? "",
    scope: get("scope"),
    ids: form.getAll("ids").filter((v): v is string => typeof v === "string"),
    filter: get("filter") ?? "",
    campaign: get("campaign") || undefined,
    decision: get("bulkDecision"),
    reason: get("bulkReason"),
  };
}

/** The fields that carry a parsed bulk decision again (the confirmation page's hidden inputs). */
export function bulkFields(b: TBulkDecision): [string, string][] {
  const out: [string, string][] = [
    ["c", b.slug],
    ["scope", b.scope],
    ["filter", new URLSearchParams(filterToQuery(b.filter)).toString()],
    ["bulkDecision", b.decision],
  ];
  if (b.reason) out.push(["bulkReason", b.reason]);
  if (b.campaign) out.push(["campaign", b.campaign]);
  if (b.scope === "selected") for (const id of new Set(b.ids)) out.push(["ids", id]);
  return out;
}
