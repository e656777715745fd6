import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getPublishedConsultation } from "@/lib/consultations/get-consultation";
import { clauseLabel } from "@/lib/consultations/clause-label";
import { formatInstant } from "@/lib/consultations/format-instant";
import { countryName } from "@/lib/countries/list-countries";
import { getReceipt, type TReceipt } from "@/lib/responses/get-receipt";
import { receiptNextSteps } from "@/lib/responses/receipt-next-steps";
import { now } from "@/lib/clock";
import { isLocale } from "@/lib/i18n/routing";
import { Notice } from "@/components/ui/notice";
import { ClearDraft } from "@/components/clear-draft";
import { PrintButton } from "@/components/print-button";
import { labelledT } from "@/lib/consultations/draft-labels";
import { formatFileSize } from "@/lib/attachments/format-size";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ locale: string; slug: string; reference: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Question and answer pairs, the question in the form's own words. */
function Answers({ rows, className = "" }: { rows: [string, ReactNode][]; className?: string }) {
  return (
    <dl className={`grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[minmax(0,16rem)_1fr] sm:gap-y-2 ${className}`}>
      {rows.map(([question, answer]) => (
        <div key={question} className="contents">
          <dt className="font-bold">{question}</dt>
          <dd className="mb-2 whitespace-pre-wrap break-words sm:mb-0">{answer}</dd>
        </div>
      ))}
    </dl>
  );
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "receipt" });
  // Private page: keep it out of search engines.
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function ReceiptPage({ params, searchParams }: TProps) {
  const { locale, slug, reference } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [receipt, c] = await Promise.all([
    getReceipt(slug, reference, (await searchParams).key),
    getPublishedConsultation(slug),
  ]);
  if (!receipt || !c) notFound();
  const t = await getTranslations({ locale, namespace: "receipt" });
  const tr = await getTranslations({ locale, namespace: "respond" });
  const td = await getTranslations({ locale, namespace: "delegation" });
  const tc = await getTranslations({ locale, namespace: "consultation" });
  const ta = await getTranslations({ locale, namespace: "attachments" });
  const tm = await getTranslations({ locale, namespace: "attachmentsMore" });
  const at = now();
  const next = receiptNextSteps(receipt, c.closesAt, at);
  const deadline = formatInstant(c.closesAt, locale, c.timeZone);
  const consultationLink = (text: ReactNode) => <a href={`/${locale}/c/${slug}`}>{text}</a>;
  const notGiven = <span className="text-muted">{t("notGiven")}</span>;
  // The questions as the form asks them (respond.*): "(optional)" is the form's own addition, never part of them.
  const about: [string, ReactNode][] = [
    [tr("respondentType"), tr(`type_${receipt.respondentType}`)],
    [tr("country"), countryName(receipt.country, locale)],
    [tr("organisationName"), receipt.organisationName ?? notGiven],
    [tr("name"), receipt.respondentName ?? notGiven],
    [tr("publicSector"), receipt.publicSector ? tr("yes") : tr("no")],
    [tr("email"), receipt.email ?? notGiven],
    [tr("publication"), tr(`publication_${receipt.publication}`)],
  ];
  const aspectTitle = {
    clarity: tr("clarity"),
    language: tr("language"),
    feasibility: tr("feasibility"),
    general: t("general"),
    position: td("stance"),
  };
  const answersOf = (item: TReceipt["feedbackItems"][number]): [string, ReactNode][] => {
    const rating = item.rating ? t("outOf5", { rating: item.rating }) : null;
    const rows: [string, ReactNode | null | undefined][] =
      item.aspect === "clarity"
        ? [
            [tr("clarityRating"), rating],
            [tr("clarityComment"), item.comment],
          ]
        : item.aspect === "language"
          ? [
              [tr("term"), item.term],
              [tr("proposedWording"), item.proposedWording],
              [tr("reason"), item.comment],
            ]
          : item.aspect === "feasibility"
            ? [
                [tr("feasibilityRating"), rating],
                [tr("countryContext"), item.countryContext],
                [tr("feasibilityComment"), item.comment],
              ]
            : item.aspect === "general"
              ? [[tr("general"), item.comment]]
              : [
                  [td("stance"), item.stance ? td(`stance_${item.stance}`) : null],
                  [td("amendment"), item.proposedWording],
                  [tr("reason"), item.comment],
                ];
    return rows.filter((r): r is [string, ReactNode] => r[1] !== null && r[1] !== undefined && r[1] !== "");
  };

  return (
    <>
      <ClearDraft slug={slug} />
      <div className="mb-8 bg-success p-4 text-center text-white sm:p-6 print:border-4 print:border-ink print:bg-white print:text-ink">
        <h1 className="mb-4 text-3xl font-bold sm:text-4xl">{t("title")}</h1>
        <p className="text-lg">{t("reference")}</p>
        {/* One line, always: a reference read out or copied must not be split at its hyphens. */}
        <p className="whitespace-nowrap text-2xl font-bold sm:text-3xl" data-testid="reference">
          {receipt.reference}
        </p>
      </div>
      <p className="mb-2">{t("submittedAt", { date: formatInstant(receipt.submittedAt, locale, c.timeZone) })}</p>
      <p className="mb-4 max-w-prose">{t("referenceHint")}</p>
      <PrintButton text={t("print")} />
      {receipt.withdrawnAt ? (
        <Notice tone="warning">
          {t("withdrawn", { when: formatInstant(receipt.withdrawnAt, locale, c.timeZone) })}
        </Notice>
      ) : null}

      <h2 className="mb-3 text-2xl font-bold">{t("nextTitle")}</h2>
      <ul className="mb-8 max-w-prose list-disc space-y-2 pl-6">
        <li>
          {next.email === "sent"
            ? t("emailSent", { email: receipt.email ?? "" })
            : next.email === "sending"
              ? t("emailSending", { email: receipt.email ?? "" })
              : next.email === "failed"
                ? t("emailFailed", { email: receipt.email ?? "" })
                : next.email === "no_mail_server"
                  ? t("emailNoServer")
                  : next.email === "erased"
                    ? t("emailErased")
                    : t("emailNoAddress")}
        </li>
        {next.change === "withdrawn" ? null : (
          <li>
            {next.change === "private_link"
              ? t("changePrivateLink", { date: deadline })
              : next.change === "closed"
                ? t("changeClosed")
                : next.change === "erased"
                  ? t("changeErased")
                  : t("changeContact")}
          </li>
        )}
        <li>
          {c.resultsPublishedAt
            ? t.rich("resultsPublished", { link: (text) => <a href={`/${locale}/c/${slug}/results`}>{text}</a> })
            : c.closesAt > at
              ? t.rich("resultsLater", { link: consultationLink })
              : t.rich("resultsAfterClose", { link: consultationLink })}
        </li>
      </ul>

      <h2 className="mb-3 text-2xl font-bold">{t("stored")}</h2>
      <h3 className="mb-2 text-xl font-bold">{t("about")}</h3>
      <Answers rows={about} className="mb-8" />

      <h3 className="mb-2 text-xl font-bold">{t("feedback")}</h3>
      <ol className="mb-8 space-y-6">
        {receipt.feedbackItems.map((item) => (
          <li key={item.id} className="break-inside-avoid border-l-4 border-line pl-4">
            <h4 className="mb-1 text-lg font-bold">
              {item.clause ? `${clauseLabel(item.clause, labelledT(tc, c.labels, locale))} – ` : ""}
              {aspectTitle[item.aspect]}
            </h4>
            <Answers rows={answersOf(item)} />
          </li>
        ))}
      </ol>
      {receipt.attachments.length ? (
        <section aria-labelledby="receipt-files-title">
          <h3 id="receipt-files-title" className="mb-2 text-xl font-bold">
            {tm("receiptTitle")}
          </h3>
          <p className="mb-3 max-w-prose">{tm("receiptHint")}</p>
          <ol className="mb-8 space-y-4" aria-label={tm("receiptCaption")}>
            {receipt.attachments.map((f, i) => (
              <li key={i} className="break-inside-avoid border-l-4 border-line pl-4" data-testid="receipt-file">
                <Answers
                  rows={[
                    [
                      ta("colName"),
                      <span key="name" className="break-all">
                        {f.fileName}
                      </span>,
                    ],
                    [ta("colSize"), formatFileSize(f.size, locale)],
                    [
                      ta("colSha256"),
                      <span key="sha256" className="break-all font-mono text-sm">
                        {f.sha256}
                      </span>,
                    ],
                  ]}
                />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <p className="print:hidden">
        <a href={`/${locale}/c/${slug}`}>{t("backToDraft")}</a>
      </p>
    </>
  );
}
