"use server";
import { redirect } from "next/navigation";
import { requireRoleOrNull } from "@/lib/auth";
import { now } from "@/lib/clock";
import { isLocale } from "@/lib/i18n/routing";
import { readResponseForm } from "@/lib/responses/form-data";
import { issuesToFieldErrors } from "@/lib/responses/form-fields";
import type { TFormState } from "@/lib/responses/form-state";
import { toIssues, ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { keyReusedFormState } from "@/lib/responses/idempotency";

// Moderators and admins: checked here. The response is stored as keyed in by this account.
export async function keyInAction(prev: TFormState, form: FormData): Promise<TFormState> {
  const nonce = (prev?.nonce ?? 0) + 1;
  const { input, values, feedbackClauses } = readResponseForm(form);
  const state = (s: Partial<TFormState>): TFormState => ({ status: "invalid", errors: [], values, nonce, ...s });
  const user = await requireRoleOrNull("moderator");
  if (!user) return state({ status: "error" });
  // The no-JavaScript "show the questions on this clause" button: the form comes back as it was, nothing stored.
  if (values.addClause) return state({ status: "added" });
  const slug = (values.slug ?? "").slice(0, 64);
  const locale = isLocale(values.locale) ? values.locale : "en";
  const receivedOn = values.receivedOn ?? "";
  const validDay = /^\d{4}-\d{2}-\d{2}$/.test(receivedOn) && !Number.isNaN(Date.parse(`${receivedOn}T00:00:00Z`)) && receivedOn <= now().toISOString().slice(0, 10);
  const parsed = ZResponseInput.safeParse(input);
  const errors = parsed.success ? [] : issuesToFieldErrors(toIssues(parsed.error), feedbackClauses);
  if (!validDay) errors.unshift({ name: "receivedOn", key: "receivedOnInvalid" as never });
  if (errors.length || !parsed.success) return state({ errors });
  const result = await submitResponse(slug, parsed.data, { locale, channel: "staff", keyedIn: { by: user.id, receivedOn } });
  if (result.ok) redirect(`/${locale}/c/${slug}/receipt/${result.reference}?key=${result.receiptKey}`);
  if (result.reason === "closed") return state({ errors: [{ name: "receivedOn", key: "receivedAfterDeadline" as never }] });
  if (result.reason === "invalid") return state({ errors: issuesToFieldErrors(result.issues, parsed.data.feedback.map((f) => f.clause)) });
  if (result.reason === "key_reused") return state(keyReusedFormState(values));
  return state({ status: "error" });
}
