import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getPublicConsultation } from "@/lib/consultations/public-consultation";
import { isLocale } from "@/lib/i18n/routing";
import { readResults, type TResultsCopy } from "@/lib/results/build-results";
import { COMMENTS_PER_PAGE, listClauseComments } from "@/lib/results/list-clause-comments";
import { GENERAL_KEY, sectionAnchor, sectionLabel, sectionSegment, sectionTitle } from "@/lib/results/section-label";
import { PublishedComments } from "@/components/results/published-comments";
import { Pagination } from "@/components/results/pagination";
import { labelledT } from "@/lib/consultations/draft-labels";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ locale: string; slug: string; clause: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The section a segment names: a clause's key, or GENERAL_KEY for the general comments. */
const findSection = (copy: TResultsCopy, segment: string) =>
  copy.summary.sections.find((s) => sectionSegment(s) === segment && (s.key !== null || segment === GENERAL_KEY));

/** "2" → 2; absent → 1; anything else (0, -1, 1.5, "x", repeated) → null. */
function pageNumber(raw: string | string[] | undefined): number | null {
  if (raw === undefined) return 1;
  return typeof raw === "string" && /^[1-9][0-9]{0,6}$/.test(raw) ? Number(raw) : null;
}

/** The consultation, the copy and the section, once per request (the metadata and the page both need them). */
const load = cache(async (locale: string, slug: string, clause: string) => {
  if (!isLocale(locale)) return null;
  const c = await getPublicConsultation(slug);
  if (!c?.resultsPublishedAt) return null;
  const copy = await readResults(c.id);
  const s = findSection(copy, clause);
  if (!s) return null;
  const t = await getTranslations({ locale, namespace: "results" });
  const tc = labelledT(await getTranslations({ locale, namespace: "consultation" }), c.labels, locale);
  return { locale, c, s, t, label: sectionLabel(s, tc, t), title: sectionTitle(s, locale, tc, t) };
});

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale, slug, clause } = await params;
  const r = await load(locale, slug, clause);
  return r ? { title: `${r.t("clausePageTitle", { clause: r.label })} – ${r.c.title[r.locale]}` } : {};
}

// Public once the results are published: one clause's published comments, a page at a time, from the copy.
export default async function ClauseResultsPage({ params, searchParams }: TProps) {
  const { locale: l, slug, clause } = await params;
  if (isLocale(l)) setRequestLocale(l);
  const r = await load(l, slug, clause);
  if (!r) notFound();
  const { locale, c, s, t } = r;
  const page = pageNumber((await searchParams).page);
  const got = page === null ? null : await listClauseComments(c.id, s, page);
  if (page === null || !got) notFound();
  const base = `/${locale}/c/${c.slug}/results`;
  const here = `${base}/${encodeURIComponent(sectionSegment(s))}`;
  const num = new Intl.NumberFormat(locale);
  return (
    <>
      <p className="mb-2">
        <a href={`${base}#${sectionAnchor(s)}`}>{t("backToResults")}</a>
      </p>
      <h1 className="mb-2 text-4xl font-bold break-words">{t("clausePageTitle", { clause: r.title })}</h1>
      <p className="mb-2">{c.title[locale]}</p>
      <p className="mb-6 max-w-prose text-muted">
        {t("listedCount", { listed: s.listed, items: num.format(s.items) })}
      </p>
      <Pagination page={page} pages={got.pages} href={(p) => (p === 1 ? here : `${here}?page=${p}`)} locale={locale} />
      {got.rows.length ? (
        <PublishedComments
          rows={got.rows}
          locale={locale}
          start={(page - 1) * COMMENTS_PER_PAGE + 1}
          reportBase={`/${locale}/c/${c.slug}/comments`}
        />
      ) : null}
      <Pagination page={page} pages={got.pages} href={(p) => (p === 1 ? here : `${here}?page=${p}`)} locale={locale} />
    </>
  );
}
