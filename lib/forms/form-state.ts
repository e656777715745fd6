// What a Server Action answers a form with: field errors (message keys,
// translated on display), the values the person sent (so nothing is lost),
// and a nonce that changes with each answer (the error summary takes focus).
export type TFieldError = { field: string; key: string };

export type TFormState = {
  status: "idle" | "ok" | "error";
  errors: TFieldError[];
  values: Record<string, string>;
  nonce: number;
  info?: Record<string, string>;
};

export const INITIAL_FORM: TFormState = { status: "idle", errors: [], values: {}, nonce: 0 };

/** The form's string fields, capped, for sending back. */
export function formValues(form: FormData, max = 25_000): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$ACTION") && k.length <= 100) out[k] = v.slice(0, max);
  return out;
}

/** The first issue per field, as TFieldError (zod issues: message is the key). */
export function fieldErrors(issues: readonly { path: PropertyKey[]; message: string }[], join = "."): TFieldError[] {
  const seen = new Set<string>();
  const out: TFieldError[] = [];
  for (const i of issues) {
    const field = i.path.length ? i.path.map(String).join(join) : "form";
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, key: i.message });
  }
  return out;
}
