import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth";
import { clauseLabel } from "@/lib/consultations/clause-label";
import { getConsultationFor } from "@/lib/consultations/get-consultation";
import { pickConsultationFor } from "@/lib/consultations/list-consultations";
import { countryName } from "@/lib/countries/list-countries";
import { getOverview } from "@/lib/feedback/overview";
import { isLocale } from "@/lib/i18n/routing";
import { BarChart } from "@/components/moderate/bar-chart";
import { heatStep } from "@/components/moderate/heat-scale";
import { ThemesTable } from "@/components/moderate/themes-table";
import { getThemes } from "@/lib/themes/get-themes";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
const ASPECTS = ["clarity", "language", "feasibility"] as const;

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "overview" });
  return { title: t("title"), robots: { index: false } };
}

function FigureTable({ caption, head, rows }: { caption: string; head: [string, string]; rows: [string, number][] }) {
  return (
    <table className="mb-8 border-collapse text-left">
      <caption className="mb-1 text-left text-muted">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-ink">
          <th scope="col" className="p-1 pr-6">
            {head[0]}
          </th>
          <th scope="col" className="p-1 text-right">
            {head[1]}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([k, n]) => (
          <tr key={k} className="border-b border-line">
            <th scope="row" className="p-1 pr-6 font-normal">
              {k}
            </th>
            <td className="p-1 text-right tabular-nums">{n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function OverviewPage({ params, searchParams }: TProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const user = await requireRoleForPage("moderator", locale, `/${locale}/moderate/overview`);
  const sp = await searchParams;
  // Hidden drafts: admins only.
  const c = typeof sp.c === "string" ? await getConsultationFor(user, sp.c) : await pickConsultationFor(user, null);
  if (!c) notFound();
  const [t, tm, tc, tr, o, themes] = await Promise.all([
    getTranslations({ locale, namespace: "overview" }),
    getTranslations({ locale, namespace: "moderate" }),
    getTranslations({ locale, namespace: "consultation" }),
    getTranslations({ locale, namespace: "respond" }),
    getOverview(c.id, c.timeZone),
    getThemes(c.id),
  ]);
  const cell = (clauseId: string | null, aspect: string) =>
    o.byClauseAspect.find((x) => x.clause_id === clauseId && x.aspect === aspect);
  const max = Math.max(1, ...o.byClauseAspect.filter((x) => x.clause_id).map((x) => x.n));
  const queue = (key: string, aspect: string) =>
    `/${locale}/moderate?c=${c.slug}&clause=${encodeURIComponent(key)}&aspect=${aspect}`;
  const typeRows: [string, number][] = o.byType.map((x) => [tr(`type_${x.key}` as "type_individual"), x.n]);
  const countryRows: [string, number][] = o.byCountry.map((x) => [countryName(x.key, locale), x.n]);
  const dayRows: [string, number][] = o.byDay.map((x) => [x.day, x.n]);

  return (
    <>
      <p className="mb-2">
        <a href={`/${locale}/moderate?c=${c.slug}`}>{tm("title")}</a>
      </p>
      <h1 className="mb-2 text-4xl font-bold">{t("title")}</h1>
      <p className="mb-8">{t("intro", { title: c.title[locale] })}</p>

      <h2 className="mb-1 text-2xl font-bold">{t("heatmap")}</h2>
      <p className="mb-2 text-muted">{t("heatmapHint")}</p>
      <div className="mb-10 overflow-x-auto">
        <table className="border-collapse text-left">
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="p-2">
                {t("clause")}
              </th>
              {ASPECTS.map((a) => (
                <th key={a} scope="col" className="p-2 text-right">
                  {tm(`aspect_${a}`)}
                </th>
              ))}
              <th scope="col" className="p-2 text-right">
                {t("clarity")}
              </th>
              <th scope="col" className="p-2 text-right">
                {t("feasibility")}
              </th>
            </tr>
          </thead>
          <tbody>
            {c.clauses.map((k) => (
              <tr key={k.id} className="border-b border-line">
                <th scope="row" className="p-2 font-normal">
                  {clauseLabel(k, tc)}
                </th>
                {ASPECTS.map((a) => {
                  const n = cell(k.id, a)?.n ?? 0;
                  const step = n ? heatStep(n, max) : null;
                  return (
                    <td key={a} className="p-2 text-right tabular-nums" style={{ background: step?.background }}>
                      {step ? (
                        <a href={queue(k.key, a)} style={{ color: step.text }}>
                          {n}
                        </a>
                      ) : (
                        0
                      )}
                    </td>
                  );
                })}
                <td className="p-2 text-right tabular-nums">{cell(k.id, "clarity")?.avg_rating ?? t("noRating")}</td>
                <td className="p-2 text-right tabular-nums">
                  {cell(k.id, "feasibility")?.avg_rating ?? t("noRating")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ThemesTable locale={locale} consultation={c} themes={themes} />

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="by-type" className="min-w-0">
          <h2 id="by-type" className="mb-2 text-2xl font-bold">
            {t("byType")}
          </h2>
          <BarChart data={typeRows.map(([label, n]) => ({ label, n }))} width={520} />
          <FigureTable caption={t("chartTable")} head={[tm("respondentType"), t("count")]} rows={typeRows} />
        </section>
        <section aria-labelledby="by-country" className="min-w-0">
          <h2 id="by-country" className="mb-2 text-2xl font-bold">
            {t("byCountry")}
          </h2>
          <BarChart data={countryRows.slice(0, 12).map(([label, n]) => ({ label, n }))} width={520} />
          <FigureTable caption={t("chartTable")} head={[tm("country"), t("count")]} rows={countryRows} />
        </section>
      </div>

      <section aria-labelledby="per-day">
        <h2 id="per-day" className="mb-2 text-2xl font-bold">
          {t("perDay")}
        </h2>
        <BarChart data={dayRows.map(([label, n]) => ({ label, n }))} />
        <FigureTable caption={t("chartTable")} head={[t("day"), t("count")]} rows={dayRows} />
      </section>

      <section aria-labelledby="terms">
        <h2 id="terms" className="mb-1 text-2xl font-bold">
          {t("terms")}
        </h2>
        <p className="mb-2 text-muted">{t("termsHint")}</p>
        {o.terms.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <table className="border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="p-2">
                  {t("term")}
                </th>
                <th scope="col" className="p-2">
                  {t("proposed")}
                </th>
                <th scope="col" className="p-2 text-right">
                  {t("times")}
                </th>
              </tr>
            </thead>
            <tbody>
              {o.terms.map((x) => (
                <tr key={`${x.term}|${x.proposed}`} className="border-b border-line">
                  <td className="p-2">{x.term}</td>
                  <td className="p-2">{x.proposed ?? "–"}</td>
                  <td className="p-2 text-right tabular-nums">{x.n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
