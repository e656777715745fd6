"use server";
import { revalidatePath } from "next/cache";
import { getPublishedConsultation } from "@/lib/consultations/get-consultation";
import { formAction } from "@/lib/forms/action";
import { formClauseKeys, readFormalForm, ZFormalDraft, ZSubmitFormal } from "@/lib/formal/schema";
import { saveDraft } from "@/lib/formal/save-draft";
import { submitFormal } from "@/lib/formal/submit-formal";
import { markReady, ZMarkReady } from "@/lib/country-tracker/mark-ready";

const consultationOf = (form: FormData) => {
  const slug = form.get("slug");
  return typeof slug === "string" && slug.length <= 64 ? getPublishedConsultation(slug) : null;
};

// Members of the country's delegation only: requireRole here, the country in saveDraft.
export const saveDraftAction = formAction(
  {
    role: "delegate",
    schema: ZFormalDraft,
    maxValue: 25_000,
    // Fields of clauses the consultation does not have are ignored by saveDraft.
    read: (form) => readFormalForm(form, formClauseKeys(form)),
    // positions.<key>.<field> → <field>@<key>, the form's own field names
    errorField: (e) => {
      const m = /^positions\.(.+)\.([a-z]+)$/.exec(e.field);
      return m ? { field: `${m[2]}@${m[1]}`, key: e.key } : e;
    },
  },
  async (draft, { user, form, fail, ok }) => {
    const consultation = await consultationOf(form);
    if (!consultation) return fail({ field: "form", key: "forbidden" });
    const result = await saveDraft(user, consultation, draft);
    if (!result.ok)
      return fail(
        { field: "form", key: result.reason },
        result.reason === "stale" ? { by: result.by ?? "", at: result.at.toISOString() } : undefined,
      );
    revalidatePath("/[locale]/delegation/[slug]", "page");
    return ok({ changed: result.changed.join(", ") });
  },
);

// Approvers of the country's delegation only: checked in submitFormal.
export const submitFormalAction = formAction(
  { role: "delegate", schema: ZSubmitFormal, field: "confirm" },
  async (input, { user, form, fail, ok }) => {
    const consultation = await consultationOf(form);
    if (!consultation) return fail({ field: "confirm", key: "forbidden" });
    const result = await submitFormal(user, consultation, input.version, input.locale);
    if (!result.ok) {
      const errors =
        result.reason === "incomplete"
          ? result.issues.map((i) => ({
              field: i.path.length === 2 ? `${i.path[1]}@${i.path[0]}` : i.path[0],
              key: i.key,
            }))
          : [{ field: "confirm", key: result.reason }];
      return fail(errors);
    }
    revalidatePath("/[locale]/delegation/[slug]", "page");
    return ok({ reference: result.reference });
  },
);

// Members of the country's delegation only: requireRole here, the country in markReady.
export const markReadyAction = formAction(
  { role: "delegate", schema: ZMarkReady, field: "ready", forbidden: "ready_forbidden" },
  async (input, { user, form, fail, ok }) => {
    const consultation = await consultationOf(form);
    if (!consultation) return fail({ field: "ready", key: "ready_forbidden" });
    const result = await markReady(user, consultation, input.version);
    if (!result.ok) return fail({ field: "ready", key: `ready_${result.reason}` });
    revalidatePath("/[locale]/delegation/[slug]", "page");
    return ok({ count: String(result.approvers) });
  },
);
