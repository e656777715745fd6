"use server";
import { revalidatePath } from "next/cache";
import { requireRoleOrNull } from "@/lib/auth";
import { getPublishedConsultation } from "@/lib/consultations/get-consultation";
import { fieldErrors, formValues, type TFormState } from "@/lib/forms/form-state";
import { readFormalForm, ZFormalDraft } from "@/lib/formal/schema";
import { saveDraft } from "@/lib/formal/save-draft";
import { submitFormal } from "@/lib/formal/submit-formal";
import { isLocale } from "@/lib/i18n/routing";

async function context(form: FormData) {
  const user = await requireRoleOrNull("delegate");
  const slug = form.get("slug");
  const consultation = typeof slug === "string" && slug.length <= 64 ? await getPublishedConsultation(slug) : null;
  return { user, consultation };
}

// Members of the country's delegation only: requireRole here, the country in saveDraft.
export async function saveDraftAction(prev: TFormState, form: FormData): Promise<TFormState> {
  const nonce = prev.nonce + 1;
  const values = formValues(form);
  const { user, consultation } = await context(form);
  if (!user || !consultation) return { status: "error", errors: [{ field: "form", key: "forbidden" }], values, nonce };
  const parsed = ZFormalDraft.safeParse(readFormalForm(form, consultation.clauses.map((c) => c.key)));
  if (!parsed.success) {
    // positions.<key>.<field> → <field>@<key>, the form's own field names
    const errors = fieldErrors(parsed.error.issues).map((e) => {
      const m = /^positions\.(.+)\.([a-z]+)$/.exec(e.field);
      return m ? { field: `${m[2]}@${m[1]}`, key: e.key } : e;
    });
    return { status: "error", errors, values, nonce };
  }
  const result = await saveDraft(user, consultation, parsed.data);
  if (!result.ok) {
    const info = result.reason === "stale" ? { by: result.by ?? "", at: result.at.toISOString() } : undefined;
    return { status: "error", errors: [{ field: "form", key: result.reason }], values, nonce, info };
  }
  revalidatePath("/[locale]/delegation/[slug]", "page");
  return { status: "ok", errors: [], values: {}, nonce, info: { changed: result.changed.join(", ") } };
}

// Approvers of the country's delegation only: checked in submitFormal.
export async function submitFormalAction(prev: TFormState, form: FormData): Promise<TFormState> {
  const nonce = prev.nonce + 1;
  const { user, consultation } = await context(form);
  if (!user || !consultation) return { status: "error", errors: [{ field: "confirm", key: "forbidden" }], values: {}, nonce };
  if (form.get("confirm") !== "yes") return { status: "error", errors: [{ field: "confirm", key: "confirmRequired" }], values: {}, nonce };
  const version = Number(form.get("version"));
  const locale = isLocale(form.get("locale")) ? (String(form.get("locale")) as "en" | "fr") : "en";
  const result = await submitFormal(user, consultation, Number.isInteger(version) ? version : -1, locale);
  if (!result.ok) {
    const errors = result.reason === "incomplete"
      ? result.issues.map((i) => ({ field: i.path.length === 2 ? `${i.path[1]}@${i.path[0]}` : i.path[0], key: i.key }))
      : [{ field: "confirm", key: result.reason }];
    return { status: "error", errors, values: {}, nonce };
  }
  revalidatePath("/[locale]/delegation/[slug]", "page");
  return { status: "ok", errors: [], values: {}, nonce, info: { reference: result.reference } };
}
