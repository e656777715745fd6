// The one pattern for Server Actions: the role checked inside the action, the FormData parsed with the
// form's zod schema (from lib/, shared with the form), and one answer type, TFormState. A validation
// failure is an answer with the message beside each field and every value the person sent, never a throw
// (so malformed input is never a 500). Works with useActionState, and without JavaScript (the form posts
// to the action and the page renders its answer).
import type { z } from "zod";
import { requireRoleOrNull, type TCurrentUser } from "@/lib/auth";
import type { TRole } from "@/lib/users/verify-credentials";
import { fieldErrors, formValues, type TFieldError, type TFormState } from "./form-state";

type TInfo = NonNullable<TFormState["info"]>;
type TCheckResult = { errors: TFieldError[]; info?: TInfo };

type TUserFor<R> = R extends "public" ? null : TCurrentUser;

export type TActionContext<R> = {
  /** The signed-in account the role check let through; null for a public action. */
  user: TUserFor<R>;
  form: FormData;
  /** The form's string fields, capped: sent back with an error. */
  values: Record<string, string>;
  nonce: number;
  /** Refused: the errors (or one error on one field) and the person's values. */
  fail: (errors: TFieldError[] | { field: string; key: string }, info?: TInfo) => TFormState;
  /** Done: the form starts afresh (pass values to keep them). */
  ok: (info?: TInfo, values?: Record<string, string>) => TFormState;
  /** Not done yet, nothing wrong (a preview, a step that asks for more). */
  idle: (info?: TInfo) => TFormState;
};

export type TActionOptions<S extends z.ZodType, R extends TRole | "public"> = {
  /** Who may act: checked in the action, whatever the page did. "public": anyone (say why in a comment). */
  role: R;
  schema: S;
  /** What the schema parses (default: the form's string fields); may read uploaded files. */
  read?: (form: FormData, values: Record<string, string>) => unknown;
  /** Where an error about the whole form or the role shows (default "form"). */
  field?: string;
  /** The message key when the role check fails (default "forbidden"; null: none, the form says something went wrong). */
  forbidden?: string | null;
  /** The status of an answer with field errors from the schema (default "error"; the response form's is "invalid"). */
  invalid?: "error" | "invalid";
  /**
   * Checks beyond the schema whose result the form shows with every answer (the two drafts' alignment): their errors
   * join the schema's, so the person sees every problem at once, and their info comes with every answer.
   */
  check?: (
    values: Record<string, string>,
    /** The posted form, for checks of its files (a response's attachments), which may take a while: so async. */
    form: FormData,
  ) => TCheckResult | Promise<TCheckResult>;
  /** Fields never sent back (passwords). */
  secret?: readonly string[];
  /** The longest value sent back per field (default 2,000 characters). */
  maxValue?: number;
  /** The schema's issues as field errors, where a form names its fields its own way (the response form's clause fields). */
  toErrors?: (error: z.ZodError, form: FormData) => TFieldError[];
  /** A schema issue's field in the form's own names (e.g. "positions.1.1.term" → "term@1.1"). */
  errorField?: (e: TFieldError) => TFieldError;
  /**
   * A button that asks for something else than the action (the response form's no-JavaScript "show the questions on
   * this clause"): its answer's status, given after the role check with every value as sent; nothing parsed or done.
   */
  intent?: (values: Record<string, string>) => TFormState["status"] | null;
};

export function formAction<S extends z.ZodType, R extends TRole | "public">(
  opts: TActionOptions<S, R>,
  handler: (input: z.output<S>, ctx: TActionContext<R>) => Promise<TFormState>,
): (prev: TFormState, form: FormData) => Promise<TFormState> {
  return async (prev, form) => {
    const nonce = (prev?.nonce ?? 0) + 1;
    const values = formValues(form, opts.maxValue ?? 2000);
    for (const name of opts.secret ?? []) delete values[name];
    const field = opts.field ?? "form";
    const answer = (status: TFormState["status"], errors: TFieldError[], info?: TInfo, kept = values): TFormState => ({
      status,
      errors,
      values: kept,
      nonce,
      ...(info && Object.keys(info).length ? { info } : {}),
    });
    const user = (opts.role === "public" ? null : await requireRoleOrNull(opts.role as TRole)) as TUserFor<R>;
    if (opts.role !== "public" && !user)
      return answer("error", opts.forbidden === null ? [] : [{ field, key: opts.forbidden ?? "forbidden" }]);
    const intent = opts.intent?.(values);
    if (intent) return answer(intent, []);
    // A form with secret fields reads them itself (`read`): they are not in `values`.
    const parsed = opts.schema.safeParse(opts.read ? await opts.read(form, values) : values);
    const extra = await opts.check?.(values, form);
    const fail: TActionContext<R>["fail"] = (errors, info) =>
      answer("error", Array.isArray(errors) ? errors : [errors], { ...extra?.info, ...info });
    if (!parsed.success || extra?.errors.length) {
      const errors = parsed.success
        ? []
        : opts.toErrors
          ? opts.toErrors(parsed.error, form)
          : fieldErrors(parsed.error.issues).map((e) => (e.field === "form" ? { ...e, field } : e));
      // One message per field: the first is the one to fix first.
      const seen = new Set<string>();
      const mapped = (opts.errorField ? errors.map(opts.errorField) : errors).filter(
        (e) => !seen.has(e.field) && !!seen.add(e.field),
      );
      return answer(opts.invalid ?? "error", [...mapped, ...(extra?.errors ?? [])], extra?.info);
    }
    return handler(parsed.data, {
      user,
      form,
      values,
      nonce,
      fail,
      ok: (info, kept) => answer("ok", [], { ...extra?.info, ...info }, kept ?? {}),
      idle: (info) => answer("idle", [], { ...extra?.info, ...info }),
    });
  };
}
