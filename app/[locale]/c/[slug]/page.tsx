import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { TClause } from "@/lib/consultations/get-consultation";
import { getPublicConsultation } from "@/lib/consultations/public-consultation";
import { DeadlineHistory } from "@/components/deadline-history";
import { countCommentsByClause, countResponses } from "@/lib/consultations/count-responses";
import { consultationStatus } from "@/lib/consultations/consultation-status";
import { clauseAnchor, clauseLabel } from "@/lib/consultations/clause-label";
import { formatInstant } from "@/lib/consultations/format-instant";
import { now } from "@/lib/clock";
import { isLocale } from "@/lib/i18n/routing";
import { ConsultationStatus } from "@/components/consultation-status";
import { ClauseBody } from "@/components/clause-body";
import { Notice } from "@/components/ui/notice";
import { labelledT } from "@/lib/consultations/draft-labels";

export const dynamic = "force-dynamic";

type TParams = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: TParams): Promise<Metadata> {
  const { locale, slug } = await params;
  const c = isLocale(locale) ? await getPublicConsultation(slug, (await searchParams).preview) : null;
  return c && isLocale(locale) ? { title: c.title[locale] } : {};
}

export default async function ConsultationPage({ params, searchParams }: TParams) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  // A draft is visible only through its private preview link, exactly as it will be published.
  const c = await getPublicConsultation(slug, (await searchParams).preview);
  if (!c) notFound();
  const t = await getTranslations({ locale, namespace: "consultation" });
  const tl = labelledT(t, c.labels, locale);
  const ts = await getTranslations({ locale, namespace: "status" });
  const at = now();
  const status = consultationStatus(c, at);
  const [responseCount, comments] = await Promise.all([countResponses(c.id), countCommentsByClause(c.id)]);
  const top = c.clauses.filter((k) => !k.parentId);
  const childrenOf = (id: string) => c.clauses.filter((k) => k.parentId === id);
  const label = (k: TClause) => clauseLabel(k, tl);
  const title = (k: TClause) => {
    const heading = k.heading[locale];
    return heading && k.kind !== "preamble" ? `${label(k)}: ${heading}` : label(k);
  };

  const clauseSection = (k: TClause, level: 3 | 4) => {
    const H = level === 3 ? "h3" : "h4";
    const count = comments.get(k.id) ?? 0;
    return (
      <section
        key={k.id}
        id={clauseAnchor(k.key)}
        aria-labelledby={`${clauseAnchor(k.key)}-title`}
        className="scroll-mt-4"
      >
        <H
          id={`${clauseAnchor(k.key)}-title`}
          className={level === 3 ? "mb-2 mt-8 text-2xl font-bold" : "mb-2 mt-6 text-xl font-bold"}
        >
          {title(k)}
        </H>
        {c.draftVersion > 1 && k.addedInVersion === c.draftVersion ? (
          <p className="mb-2 w-fit border border-ink px-2">{t("newInVersion", { version: c.draftVersion })}</p>
        ) : null}
        <ClauseBody text={k.body[locale]} />
        <p className="mb-4 flex flex-wrap gap-x-6 gap-y-1 text-muted">
          <span>{t("comments", { count })}</span>
          {/* Words that name the clause, visible, so a link read alone (a screen reader's list of links) says where it goes. */}
          <a href={`/${locale}/c/${c.slug}/comments?clause=${encodeURIComponent(k.key)}`}>
            {t("publishedOn", { label: label(k) })}
          </a>
          <a href={`/${locale}/c/${c.slug}#${clauseAnchor(k.key)}`}>{t("linkTo", { label: label(k) })}</a>
          {status === "open" ? (
            <a href={`/${locale}/c/${c.slug}/respond?clause=${encodeURIComponent(k.key)}#${clauseAnchor(k.key)}`}>
              {t("commentOn", { label: label(k) })}
            </a>
          ) : null}
        </p>
      </section>
    );
  };

  return (
    <>
      {c.preview ? (
        <Notice tone="warning" title={t("previewTitle")}>
          {t("previewBody")}
        </Notice>
      ) : null}
      <h1 className="mb-6 text-4xl font-bold">{c.title[locale]}</h1>
      {status === "closed" ? (
        <Notice tone="warning">{ts("closedNotice", { date: formatInstant(c.closesAt, locale, c.timeZone) })}</Notice>
      ) : null}
      {status === "upcoming" ? (
        <Notice>{ts("upcomingNotice", { date: formatInstant(c.opensAt, locale, c.timeZone) })}</Notice>
      ) : null}
      <ConsultationStatus
        locale={locale}
        status={status}
        opensAt={c.opensAt}
        closesAt={c.closesAt}
        timeZone={c.timeZone}
        now={at}
        responseCount={responseCount}
      />
      <DeadlineHistory consultationId={c.id} locale={locale} timeZone={c.timeZone} />
      {c.draftVersion > 1 ? (
        <p className="mb-6">
          {t("versionNote", { version: c.draftVersion })}
          {c.removedNow.length
            ? ` ${t("removedInVersion", { clauses: c.removedNow.map((k) => clauseLabel(k, tl)).join(", ") })}`
            : ""}
        </p>
      ) : null}
      {c.resultsPublishedAt ? (
        <p className="mb-6">
          <a href={`/${locale}/c/${c.slug}/results`} className="text-lg font-bold">
            {t("resultsLink")}
          </a>
        </p>
      ) : null}
      {/* "Respond" sticks to the top of the screen from here down to the last clause, so it is one tap away
          wherever one reads (CSS only: the draft's script budget is in e2e/phone.spec.ts). globals.css stops
          what is focused or linked to below it (scroll-padding: WCAG 2.2, focus not obscured). */}
      <div>
        {status === "open" ? (
          <div
            data-respond-bar
            className="sticky top-0 z-10 -mx-4 mb-8 border-b border-line bg-white px-4 py-2 print:hidden"
          >
            <a
              href={`/${locale}/c/${c.slug}/respond`}
              className="block bg-brand px-4 py-2 text-center text-lg font-bold text-white no-underline sm:inline-block"
            >
              {t("respond")}
            </a>
          </div>
        ) : null}
        <h2 className="mb-1 text-2xl font-bold">{t("purpose")}</h2>
        <p className="mb-4 max-w-prose">{c.summary[locale]}</p>
        <h2 className="mb-1 text-2xl font-bold">{t("askedFor")}</h2>
        <p className="mb-4 max-w-prose">{c.askedFor[locale]}</p>
        <h2 className="mb-1 text-2xl font-bold">{t("audience")}</h2>
        <p className="mb-8 max-w-prose">{c.audience[locale]}</p>

        <nav aria-labelledby="contents-title" className="mb-8 border-l-4 border-line pl-4">
          <h2 id="contents-title" className="mb-2 text-2xl font-bold">
            {t("contents")}
          </h2>
          <ol className="space-y-1">
            {top.map((k) => (
              <li key={k.id}>
                <a href={`#${clauseAnchor(k.key)}`}>{title(k)}</a>
                {childrenOf(k.id).length ? (
                  <ol className="ml-6 space-y-1">
                    {childrenOf(k.id).map((ch) => (
                      <li key={ch.id}>
                        <a href={`#${clauseAnchor(ch.key)}`}>{label(ch)}</a>
                      </li>
                    ))}
                  </ol>
                ) : null}
              </li>
            ))}
          </ol>
        </nav>

        <h2 className="text-3xl font-bold">{t("draft")}</h2>
        {top.map((k) => (
          <div key={k.id}>
            {clauseSection(k, 3)}
            {childrenOf(k.id).map((ch) => clauseSection(ch, 4))}
          </div>
        ))}
      </div>
    </>
  );
}
