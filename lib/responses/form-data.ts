// A posted response form, turned into the shape ZResponseInput parses.
// Empty fields are absent; what the person typed is kept verbatim in `values`
// so a form with errors comes back exactly as they left it.
import { CLAUSE_FIELDS, RESPONDENT_FIELDS } from "./form-fields";

export type TFormValues = Record<string, string>;

const MAX_FIELDS = 2000;

export function readResponseForm(form: FormData): { input: unknown; values: TFormValues; feedbackClauses: string[] } {
  const values: TFormValues = {};
  let count = 0;
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" || name.startsWith("$ACTION") || ++count > MAX_FIELDS) continue;
    values[name] = value;
  }

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
