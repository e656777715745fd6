// The formal response's form: one schema for the workspace form and the server.
// A draft may be incomplete; submitting asks for more (see ZSubmittable).
import { z } from "zod";
import { cleanText } from "@/lib/text/clean-text";
import { isCountryCode } from "@/lib/countries/list-countries";

export const STANCES = ["support", "support_with_amendments", "cannot_support", "no_position"] as const;
export type TStance = (typeof STANCES)[number];
export const POSITION_FIELDS = [
  "stance",
  "amendment",
  "clarity",
  "term",
  "wording",
  "language",
  "feasibility",
] as const;
export type TPositionField = (typeof POSITION_FIELDS)[number];
/** A clause as the workspace form and the read-only views show it. */
export type TWorkspaceClause = { key: string; label: string; heading: string | null; body: string };

// Control characters (NUL above all) never reach PostgreSQL; blank means absent.
const text = (max: number) =>
  z
    .string()
    .transform(cleanText)
    .pipe(z.string().max(max, { error: "tooLong" }))
    .transform((s) => (s === "" ? undefined : s))
    .optional();

export const ZPosition = z
  .object({
    stance: z.enum(STANCES, { error: "invalid" }).optional(),
    amendment: text(2000),
    clarity: text(5000),
    term: text(200),
    wording: text(2000),
    language: text(5000),
    feasibility: text(5000),
  })
  .superRefine((p, ctx) => {
    if (p.amendment && !p.stance) ctx.addIssue({ code: "custom", path: ["stance"], message: "amendmentNeedsStance" });
    if ((p.wording || p.language) && !p.term) ctx.addIssue({ code: "custom", path: ["term"], message: "termRequired" });
  });
export type TPosition = z.output<typeof ZPosition>;

export const ZFormalDraft = z.object({
  version: z.coerce.number().int().min(1).max(1_000_000),
  statement: text(5000),
  positions: z.record(z.string().max(32), ZPosition),
});
export type TFormalDraft = z.output<typeof ZFormalDraft>;

/** What submission needs beyond a valid draft: something to submit, and the amendment when the position asks for one. */
export function submissionIssues(draft: {
  statement?: string;
  positions: Record<string, TPosition>;
}): { path: string[]; key: string }[] {
  const issues: { path: string[]; key: string }[] = [];
  for (const [key, p] of Object.entries(draft.positions)) {
    if (p.stance === "support_with_amendments" && !p.amendment)
      issues.push({ path: [key, "amendment"], key: "amendmentRequired" });
  }
  const anything =
    draft.statement || Object.values(draft.positions).some((p) => POSITION_FIELDS.some((f) => p[f] !== undefined));
  if (!anything) issues.push({ path: ["statement"], key: "nothingToSubmit" });
  return issues;
}

/** The form's field name for one clause's field: `stance@1.1`. */
export const fieldName = (clauseKey: string, field: TPositionField) => `${field}@${clauseKey}`;
/** An HTML id for it (the error summary links there). */
export const fieldId = (clauseKey: string, field: TPositionField) => `f-${clauseKey.replace(/\./g, "_")}-${field}`;

/** FormData → the draft's raw shape, for the clauses the consultation has (anything else is ignored). */
export function readFormalForm(form: FormData, clauseKeys: readonly string[]) {
  const str = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : undefined;
  };
  const positions: Record<string, Record<string, string | undefined>> = {};
  for (const key of clauseKeys) {
    const p: Record<string, string | undefined> = {};
    for (const f of POSITION_FIELDS) {
      const v = str(fieldName(key, f));
      if (v !== undefined && v !== "") p[f] = v;
    }
    if (Object.keys(p).length) positions[key] = p;
  }
  return { version: str("version") ?? "", statement: str("statement") ?? "", positions };
}

/** The clause keys the form sent fields for (`stance@1.1` → "1.1"); the draft keeps only the consultation's. */
export function formClauseKeys(form: FormData): string[] {
  const keys = new Set<string>();
  for (const name of form.keys()) {
    const at = name.indexOf("@");
    if (at > 0 && (POSITION_FIELDS as readonly string[]).includes(name.slice(0, at))) keys.add(name.slice(at + 1));
  }
  return [...keys];
}

/** The approver's submission: the sign-off box, and the version of the draft they saw. */
export const ZSubmitFormal = z.object({
  slug: z.string().max(64, { error: "forbidden" }).default(""),
  confirm: z.literal("yes", { error: "confirmRequired" }),
  version: z.coerce.number().int().catch(-1),
  locale: z.enum(["en", "fr"]).catch("en"),
});

/** A moderator reopens a submitted response, with a reason the delegation sees. */
export const ZReopenFormal = z.object({
  id: z.string({ error: "notSubmitted" }).regex(/^[0-9a-f-]{36}$/, { error: "notSubmitted" }),
  reason: z.string().max(2000).default(""),
});

/** An admin grants a country a later deadline (a local date and time in the consultation's time zone), with a reason. */
export const ZFormalExtension = z.object({
  slug: z.string().max(64, { error: "forbidden" }).default(""),
  country: z.string({ error: "countryRequired" }).refine(isCountryCode, { error: "countryRequired" }),
  until: z.string({ error: "untilInvalid" }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "untilInvalid" }),
  reason: z.string({ error: "reasonRequired" }).trim().min(1, { error: "reasonRequired" }),
});
