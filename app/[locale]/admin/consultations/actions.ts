"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { isLocale } from "@/lib/i18n/routing";
import { getConsultationFresh, type TConsultation } from "@/lib/consultations/get-consultation";
import { zonedLocalToUtc } from "@/lib/consultations/zoned-time";
import {
  CONSULTATION_FIELDS,
  ZConsultationEdit,
  ZConsultationForm,
  ZLifecycle,
  ZRedraft,
  formLabels,
  type TLifecycleInput,
} from "@/lib/drafting/schema";
import { formAction } from "@/lib/forms/action";
import { updateConsultation } from "@/lib/drafting/update-consultation";
import { checkDraft } from "@/lib/drafting/check-draft";
import { draftErrors } from "@/lib/drafting/short-draft";
import { createConsultation } from "@/lib/drafting/create-consultation";
import { proposeMapping, publishVersion } from "@/lib/drafting/redraft";
import {
  closeEarly,
  closeReason,
  extendDeadline,
  newPreviewLink,
  publishConsultation,
  publishResults,
  type TLifecycle,
} from "@/lib/drafting/lifecycle";
import { countCloseEarly, countRedraft } from "@/lib/drafting/count-consequences";
import { consultationPhase } from "@/lib/consultations/consultation-status";
import { now } from "@/lib/clock";

const MAX_MARKDOWN = 400_000;

/** The two Markdown drafts: an uploaded file replaces the text box, and comes back in it (nothing is lost). */
async function readDrafts(form: FormData, values: Record<string, string>) {
  for (const lang of ["En", "Fr"] as const) {
    const file = form.get(`markdown${lang}File`);
    if (file && typeof file !== "string" && file.size > 0)
      values[`markdown${lang}`] = (await file.text()).slice(0, MAX_MARKDOWN);
  }
}

const consultationFields = (values: Record<string, string>) =>
  Object.fromEntries(CONSULTATION_FIELDS.map((k) => [k, values[k] ?? ""]));
const draftCheck = (values: Record<string, string>) =>
  checkDraft(
    values.markdownEn ?? "",
    values.markdownFr ?? "",
    formLabels({
      sectionLabelEn: values.sectionLabelEn ?? "",
      sectionLabelFr: values.sectionLabelFr ?? "",
      itemLabelEn: values.itemLabelEn ?? "",
      itemLabelFr: values.itemLabelFr ?? "",
    }),
  );

// Admins only: checked here. Every answer carries the drafts' check (info.check), which the form shows.
export const createConsultationAction = formAction(
  {
    role: "admin",
    schema: ZConsultationForm,
    field: "slug",
    maxValue: MAX_MARKDOWN,
    read: async (form, values) => (await readDrafts(form, values), consultationFields(values)),
    check: (values) => {
      const check = draftCheck(values);
      return { errors: draftErrors(check), info: { check: JSON.stringify(check) } };
    },
  },
  async (input, { user, values, fail, idle }) => {
    if (values.intent !== "save") return idle();
    const result = await createConsultation(user.id, input, draftCheck(values).clauses);
    if (!result.ok) return fail({ field: result.field, key: result.key });
    const locale = isLocale(values.locale) ? values.locale : "en";
    redirect(`/${locale}/admin/consultations/${input.slug}?created=1&preview=${result.previewToken}`);
  },
);

/**
 * The step before closing early or publishing the results: the state checked again, then the admin is sent
 * to the page that states the consequence with numbers (confirm/page.tsx). Nothing changes here.
 */
async function askToConfirm(c: TConsultation, input: TLifecycleInput): Promise<TLifecycle> {
  const locale = isLocale(input.locale) ? input.locale : "en";
  const base = `/${locale}/admin/consultations/${c.slug}/confirm`;
  if (input.intent === "close") {
    const reason = closeReason(input.closeReason);
    if (!reason) return { ok: false, key: "reasonRequired", field: "closeReason" };
    const counts = await countCloseEarly(c, now());
    if (counts.state !== "open") return { ok: false, key: counts.state, field: "closeReason" };
    redirect(`${base}?intent=close&closeReason=${encodeURIComponent(reason)}`);
  }
  const phase = consultationPhase(c, now());
  if (input.intent === "results" && phase !== "closed")
    return { ok: false, key: phase === "results" ? "resultsAlreadyPublished" : "notClosed" };
  if (input.intent === "republish" && phase !== "results") return { ok: false, key: "notClosed" };
  redirect(`${base}?intent=${input.intent}`);
}

