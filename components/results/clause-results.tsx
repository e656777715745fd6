import { getTranslations } from "next-intl/server";
import type { TSectionResult } from "@/lib/results/build-results";
import { ClauseBody } from "@/components/clause-body";
import { CountTable } from "./count-table";
import { PublishedComments } from "./published-comments";
import { Redline } from "./redline";

const ASPECTS = ["clarity", "language", "feasibility", "general", "position"] as const;
const DECISIONS = ["accepted", "partly_accepted", "not_accepted", "none"] as const;

/**
 * One clause's results: its final text with the redline against the consulted draft, its counts and
 * average ratings by aspect, its decisions by kind, and its first published comments (the rest on its own pages).
 */
export async function ClauseResults({
  s,
  title,
  label,
  anchor,
  level,
  locale,
  allHref,
  reportBase,
}: {
  s: TSectionResult;
  title: string;
  label: string;
  anchor: string;
  level: 2 | 3;
  locale: "en" | "fr";
  allHref: string;
  reportBase?: string;
}) {
  const t = await getTranslations({ locale, namespace: "results" });
  const tm = await getTranslations({ locale, namespace: "moderate" });
  const num = new Intl.NumberFormat(locale);
  const H = level === 2 ? "h2" : "h3";
  const Sub = level === 2 ? "h3" : "h4";
  const labels = { insStart: t("insStart"), insEnd: t("insEnd"), delStart: t("delStart"), delEnd: t("delEnd") };
  return (
    <section aria-labelledby={anchor} className="mb-10 scroll-mt-4">
      <H id={anchor} className={`mb-2 font-bold ${level === 2 ? "text-2xl" : "text-xl"}`}>
        {title}
      </H>
      {s.change ? (
        <>
          <Sub className="font-bold">{t(`change_${s.change}`)}</Sub>
          {s.redline && s.change !== "added" ? (
            <Redline parts={s.redline[locale]} labels={labels} />
          ) : (
            <ClauseBody text={s.finalText?.[locale] ?? ""} className="mb-2" />
          )}
        </>
      ) : null}
      {s.items ? (
        <div className="flex flex-wrap items-start gap-x-10">
          <CountTable
            className="md:w-auto"
            caption={t("clauseStatsCaption", { clause: label })}
            head={[t("colAspect"), t("colItems"), t("colAverage")]}
            rows={ASPECTS.filter((a) => s.byAspect[a]).map((a) => ({
              key: a,
              label: tm(`aspect_${a}`),
              cells: [num.format(s.byAspect[a]), s.ratings[a] ? t("average", s.ratings[a]) : t("noRatings")],
            }))}
          />
          <CountTable
            className="md:w-auto"
            caption={t("clauseDecisionsCaption", { clause: label })}
            head={[t("colDisposition"), t("colCount")]}
            rows={DECISIONS.map((d) => ({
              key: d,
              label: t(`disposition_${d}`),
              cells: [num.format(s.dispositions[d] ?? 0)],
            }))}
          />
        </div>
      ) : (
        <p className="mb-4">{t("noComments")}</p>
      )}
      {s.items ? (
        <>
          {s.listed ? <Sub className="mb-1 font-bold">{t("publishedComments")}</Sub> : null}
          <p className="mb-3 max-w-prose text-muted">
            {t("listedCount", { listed: s.listed, items: num.format(s.items) })}
          </p>
          {s.listed ? <PublishedComments rows={s.shown} locale={locale} reportBase={reportBase} /> : null}
          {s.listed > s.shown.length ? (
            <p>
              <a href={allHref}>{t("showAll", { count: num.format(s.listed), clause: label })}</a>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
