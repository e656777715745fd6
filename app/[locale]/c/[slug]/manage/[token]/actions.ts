"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/forms/action";
import { clientIp } from "@/lib/http/client-ip";
import { limitClient } from "@/lib/http/submission-limits";
import { isLocale } from "@/lib/i18n/routing";
import { readResponseForm, responseFormErrors } from "@/lib/responses/form-data";
import { issuesToFieldErrors, showQuestionsIntent } from "@/lib/responses/form-fields";
import { ZResponseChange, ZWithdraw } from "@/lib/responses/form-schemas";
import { changeResponse, withdrawResponse } from "@/lib/responses/manage-response";
import { checkPostedFiles, postedFilesErrors } from "@/lib/attachments/posted-files";

/** Where the answer sends the person (the private link's page), read from the form itself: the token is not sent back. */
const place = (form: FormData) => {
  const str = (k: string) => String(form.get(k) ?? "");
  return {
    slug: str("slug").slice(0, 64),
    locale: isLocale(str("locale")) ? str("locale") : "en",
    token: str("token").slice(0, 100),
  };
};

// Public: the private link's token (in the form) is the authorization, checked in changeResponse. Rate-limited per client.
export const changeResponseAction = formAction(
  {
    role: "public",
    schema: ZResponseChange,
    maxValue: 100_000,
    invalid: "invalid",
    intent: showQuestionsIntent,
    read: (form) => ({ input: readResponseForm(form).input }),
    toErrors: (error, form) => responseFormErrors(error.issues, readResponseForm(form).feedbackClauses),
    // Files removed and added: checked by content and within the limits with the files kept, shown with the text's errors.
    check: (_, form) => postedFilesErrors(form, place(form).token),
  },
  async ({ input }, { form, fail }) => {
    const { slug, locale, token } = place(form);
    if (!(await limitClient(clientIp(await headers()))).ok) return { ...fail([]), status: "rate_limited" };
    const files = await checkPostedFiles(form, token);
    if (!files.ok) return { ...fail([files.error]), status: "invalid" };
    const result = await changeResponse(token, slug, input, files.change);
    if (result.ok) redirect(`/${locale}/c/${slug}/manage/${token}?changed=1`);
    if (result.reason === "invalid")
      return {
        ...fail(
          issuesToFieldErrors(
            result.issues,
            input.feedback.map((f) => f.clause),
          ),
        ),
        status: "invalid",
      };
    if (result.reason === "files") return { ...fail([result.error]), status: "invalid" };
    if (result.reason === "closed") return { ...fail([]), status: "closed" };
    // Unknown token or already withdrawn: the page says so.
    redirect(`/${locale}/c/${slug}/manage/${token}`);
  },
);

// Public: the token is the authorization, checked in withdrawResponse.
export const withdrawAction = formAction(
  {
    role: "public",
    schema: ZWithdraw,
    field: "withdraw-confirm",
    secret: ["token"],
    errorField: (e) => ({ ...e, field: "withdraw-confirm" }),
  },
  async (_, { form, fail }) => {
    const { slug, locale, token } = place(form);
    const result = await withdrawResponse(token);
    if (!result.ok && result.reason === "closed") return fail({ field: "withdraw-confirm", key: "closed_error" });
    redirect(`/${locale}/c/${slug}/manage/${token}${result.ok ? "?withdrawn=1" : ""}`);
  },
);
