import { getTranslations } from "next-intl/server";
import type { TResultsSummary } from "@/lib/results/build-results";
import { countryName } from "@/lib/countries/list-countries";
import { CountTable } from "./count-table";

const TYPES = ["individual", "organisation", "group", "local_government", "national_government"] as const;
const ASPECTS = ["clarity", "language", "feasibility", "general", "position"] as const;
const DECISIONS = ["accepted", "partly_accepted", "not_accepted", "none"] as const;
/** Countries shown before the rest are summed up in one row (all of them are in the table that follows). */
const TOP_COUNTRIES = 10;

/** The summary at the top of the results: responses by type and country, comments by aspect, decisions by kind. */
export async function ResultsSummary({ summary, locale }: { summary: TResultsSummary; locale: "en" | "fr" }) {
  const t = await getTranslations({ locale, namespace: "results" });
  const tm = await getTranslations({ locale, namespace: "moderate" });
  const tr = await getTranslations({ locale, namespace: "respond" });
  const num = new Intl.NumberFormat(locale);
  const pct = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const share = (n: number, of: number) => (of ? pct.format(n / of) : "–");
  const { responses } = summary;
  const countries = Object.entries(responses.byCountry)
    .map(([code, n]) => ({ key: code, label: countryName(code, locale), n }))
    .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label, locale));
  const countryRow = (c: { key: string; label: string; n: number }) => ({
    key: c.key,
    label: c.label,
    cells: [num.format(c.n), share(c.n, responses.total)],
  });
  const rest = countries.slice(TOP_COUNTRIES).reduce((a, c) => a + c.n, 0);
  const ratingsOf = (a: string) => (summary.ratings[a] ? t("average", summary.ratings[a]) : t("noRatings"));
  const countHead = [t("colResponses"), t("colShare")];
  return (
    <section aria-labelledby="r-summary" className="mb-10">
      <h2 id="r-summary" className="mb-2 text-2xl font-bold">
        {t("summaryTitle")}
      </h2>
      <p className="mb-4 max-w-prose">
        {t("summaryIntro", { responses: responses.total, items: summary.items, listed: summary.listed })}
      </p>
      <div className="grid gap-x-10 md:grid-cols-2">
        <CountTable
          caption={t("byTypeCaption")}
          head={[t("colType"), ...countHead]}
          rows={TYPES.filter((k) => responses.byType[k]).map((k) => ({
            key: k,
            label: tr(`type_${k}`),
            cells: [num.format(responses.byType[k]), share(responses.byType[k], responses.total)],
          }))}
          total={{ label: t("total"), cells: [num.format(responses.total), share(responses.total, responses.total)] }}
        />
        <div>
          <CountTable
            caption={t("byCountryCaption")}
            head={[t("colCountry"), ...countHead]}
            rows={[
              ...countries.slice(0, TOP_COUNTRIES).map(countryRow),
              ...(rest
                ? [
                    {
                      key: "rest",
                      label: t("otherCountries", { count: countries.length - TOP_COUNTRIES }),
                      cells: [num.format(rest), share(rest, responses.total)],
                    },
                  ]
                : []),
            ]}
            total={{ label: t("total"), cells: [num.format(responses.total), share(responses.total, responses.total)] }}
          />
          {rest ? (
            <details className="mb-6">
              <summary className="cursor-pointer text-link underline">
                {t("allCountries", { count: countries.length })}
              </summary>
              <CountTable
                caption={t("byCountryCaption")}
                head={[t("colCountry"), ...countHead]}
                rows={countries.map(countryRow)}
              />
            </details>
          ) : null}
        </div>
        <CountTable
          caption={t("byAspectCaption")}
          head={[t("colAspect"), t("colItems"), t("colAverage")]}
          rows={ASPECTS.filter((a) => summary.byAspect[a]).map((a) => ({
            key: a,
            label: tm(`aspect_${a}`),
            cells: [num.format(summary.byAspect[a]), ratingsOf(a)],
          }))}
          total={{ label: t("total"), cells: [num.format(summary.items), ""] }}
        />
        <CountTable
          caption={t("byDecisionCaption")}
          head={[t("colDisposition"), t("colCount"), t("colShare")]}
          rows={DECISIONS.map((d) => ({
            key: d,
            label: t(`disposition_${d}`),
            cells: [num.format(summary.dispositions[d] ?? 0), share(summary.dispositions[d] ?? 0, summary.items)],
          }))}
          total={{ label: t("total"), cells: [num.format(summary.items), share(summary.items, summary.items)] }}
        />
      </div>
    </section>
  );
}
