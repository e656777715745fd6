import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getPublicConsultation } from "@/lib/consultations/public-consultation";
import { clauseLabel } from "@/lib/consultations/clause-label";
import { getReportableComment } from "@/lib/comment-reports/report-comment";
import { isLocale } from "@/lib/i18n/routing";
import { ReportForm } from "./report-form";
import { labelledT } from "@/lib/consultations/draft-labels";

// Dynamic like the comments page it belongs to: whether the comment is still public is read per request (the page
// cache keeps the rendered page for visitors without a session until a change is announced). Nothing per visitor.
export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ locale: string; slug: string; item: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "commentReports" });
  return { title: t("reportTitle"), robots: { index: false } };
}

// Public: any comment the public reads may be reported; one it does not read is "not found".
export default async function ReportCommentPage({ params }: TProps) {
  const { locale, slug, item } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const c = await getPublicConsultation(slug);
  if (!c || c.preview) notFound();
  const comment = await getReportableComment(c.id, item);
  if (!comment) notFound();
  const t = await getTranslations({ locale, namespace: "commentReports" });
  const tc = await getTranslations({ locale, namespace: "consultation" });
  const clause = c.clauses.find((k) => k.key === comment.clauseKey);
  const back = `/${locale}/c/${c.slug}/comments`;
  return (
    <>
      <p className="mb-2">
        <a href={`/${locale}/c/${c.slug}`}>{c.title[locale]}</a>
      </p>
      <h1 className="mb-4 text-4xl font-bold">{t("reportTitle")}</h1>
      <p className="mb-6 max-w-prose">{t("reportIntro")}</p>
      <h2 className="mb-2 text-xl font-bold">{t("theComment")}</h2>
      <blockquote className="mb-8 max-w-prose border-l-4 border-line pl-4">
        <p className="font-bold">{clause ? clauseLabel(clause, labelledT(tc, c.labels, locale)) : t("wholeDraft")}</p>
        {comment.comment ? <p className="whitespace-pre-wrap break-words">{comment.comment}</p> : null}
        {comment.proposedWording ? <p className="whitespace-pre-wrap break-words">{comment.proposedWording}</p> : null}
      </blockquote>
      <ReportForm locale={locale} slug={c.slug} item={comment.id} back={back} />
    </>
  );
}
