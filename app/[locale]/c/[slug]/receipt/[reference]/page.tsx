import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getPublishedConsultation } from "@/lib/consultations/get-consultation";
import { clauseLabel } from "@/lib/consultations/clause-label";
import { formatInstant } from "@/lib/consultations/format-instant";
import { countryName } from "@/lib/countries/list-countries";
import { getReceipt } from "@/lib/responses/get-receipt";
import { isLocale } from "@/lib/i18n/routing";
import { Notice } from "@/components/ui/notice";
import { ClearDraft } from "@/components/clear-draft";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ locale: string; slug: string; reference: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

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
  const [receipt, c] = await Promise.all([getReceipt(slug, reference, (await searchParams).key), getPublishedConsultation(slug)]);
  if (!receipt || !c) notFound();
  const t = await getTranslations({ locale, namespace: "receipt" });
  const tr = await getTranslations({ locale, namespace: "respond" });
  const td = await getTranslations({ locale, namespace: "delegation" });
  const tc = await getTranslations({ locale, namespace: "consultation" });
  const notGiven = <span className="text-muted">{t("notGiven")}</span>;
  const rows: [string, React.ReactNode][] = [
    [t("respondentType"), tr(`type_${receipt.respondentType}`)],
    [t("country"), countryName(receipt.country, locale)],
    [t("organisationName"), receipt.organisationName ?? notGiven],
    [t("name"), receipt.respondentName ?? notGiven],
    [t("publicSector"), receipt.publicSector ? tr("yes") : tr("no")],
    [t("email"), receipt.email ?? notGiven],
    [t("publication"), tr(`publication_${receipt.publication}`)],
  ];
  const aspectTitle = { clarity: tr("clarity"), language: tr("language"), feasibility: tr("feasibility"), general: t("general"), position: td("stance") };

  return (
    <>
      <ClearDraft slug={slug} />
      <div className="mb-8 bg-success p-6 text-center text-white">
        <h1 className="mb-4 text-4xl font-bold">{t("title")}</h1>
        <p className="text-lg">{t("reference")}</p>
        <p className="text-3xl font-bold" data-testid="reference">{receipt.reference}</p>
      </div>
      <p className="mb-2">{t("submittedAt", { date: formatInstant(receipt.submittedAt, locale, c.timeZone) })}</p>
      <p className="mb-8 max-w-prose">{t("referenceHint")}</p>
      {receipt.withdrawnAt ? <Notice tone="warning">{t("withdrawn", { when: formatInstant(receipt.withdrawnAt, locale, c.timeZone) })}</Notice> : null}

      <h2 className="mb-3 text-2xl font-bold">{t("stored")}</h2>
      <h3 className="mb-2 text-xl font-bold">{t("about")}</h3>
      <dl className="mb-8 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-bold">{k}</dt>
            <dd className="break-words">{v}</dd>
          </div>
        ))}
      </dl>

      <h3 className="mb-2 text-xl font-bold">{t("feedback")}</h3>
      <ol className="mb-8 space-y-4">
        {receipt.feedbackItems.map((item) => (
          <li key={item.id} className="border-l-4 border-line pl-4">
            <p className="font-bold">
              {item.clause ? `${clauseLabel(item.clause, tc)} – ` : ""}
              {aspectTitle[item.aspect]}
            </p>
            {item.stance ? <p>{td(`stance_${item.stance}`)}</p> : null}
            {item.rating ? <p>{t("rating", { rating: item.rating })}</p> : null}
            {item.term ? <p>{tr("term")}: {item.term}</p> : null}
            {item.proposedWording ? <p>{item.aspect === "position" ? td("amendment") : tr("proposedWording")}: {item.proposedWording}</p> : null}
            {item.countryContext ? <p>{tr("countryContext")}: {item.countryContext}</p> : null}
            {item.comment ? <p className="whitespace-pre-wrap break-words">{item.comment}</p> : null}
          </li>
        ))}
      </ol>
      <p>
        <a href={`/${locale}/c/${slug}`}>{t("backToDraft")}</a>
      </p>
    </>
  );
}
