"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireRoleOrNull } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/routing";
import { getConsultationFresh } from "@/lib/consultations/get-consultation";
import { zonedLocalToUtc } from "@/lib/consultations/zoned-time";
import { fieldErrors, formValues, type TFormState } from "@/lib/forms/form-state";
import { CONSULTATION_FIELDS, ZConsultationEdit, ZConsultationForm } from "@/lib/drafting/schema";
import { updateConsultation } from "@/lib/drafting/update-consultation";
import { checkDraft } from "@/lib/drafting/check-draft";
import { createConsultation } from "@/lib/drafting/create-consultation";
import { proposeMapping, publishVersion } from "@/lib/drafting/redraft";
import { closeEarly, extendDeadline, newPreviewLink, publishConsultation, publishResults } from "@/lib/drafting/lifecycle";

const MAX_MARKDOWN = 400_000;

/** The two Markdown drafts: an uploaded file replaces the text box, and comes back in it (nothing is lost). */
async function readDrafts(form: FormData, values: Record<string, string>) {
  for (const lang of ["En", "Fr"] as const) {
    const file = form.get(`markdown${lang}File`);
    if (file && typeof file !== "string" && file.size > 0) values[`markdown${lang}`] = (await file.text()).slice(0, MAX_MARKDOWN);
  }
}

// Admins only: checked here.
export async function createConsultationAction(prev: TFormState, form: FormData): Promise<TFormState> {
  const nonce = prev.nonce + 1;
  const values = formValues(form, MAX_MARKDOWN);
  const admin = await requireRoleOrNull("admin");
  if (!admin) return { status: "error", errors: [{ field: "slug", key: "forbidden" }], values, nonce };
  await readDrafts(form, values);
  const raw = Object.fromEntries(CONSULTATION_FIELDS.map((k) => [k, values[k] ?? ""]));
  const parsed = ZConsultationForm.safeParse(raw);
  const check = checkDraft(values.markdownEn ?? "", values.markdownFr ?? "");
  const info = { check: JSON.stringify(check) };
  const errors = parsed.success ? [] : fieldErrors(parsed.error.issues);
  if (check.problems.length || check.mismatches.length) errors.push({ field: "markdownEn", key: "draftNotAligned" });
  if (errors.length || !parsed.success) return { status: "error", errors, values, nonce, info };
  if (values.intent !== "save") return { status: "idle", errors: [], values, nonce, info };
  const result = await createConsultation(admin.id, parsed.data, check.clauses);
  if (!result.ok) return { status: "error", errors: [{ field: result.field, key: result.key }], values, nonce, info };
  const locale = isLocale(values.locale) ? values.locale : "en";
  redirect(`/${locale}/admin/consultations/${parsed.data.slug}?created=1&preview=${result.previewToken}`);
}

// Admins only: checked here. One action for the consultation page's buttons (publish, preview link, extend, close, results, republish).
export async function lifecycleAction(prev: TFormState, form: FormData): Promise<TFormState> {
  const nonce = prev.nonce + 1;
  const values = formValues(form, 2000);
  const admin = await requireRoleOrNull("admin");
  const c = await getConsultationFresh((values.slug ?? "").slice(0, 64));
  if (!admin || !c) return { status: "error", errors: [{ field: "form", key: "forbidden" }], values, nonce };
  let result;
  switch (values.intent) {
    case "publish": result = await publishConsultation(admin.id, c.id); break;
    case "preview": result = await newPreviewLink(admin.id, c.id); break;
    case "results":
    case "republish": result = await publishResults(admin.id, c.id); break;
    case "close": result = await closeEarly(admin.id, c.id, values.closeReason ?? ""); break;
    case "extend": {
      const until = zonedLocalToUtc(values.until ?? "", c.timeZone);
      result = until ? await extendDeadline(admin.id, c.id, until, values.reason ?? "") : { ok: false as const, key: "dateInvalid", field: "until" };
      break;
    }
    default: result = { ok: false as const, key: "forbidden" };
  }
  if (!result.ok) return { status: "error", errors: [{ field: result.field ?? "form", key: result.key }], values, nonce };
  revalidatePath("/[locale]/admin/consultations/[slug]", "page");
  // The page changes with the phase (this form may be gone): it says what was done.
  if (values.intent !== "preview") redirect(`/${isLocale(values.locale) ? values.locale : "en"}/admin/consultations/${c.slug}?done=${values.intent}`);
  return { status: "ok", errors: [], values: {}, nonce, info: { intent: values.intent ?? "", ...(result.token ? { token: result.token } : {}) } };
}

// Admins only: checked here. Check the new draft (and suggest what carries over), then publish it as a new version.
export async function redraftAction(prev: TFormState, form: FormData): Promise<TFormState> {
  const nonce = prev.nonce + 1;
  const values = formValues(form, MAX_MARKDOWN);
  const admin = await requireRoleOrNull("admin");
  const c = await getConsultationFresh((values.slug ?? "").slice(0, 64));
  if (!admin || !c) return { status: "error", errors: [{ field: "markdownEn", key: "forbidden" }], values, nonce };
  await readDrafts(form, values);
  const check = checkDraft(values.markdownEn ?? "", values.markdownFr ?? "");
  const proposal = proposeMapping(c.clauses, check.clauses);
  const info = { check: JSON.stringify(check), proposal: JSON.stringify(proposal) };
  if (check.problems.length || check.mismatches.length) return { status: "error", errors: [{ field: "markdownEn", key: "draftNotAligned" }], values, nonce, info };
  if (values.intent !== "publish" || !check.clauses.every((n) => `map@${n.key}` in values)) return { status: "idle", errors: [], values, nonce, info };
  const mapping = Object.fromEntries(check.clauses.map((n) => [n.key, values[`map@${n.key}`] === "new" ? null : (values[`map@${n.key}`] ?? null)]));
  const result = await publishVersion(admin.id, c, check.clauses, mapping);
  if (!result.ok) return { status: "error", errors: [{ field: "mapping", key: result.key }], values, nonce, info };
  const locale = isLocale(values.locale) ? values.locale : "en";
  redirect(`/${locale}/admin/consultations/${c.slug}?redrafted=${result.version}`);
}

// Admins only: checked here.
export async function editConsultationAction(prev: TFormState, form: FormData): Promise<TFormState> {
  const nonce = prev.nonce + 1;
  const values = formValues(form, 10_000);
  const admin = await requireRoleOrNull("admin");
  if (!admin) return { status: "error", errors: [{ field: "titleEn", key: "forbidden" }], values, nonce };
  const parsed = ZConsultationEdit.safeParse(Object.fromEntries(CONSULTATION_FIELDS.map((k) => [k, values[k] ?? ""])));
  if (!parsed.success) return { status: "error", errors: fieldErrors(parsed.error.issues), values, nonce };
  const result = await updateConsultation(admin.id, (values.slug ?? "").slice(0, 64), parsed.data);
  if (!result.ok) return { status: "error", errors: [{ field: result.field, key: result.key }], values, nonce };
  revalidatePath("/[locale]/admin/consultations/[slug]", "page");
  return { status: "ok", errors: [], values, nonce };
}
