// A posted response form, turned into the shape ZResponseInput parses.
// Empty fields are absent; what the person typed is kept verbatim in `values`
// so a form with errors comes back exactly as they left it.
import type { z } from "zod";
import type { TFieldError } from "@/lib/forms/form-state";
import { CLAUSE_FIELDS, issuesToFieldErrors, RESPONDENT_FIELDS } from "./form-fields";
import { toIssues } from "./schema";
import { newIdempotencyKey } from "./idempotency";
import { FORM_KEY_PLACEHOLDER } from "@/lib/http/page-render.mjs";

export type TFormValues = Record<string, string>;

const MAX_FIELDS = 2000;

export function readResponseForm(form: FormData): { input: unknown; values: TFormValues; feedbackClauses: string[] } {
  const values: TFormValues = {};
  let count = 0;
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" || name.startsWith("$ACTION") || ++count > MAX_FIELDS) continue;
    values[name] = value;
  }
  // The cached form page's placeholder, the same in every reader's page, is never a key (the form takes the key
  // the cache put in its field, components/response-form/page-key.ts): were it posted, a fresh key stands in, so
  // that two people's responses are never taken for one.
  if (values.idempotencyKey === FORM_KEY_PLACEHOLDER) values.idempotencyKey = newIdempotencyKey();

  const byClause = new Map<string, Record<string, Record<string, unknown>>>();
  for (const [name, raw] of Object.entries(values)) {
    const m = /^c:([^:]{1,64}):(clarity|language|feasibility):(\w+)$/.exec(name);
    if (!m) continue;
    const [, clause, aspect, field] = m;
    if (!(CLAUSE_FIELDS[aspect as keyof typeof CLAUSE_FIELDS] as readonly string[]).includes(field)) continue;
    if (raw.trim() === "") continue;
    const entry = byClause.get(clause) ?? {};
    entry[aspect] ??= {};
    entry[aspect][field] = field === "rating" ? toRating(raw) : raw;
    byClause.set(clause, entry);
  }
  const feedback = [...byClause].map(([clause, aspects]) => ({ clause, ...aspects }));

  const respondent: Record<string, unknown> = {};
  for (const f of RESPONDENT_FIELDS) {
    const v = values[f];
    if (v === undefined || v === "") continue;
    if (f === "publicSector") respondent[f] = v === "yes" ? true : v === "no" ? false : v;
    else if (f === "privacyConsent") respondent[f] = v === "yes";
    else if (f === "notifyResults") respondent[f] = v === "yes";
    else respondent[f] = v;
  }

  const input = {
    ...(values.idempotencyKey ? { idempotencyKey: values.idempotencyKey } : {}),
    feedback,
    ...(values.generalComment ? { generalComment: values.generalComment } : {}),
    respondent,
  };
  return { input, values, feedbackClauses: feedback.map((f) => f.clause) };
}

function toRating(raw: string): unknown {
  return /^\d{1,2}$/.test(raw.trim()) ? Number(raw.trim()) : raw;
}

/**
 * A response form's errors, from a schema holding the response (ZResponseInput) under `input` beside fields of the
 * staff's own (the day a keyed-in response was received): those keep their names, the response's are the form's.
 */
export function responseFormErrors(
  issues: Pick<z.ZodError, "issues">["issues"],
  feedbackClauses: string[],
): TFieldError[] {
  const own = issues
    .filter((i) => i.path[0] !== "input")
    .map((i) => ({ field: String(i.path[0] ?? "form"), key: i.message }));
  const input = issues.filter((i) => i.path[0] === "input").map((i) => ({ ...i, path: i.path.slice(1) }));
  return [...own, ...issuesToFieldErrors(toIssues({ issues: input as typeof issues }), feedbackClauses)];
}
