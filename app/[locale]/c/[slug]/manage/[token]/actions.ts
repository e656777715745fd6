"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/http/client-ip";
import { limitClient } from "@/lib/http/submission-limits";
import { isLocale } from "@/lib/i18n/routing";
import { readResponseForm } from "@/lib/responses/form-data";
import { issuesToFieldErrors } from "@/lib/responses/form-fields";
import type { TFormState } from "@/lib/responses/form-state";
import { toIssues, ZResponseInput } from "@/lib/responses/schema";
import { changeResponse, withdrawResponse } from "@/lib/responses/manage-response";
import type { TFormState as TSimpleState } from "@/lib/forms/form-state";

// Public: the private link's token (in the form) is the authorization, checked in changeResponse.
export async function changeResponseAction(prev: TFormState, form: FormData): Promise<TFormState> {
  const nonce = (prev?.nonce ?? 0) + 1;
  const { input, values, feedbackClauses } = readResponseForm(form);
  const slug = (values.slug ?? "").slice(0, 64);
  const locale = isLocale(values.locale) ? values.locale : "en";
  const token = values.token ?? "";
  const state = (s: Partial<TFormState>): TFormState => ({ status: "invalid", errors: [], values, nonce, ...s });
  // The no-JavaScript "show the questions on this clause" button: the form comes back as it was, nothing saved.
  if (values.addClause) return state({ status: "added" });
  if (!(await limitClient(clientIp(await headers()))).ok) return state({ status: "rate_limited" });
  const parsed = ZResponseInput.safeParse(input);
  if (!parsed.success) return state({ errors: issuesToFieldErrors(toIssues(parsed.error), feedbackClauses) });
  const result = await changeResponse(token, slug, parsed.data);
  if (result.ok) redirect(`/${locale}/c/${slug}/manage/${token}?changed=1`);
  if (result.reason === "invalid") return state({ errors: issuesToFieldErrors(result.issues, parsed.data.feedback.map((f) => f.clause)) });
  if (result.reason === "closed") return state({ status: "closed" });
  // Unknown token or already withdrawn: the page says so.
  redirect(`/${locale}/c/${slug}/manage/${token}`);
}

// Public: the token is the authorization, checked in withdrawResponse.
export async function withdrawAction(prev: TSimpleState, form: FormData): Promise<TSimpleState> {
  const nonce = prev.nonce + 1;
  const slug = String(form.get("slug") ?? "").slice(0, 64);
  const locale = isLocale(form.get("locale")) ? String(form.get("locale")) : "en";
  const token = String(form.get("token") ?? "").slice(0, 100);
  if (form.get("confirm") !== "yes") return { status: "error", errors: [{ field: "withdraw-confirm", key: "withdrawConfirm" }], values: {}, nonce };
  const result = await withdrawResponse(token);
  if (!result.ok && result.reason === "closed") return { status: "error", errors: [{ field: "withdraw-confirm", key: "closed_error" }], values: {}, nonce };
  redirect(`/${locale}/c/${slug}/manage/${token}${result.ok ? "?withdrawn=1" : ""}`);
}
