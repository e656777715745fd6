"use server";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getConsultationFor } from "@/lib/consultations/get-consultation";
import { decideReport } from "@/lib/comment-reports/decide-report";
import { ZDecideReport } from "@/lib/comment-reports/schema";
import { formAction } from "@/lib/forms/action";
import { isLocale } from "@/lib/i18n/routing";

// Keeps or withdraws a reported comment's publication: moderators and admins only, checked here, and the consultation
// must be one they may see (a hidden draft is an admin's only).
export const decideReportAction = formAction(
  {
    role: "moderator",
    schema: ZDecideReport,
    field: "decision",
    forbidden: "forbidden",
    read: (_, values) => ({
      slug: values.slug,
      item: values.item,
      decision: values.decision || undefined,
      reason: values.reason ?? "",
    }),
    errorField: (e) => (e.field === "slug" || e.field === "item" ? { ...e, field: "decision" } : e),
  },
  async (input, { user, values, fail }) => {
    const c = await getConsultationFor(user, input.slug);
    if (!c) return fail({ field: "decision", key: "forbidden" });
    const locale = isLocale(values.locale) ? values.locale : "en";
    const t = await getTranslations({ locale, namespace: "commentReports" });
    const note = t(`historyNote_${input.decision}`, { reason: input.reason });
    const r = await decideReport(user.id, c.id, input.item, input.decision, input.reason, note);
    if (!r.ok) return fail({ field: "decision", key: r.reason === "no_open_reports" ? "noOpenReports" : "notFound" });
    // The decided comment leaves the list the form was in: the list, fresh, says what was done (with or without JavaScript).
    redirect(`/${locale}/moderate/reports?c=${encodeURIComponent(c.slug)}&decided=${r.closed}`);
  },
);
