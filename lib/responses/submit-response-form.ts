// The web form's path: read the posted fields, validate with the shared
// schema, store. Returns the form's next state, or where to send the person.
import { randomUUID } from "node:crypto";
import { isLocale } from "@/lib/i18n/routing";
import { limitClient, limitEmail } from "@/lib/http/submission-limits";
import { isDatabaseBusy } from "@/lib/db";
import { readResponseForm } from "./form-data";
import { issuesToFieldErrors, showQuestionsIntent } from "./form-fields";
import type { TFormState } from "@/lib/forms/form-state";
import { toIssues, ZResponseInput } from "./schema";
import { submitResponse } from "./submit-response";
import { keyReusedFormState } from "./idempotency";
import { checkAttachments, postedFiles } from "@/lib/attachments/check-attachments";
import { attachmentLimits } from "@/lib/attachments/limits";

export type TFormOutcome = { state: TFormState } | { redirectTo: string };

export async function submitResponseForm(form: FormData, clientKey: string, prevNonce: number): Promise<TFormOutcome> {
  const nonce = prevNonce + 1;
  const { input, values, feedbackClauses } = readResponseForm(form);
  const slug = values.slug ?? "";
  const locale = isLocale(values.locale) ? values.locale : "en";
  const state = (s: Omit<TFormState, "values" | "nonce" | "errors"> & Partial<TFormState>): { state: TFormState } => ({
    state: { errors: [], values, nonce, ...s },
  });

  // The no-JavaScript "show the questions on this clause" button: the form comes back as it was, with them.
  const intent = showQuestionsIntent(values);
  if (intent) return state({ status: intent });

  const limited = await limitClient(clientKey).catch(() => ({ ok: true as const }));
  if (!limited.ok) return state({ status: "rate_limited" });
  // A field people never see: what fills it is a robot.
  if (values.website) return state({ status: "error" });

  const parsed = ZResponseInput.safeParse(input);
  // The files are checked with the text, so that one answer names every problem (files are never sent back:
  // the person chooses them again).
  const files = await checkAttachments(postedFiles(form), attachmentLimits());
  const fileErrors = files.ok ? [] : [files.error];
  if (!parsed.success || !files.ok) {
    const errors = parsed.success ? [] : issuesToFieldErrors(toIssues(parsed.error), feedbackClauses);
    return state({ status: "invalid", errors: [...errors, ...fileErrors] });
  }
  try {
    if (!(await limitEmail(parsed.data.respondent.email)).ok) return state({ status: "rate_limited" });
    const result = await submitResponse(slug, parsed.data, {
      locale,
      channel: "web",
      clientIp: clientKey,
      attachments: files.files,
    });
    if (result.ok) {
      return { redirectTo: `/${locale}/c/${slug}/receipt/${result.reference}?key=${result.receiptKey}` };
    }
    switch (result.reason) {
      case "invalid":
        return state({
          status: "invalid",
          errors: issuesToFieldErrors(
            result.issues,
            parsed.data.feedback.map((f) => f.clause),
          ),
        });
      case "closed":
        return state({ status: "closed", info: { at: result.closesAt.toISOString() } });
      case "not_open":
        return state({ status: "upcoming", info: { at: result.opensAt.toISOString() } });
      case "key_reused":
        return state(keyReusedFormState(values));
      case "not_found":
        return state({ status: "error" });
    }
  } catch (err) {
    const id = randomUUID();
    if (isDatabaseBusy(err)) return state({ status: "busy" });
    console.error(`[respond] error ${id}:`, err);
    return state({ status: "error" });
  }
}
