import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getPublicConsultation } from "@/lib/consultations/public-consultation";
import { consultationMetadata } from "@/lib/consultations/consultation-metadata";
import { clauseLabel } from "@/lib/consultations/clause-label";
import { formatInstant } from "@/lib/consultations/format-instant";
import { countryName } from "@/lib/countries/list-countries";
import { isLocale } from "@/lib/i18n/routing";
import { readResults } from "@/lib/results/build-results";
import { ClauseBody } from "@/components/clause-body";

export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ locale: string; slug: string }> };

export const generateMetadata = consultationMetadata("results");

const ASPECTS = ["clarity", "language", "feasibility", "position", "general"] as const;
const DISPOSITIONS = ["accepted", "partly_accepted", "not_accepted", "none"] as const;

/** A label computed once per distinct value: the matrix repeats a few labels hundreds of times. */
function once<K>(label: (k: K) => string): (k: K) => string {
  const seen = new Map<K, string>();
  return (k) => {
    let v = seen.get(k);
    if (v === undefined) seen.set(k, (v = label(k)));
    return v;
  };
}

// Public once the results are published; everything below comes from the copy made at publication.
export default async function ResultsPage({ params }: TProps) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const c = await getPublicConsultation(slug);
  if (!c?.resultsPublishedAt) notFound();
  const t = await getTranslations({ locale, namespace: "results" });
  const tc = await getTranslations({ locale, namespace: "consultation" });
  const tm = await getTranslations({ locale, namespace: "moderate" });
  const tt = await getTranslations({ locale, namespace: "triage" });
  const aspectLabel = once((a: string) => tm(`aspect_${a}` as "aspect_clarity"));
  const dispositionLabel = once((d: string | null) => (d ? tt(`disposition_${d}` as "disposition_accepted") : t("disposition_none")));
  const ratingOnly = once((rating: number) => t("ratingOnly", { rating }));
  const notPublished = t("notPublished");
  const official = once((country: string) => `${tm("official")}, ${countryName(country, locale)}`);
  const copy = await readResults(c.id);
  const results = copy.sections;
  const sections = [...c.clauses.map((k) => ({ id: k.id as string | null, key: k.key as string | null, label: clauseLabel(k, tc), body: results.get(k.id)?.finalText?.[locale] ?? k.body[locale] })),
    { id: null, key: null, label: t("general"), body: "" }];
  return (
    <>
      <p className="mb-2"><a href={`/${locale}/c/${c.slug}`}>{c.title[locale]}</a></p>
      <h1 className="mb-2 text-4xl font-bold">{t("title", { title: c.title[locale] })}</h1>
      <p className="mb-4">
        {t("publishedOn", { when: formatInstant(c.resultsPublishedAt, locale, c.timeZone) })}
        {copy.builtAt > c.resultsPublishedAt ? ` ${t("updatedOn", { when: formatInstant(copy.builtAt, locale, c.timeZone) })}` : null}
      </p>
      <p className="mb-8 max-w-prose">{t("intro")} <a href={`/api/consultations/${c.slug}/results`}>{t("download")}</a></p>
      {sections.map((s) => {
        const r = results.get(s.id);
        const rows = r?.matrix ?? [];
        if (!s.id && !r) return null;
        return (
          <section key={s.key ?? "general"} aria-labelledby={`r-${s.key ?? "general"}`} className="mb-12">
            <h2 id={`r-${s.key ?? "general"}`} className="mb-2 text-2xl font-bold">{s.label}</h2>
            {s.body ? (
              <>
                <h3 className="font-bold">{t("finalText")}</h3>
                <ClauseBody text={s.body} className="mb-4" />
              </>
            ) : null}
            <p className="mb-2">
              {ASPECTS.filter((a) => r?.byAspect[a]).map((a) => `${aspectLabel(a)}: ${r!.byAspect[a]}`).join(" · ") || t("noComments")}
            </p>
            {r?.clarity !== null && r?.clarity !== undefined ? <p>{t("avgClarity", { avg: r.clarity })}</p> : null}
            {r?.feasibility !== null && r?.feasibility !== undefined ? <p>{t("avgFeasibility", { avg: r.feasibility })}</p> : null}
            {r ? <p className="mb-4">{DISPOSITIONS.filter((d) => r.dispositions[d]).map((d) => `${t(`disposition_${d}`)}: ${r.dispositions[d]}`).join(" · ")}</p> : null}
            {rows.length ? (
              <div className="overflow-x-auto">
                <table className="border-collapse text-left">
                  <caption className="mb-1 text-left text-muted">{t("matrixCaption", { clause: s.label })}</caption>
                  <thead><tr className="border-b-2 border-ink">
                    <th scope="col" className="p-2">{t("colComment")}</th><th scope="col" className="p-2">{t("colDisposition")}</th><th scope="col" className="p-2">{t("colReason")}</th>
                  </tr></thead>
                  <tbody>
                    {rows.map((m, j) => (
                      <tr key={j} className="border-b border-line align-top">
                        <td className="max-w-md p-2">
                          <span className="text-muted">{aspectLabel(m.aspect)}{m.official && m.country ? ` · ${official(m.country)}` : ""}</span>
                          <span className="block whitespace-pre-wrap break-words">{m.published ? (m.comment ?? m.proposed_wording ?? (m.rating ? ratingOnly(m.rating) : "")) : notPublished}</span>
                        </td>
                        <td className="p-2">{dispositionLabel(m.disposition)}</td>
                        <td className="max-w-md p-2">{m.disposition_reason ?? ""}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
