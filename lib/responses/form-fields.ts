// How the response form names its fields, and how an issue's path maps to the
// field it is about. Shared by the form (components/response-form) and the
// server (form-data.ts), so the error summary links land on the right field.
import type { TFieldError } from "@/lib/forms/form-state";
import type { TIssue } from "./schema";

export const CLAUSE_FIELDS = {
  clarity: ["rating", "comment"],
  language: ["term", "proposedWording", "reason"],
  feasibility: ["rating", "countryContext", "comment"],
} as const;

export const RESPONDENT_FIELDS = [
  "type",
  "country",
  "organisationName",
  "name",
  "publicSector",
  "email",
  "publication",
  "privacyConsent",
  "notifyResults",
] as const;

/** The name of a per-clause field: "c:1.2:clarity:rating". Clause keys never hold a colon. */
export function clauseFieldName(clause: string, aspect: string, field: string): string {
  return `c:${clause}:${aspect}:${field}`;
}

/** An element id for a field name (or a field name plus an option value). */
export function fieldId(name: string, option?: string): string {
  const id = `f-${name.replace(/[:.]/g, "-")}`;
  return option === undefined ? id : `${id}--${option}`;
}

/** The id of a clause's fieldset, where errors about the clause as a whole point. */
export function clauseGroupId(clause: string): string {
  return fieldId(`c:${clause}`);
}

export type { TFieldError };

/**
 * The field each issue is about. Per-clause paths carry an index into
 * `feedback`; the parsed input tells which clause that index is.
 */
export function issuesToFieldErrors(issues: TIssue[], feedbackClauses: string[]): TFieldError[] {
  const errors: TFieldError[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const [head, a, b, c] = issue.path;
    let name: string;
    if (head === "respondent" && typeof a === "string") name = a;
    else if (head === "respondent") name = "type";
    else if (head === "generalComment") name = "generalComment";
    else if (head === "feedback" && typeof a === "number") {
      const clause = feedbackClauses[a] ?? String(a);
      name =
        typeof b === "string" && b !== "clause" && typeof c === "string"
          ? clauseFieldName(clause, b, c)
          : `c:${clause}`;
    } else if (head === "feedback") name = "feedback";
    else name = "form";
    if (seen.has(name)) continue; // one message per field: the first is the one to fix first
    seen.add(name);
    errors.push({ field: name, key: issue.key, ...(issue.max !== undefined ? { max: issue.max } : {}) });
  }
  // The error summary lists problems in the order of the form.
  const rank = (name: string): number => {
    if (name === "form") return -2;
    if (name === "feedback") return -1;
    const at = clauseOfField(name);
    if (at) {
      const aspect = at.aspect ? Object.keys(CLAUSE_FIELDS).indexOf(at.aspect) : -1;
      const field =
        at.aspect && at.field
          ? (CLAUSE_FIELDS[at.aspect as keyof typeof CLAUSE_FIELDS] as readonly string[]).indexOf(at.field)
          : -1;
      return 1000 + feedbackClauses.indexOf(at.clause) * 100 + (aspect + 1) * 10 + field + 1;
    }
    if (name === "generalComment") return 900_000;
    return 1_000_000 + (RESPONDENT_FIELDS as readonly string[]).indexOf(name);
  };
  return errors.sort((a, b) => rank(a.field) - rank(b.field));
}

/** The clause (and aspect and field) a per-clause field name is about: "c:1.2:clarity:rating", or "c:1.2" for the clause as a whole; null for any other field. */
export function clauseOfField(name: string): { clause: string; aspect?: string; field?: string } | null {
  const m = /^c:([^:]+)(?::(\w+):(\w+))?$/.exec(name);
  if (!m) return null;
  return m[2] ? { clause: m[1], aspect: m[2], field: m[3] } : { clause: m[1] };
}

const FIRST_OPTION: Record<string, string> = { type: "individual", publicSector: "yes", publication: "none" };

/** Where an error summary link for `name` points: the field, a radio group's first option, or a clause's group. */
export function errorHref(name: string): string {
  if (name === "feedback" || name === "form") return "#feedback";
  if (FIRST_OPTION[name]) return `#${fieldId(name, FIRST_OPTION[name])}`;
  if (name.endsWith(":rating")) return `#${fieldId(name, "none")}`;
  return `#${fieldId(name)}`;
}

/**
 * The response form's no-JavaScript "show the questions on this clause" button (name "addClause"): the form comes
 * back as it was, with that clause's questions ("added"); nothing is checked or stored. For formAction's `intent`.
 */
export function showQuestionsIntent(values: Record<string, string>): "added" | null {
  return values.addClause ? "added" : null;
}
