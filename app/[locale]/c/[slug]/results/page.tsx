import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getPublicConsultation } from "@/lib/consultations/public-consultation";
import { consultationMetadata } from "@/lib/consultations/consultation-metadata";
import { formatDay, formatInstant } from "@/lib/consultations/format-instant";
import { isLocale } from "@/lib/i18n/routing";
import { readResults, type TSectionResult } from "@/lib/results/build-results";
import { sectionAnchor, sectionLabel, sectionSegment, sectionTitle } from "@/lib/results/section-label";
import { ResultsSummary } from "@/components/results/results-summary";
import { ClauseResults } from "@/components/results/clause-results";
import { labelledT } from "@/lib/consultations/draft-labels";

export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ locale: string; slug: string }> };

export const generateMetadata = consultationMetadata("results");

// Public once the results are published; everything below comes from the copy made at publication.
// Its length grows with the number of clauses, never with the number of comments: each clause shows a
// few published comments and links to its own pages for the rest; unpublished ones are only counted.
export default async function ResultsPage({ params }: TProps) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const c = await getPublicConsultation(slug);
  if (!c?.resultsPublishedAt) notFound();
  const t = await getTranslations({ locale, namespace: "results" });
  const tc = labelledT(await getTranslations({ locale, namespace: "consultation" }), c.labels, locale);
  const tr = await getTranslations({ locale, namespace: "reports" });
  const copy = await readResults(c.id);
  const sections = copy.summary.sections;
  const ids = new Set(sections.map((s) => s.clauseId));
  // Actions under their principle (in the contents and one heading level down); the rest at the top.
  const top = sections.filter((s) => !s.parentId || !ids.has(s.parentId));
  const childrenOf = (s: TSectionResult) => (s.clauseId ? sections.filter((k) => k.parentId === s.clauseId) : []);
  const title = (s: TSectionResult) => sectionTitle(s, locale, tc, t);
  const base = `/${locale}/c/${c.slug}/results`;
  const clause = (s: TSectionResult, level: 2 | 3) => (
    <ClauseResults
      key={sectionSegment(s)}
      s={s}
      title={title(s)}
      label={sectionLabel(s, tc, t)}
      anchor={sectionAnchor(s)}
      level={level}
      locale={locale}
      allHref={`${base}/${encodeURIComponent(sectionSegment(s))}`}
      reportBase={`/${locale}/c/${c.slug}/comments`}
    />
  );
  return (
    <>
      <p className="mb-2 print:hidden">
        <a href={`/${locale}/c/${c.slug}`}>{c.title[locale]}</a>
      </p>
      <h1 className="mb-2 text-4xl font-bold break-words">{t("title", { title: c.title[locale] })}</h1>
      <p className="mb-4">
        {t("publishedOn", { when: formatInstant(c.resultsPublishedAt, locale, c.timeZone) })}
        {copy.builtAt > c.resultsPublishedAt
          ? ` ${t("updatedOn", { when: formatInstant(copy.builtAt, locale, c.timeZone) })}`
          : null}
      </p>
      <p className="mb-2 max-w-prose">
        {t("intro")} <a href={`/api/consultations/${c.slug}/results`}>{t("download")}</a>
      </p>
      <p className="mb-8 max-w-prose">{t("redlineKey")}</p>
      <nav aria-labelledby="r-contents" className="mb-10 border-l-4 border-line pl-4 print:hidden">
        <h2 id="r-contents" className="mb-2 text-2xl font-bold">
          {t("contents")}
        </h2>
        <ol className="space-y-1">
          <li>
            <a href="#r-summary">{t("summaryTitle")}</a>
          </li>
          {top.map((s) => (
            <li key={sectionSegment(s)}>
              <a href={`#${sectionAnchor(s)}`}>{title(s)}</a>
              {childrenOf(s).length ? (
                <ol className="ml-6 space-y-1">
                  {childrenOf(s).map((k) => (
                    <li key={sectionSegment(k)}>
                      <a href={`#${sectionAnchor(k)}`}>{title(k)}</a>
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
        </ol>
      </nav>
      <ResultsSummary summary={copy.summary} locale={locale} />
      {/* Printed ("Save as PDF"), each clause starts a page; the footer repeats on every page (globals.css). */}
      {top.map((s) => (
        <div key={sectionSegment(s)} className="print:break-before-page">
          {clause(s, 2)}
          {childrenOf(s).map((k) => clause(k, 3))}
        </div>
      ))}
      <p className="print-footer hidden print:block" data-print-footer>
        {tr("printFooter", {
          title: c.title[locale],
          reference: c.referencePrefix,
          date: formatDay(copy.builtAt, locale, c.timeZone),
        })}
      </p>
    </>
  );
}
