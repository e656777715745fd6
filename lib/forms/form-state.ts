// What every Server Action answers a form with (the one form-state type): field errors (message keys,
// translated on display; `field` is the form's field name, "form" for the form as a whole), the values the
// person sent (so nothing is lost), a nonce that changes with each answer (the error summary takes focus),
// and what the action has to say beyond that (`info`: a few named strings, e.g. how many items changed).
export type TFieldError = { field: string; key: string; max?: number; file?: string };

export type TFormState = {
  /**
   * "idle" before any answer (or a step that asks for more, such as a preview); "ok" when done; "error" when
   * refused (the errors say why); "invalid" when the response form's fields need fixing; the response form's
   * refusals as a whole: "closed", "upcoming", "rate_limited", "busy"; "added" when its no-JavaScript "show the
   * questions on this clause" button brought it back as it was, with them (nothing checked or stored).
   */
  status: "idle" | "ok" | "error" | "invalid" | "closed" | "upcoming" | "rate_limited" | "busy" | "added";
  errors: TFieldError[];
  values: Record<string, string>;
  nonce: number;
  info?: Record<string, string>;
};

export const INITIAL_FORM: TFormState = { status: "idle", errors: [], values: {}, nonce: 0 };

/** The form's string fields, capped, for sending back. */
export function formValues(form: FormData, max = 25_000): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries())
    if (typeof v === "string" && !k.startsWith("$ACTION") && k.length <= 100) out[k] = v.slice(0, max);
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
