"use server";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/forms/action";
import { isLocale } from "@/lib/i18n/routing";
import { readResponseForm, responseFormErrors } from "@/lib/responses/form-data";
import { issuesToFieldErrors, showQuestionsIntent } from "@/lib/responses/form-fields";
import { ZKeyIn } from "@/lib/responses/form-schemas";
import { submitResponse } from "@/lib/responses/submit-response";
import { keyReusedFormState } from "@/lib/responses/idempotency";
import { checkPostedFiles, postedFilesErrors } from "@/lib/attachments/posted-files";

// Moderators and admins: checked here. The response is stored as keyed in by this account.
export const keyInAction = formAction(
  {
    role: "moderator",
    schema: ZKeyIn,
    maxValue: 100_000,
    forbidden: null,
    invalid: "invalid",
    intent: showQuestionsIntent,
    read: (form, values) => ({ receivedOn: values.receivedOn ?? "", input: readResponseForm(form).input }),
    toErrors: (error, form) => responseFormErrors(error.issues, readResponseForm(form).feedbackClauses),
    // The response's files (a scan of the letter): the public form's checks and limits, shown with the text's errors.
    check: (_, form) => postedFilesErrors(form),
  },
  async ({ receivedOn, input }, { user, form, values, fail }) => {
    const slug = (values.slug ?? "").slice(0, 64);
    const locale = isLocale(values.locale) ? values.locale : "en";
    const files = await checkPostedFiles(form);
    if (!files.ok) return { ...fail([files.error]), status: "invalid" };
    const result = await submitResponse(slug, input, {
      locale,
      channel: "staff",
      keyedIn: { by: user.id, receivedOn },
      attachments: files.change.add,
    });
    if (result.ok) redirect(`/${locale}/c/${slug}/receipt/${result.reference}?key=${result.receiptKey}`);
    if (result.reason === "closed")
      return { ...fail({ field: "receivedOn", key: "receivedAfterDeadline" }), status: "invalid" };
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
    if (result.reason === "key_reused") return { ...fail([]), ...keyReusedFormState(values) };
    return fail([]);
  },
);