/** The final step, only with the confirmation the confirm page carries (the deadline it showed, for closing). */
async function confirmed(adminId: string, c: TConsultation, input: TLifecycleInput): Promise<TLifecycle> {
  if (input.intent === "close") {
    const seen = new Date(Number(input.confirm));
    if (Number.isNaN(seen.getTime())) return { ok: false, key: "forbidden" };
    return closeEarly(adminId, c.id, input.closeReason, seen);
  }
  if (input.confirm !== "yes") return { ok: false, key: "forbidden" };
  if (input.intent === "results" && c.resultsPublishedAt) return { ok: false, key: "resultsAlreadyPublished" };
  return publishResults(adminId, c.id);
}

async function lifecycleStep(adminId: string, c: TConsultation, input: TLifecycleInput): Promise<TLifecycle> {
  switch (input.intent) {
    case "publish":
      return publishConsultation(adminId, c.id);
    case "preview":
      return newPreviewLink(adminId, c.id);
    case "extend": {
      const until = zonedLocalToUtc(input.until, c.timeZone);
      return until
        ? extendDeadline(adminId, c.id, until, input.reason)
        : { ok: false, key: "dateInvalid", field: "until" };
    }
    default:
      return input.confirm ? confirmed(adminId, c, input) : askToConfirm(c, input);
  }
}

// Admins only: checked here. One action for the consultation page's buttons (publish, preview link, extend, close, results, republish).
// Closing early and publishing the results happen only with `confirm`, sent by the confirmation page.
export const lifecycleAction = formAction(
  { role: "admin", schema: ZLifecycle, errorField: (e) => ({ ...e, field: "form" }) },
  async (input, { user, fail, ok }) => {
    const c = await getConsultationFresh(input.slug);
    if (!c) return fail({ field: "form", key: "forbidden" });
    const result = await lifecycleStep(user.id, c, input);
    // On the confirmation page every error is the form's: its fields are hidden.
    if (!result.ok) return fail({ field: input.confirm ? "form" : (result.field ?? "form"), key: result.key });
    revalidatePath("/[locale]/admin/consultations/[slug]", "page");
    // The page changes with the phase (this form may be gone): it says what was done.
    if (input.intent !== "preview")
      redirect(`/${isLocale(input.locale) ? input.locale : "en"}/admin/consultations/${c.slug}?done=${input.intent}`);
    return ok({ intent: input.intent, ...(result.token ? { token: result.token } : {}) });
  },
);

// Admins only: checked here. Check the new draft (and suggest what carries over: info.check, info.proposal), then publish it as a new version.
export const redraftAction = formAction(
  {
    role: "admin",
    schema: ZRedraft,
    field: "markdownEn",
    maxValue: MAX_MARKDOWN,
    read: async (form, values) => (await readDrafts(form, values), values),
  },
  async (input, { user, values, fail, idle }) => {
    const c = await getConsultationFresh(input.slug);
    if (!c) return fail({ field: "markdownEn", key: "forbidden" });
    const check = checkDraft(input.markdownEn, input.markdownFr, c.labels);
    const info = { check: JSON.stringify(check), proposal: JSON.stringify(proposeMapping(c.clauses, check.clauses)) };
    if (check.problems.length || check.mismatches.length) return fail(draftErrors(check), info);
    if (input.intent !== "publish" || !check.clauses.every((n) => `map@${n.key}` in values)) return idle(info);
    const mapping = Object.fromEntries(
      check.clauses.map((n) => [n.key, values[`map@${n.key}`] === "new" ? null : (values[`map@${n.key}`] ?? null)]),
    );
    // Published only with `confirm`, the version the confirmation was made for; without it, the confirmation's numbers.
    if (!input.confirm) {
      if (c.resultsPublishedAt) return fail({ field: "mapping", key: "resultsPublished" }, info);
      const counts = await countRedraft(c, check.clauses, mapping);
      return idle({ ...info, confirm: JSON.stringify({ ...counts, version: c.draftVersion }) });
    }
    if (input.confirm !== String(c.draftVersion)) return fail({ field: "mapping", key: "versionMoved" }, info);
    const result = await publishVersion(user.id, c, check.clauses, mapping);
    if (!result.ok) return fail({ field: "mapping", key: result.key }, info);
    redirect(
      `/${isLocale(input.locale) ? input.locale : "en"}/admin/consultations/${c.slug}?redrafted=${result.version}`,
    );
  },
);

// Admins only: checked here.
export const editConsultationAction = formAction(
  {
    role: "admin",
    schema: ZConsultationEdit,
    field: "titleEn",
    maxValue: 10_000,
    read: (_, values) => consultationFields(values),
  },
  async (input, { user, values, fail, ok }) => {
    const result = await updateConsultation(user.id, (values.slug ?? "").slice(0, 64), input);
    if (!result.ok) return fail({ field: result.field, key: result.key });
    revalidatePath("/[locale]/admin/consultations/[slug]", "page");
    return ok(undefined, values);
  },
);
