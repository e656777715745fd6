// The overview's themes (lib/themes/): per clause and aspect, each language's most frequent words and two-word
// phrases, each linked to the queue searched for it (a phrase as a quoted search), with when they were computed.
import { getTranslations } from "next-intl/server";
import type { TConsultation } from "@/lib/consultations/get-consultation";
import { clauseLabel } from "@/lib/consultations/clause-label";
import { formatInstant } from "@/lib/consultations/format-instant";
import type { TTheme, TThemeGroup } from "@/lib/themes/get-themes";
import { languageName } from "@/lib/themes/language-name";

export async function ThemesTable(p: {
  locale: "en" | "fr";
  consultation: TConsultation;
  themes: { refreshedAt: Date | null; items: number; groups: TThemeGroup[] };
}) {
  const [t, tm, tc] = await Promise.all([
    getTranslations({ locale: p.locale, namespace: "themes" }),
    getTranslations({ locale: p.locale, namespace: "moderate" }),
    getTranslations({ locale: p.locale, namespace: "consultation" }),
  ]);
  const c = p.consultation;
  const nf = new Intl.NumberFormat(p.locale);
  const clauses = new Map(c.clauses.map((k) => [k.id, k]));
  // In the draft's order, the whole draft's general comments last.
  const order = new Map(c.clauses.map((k, i) => [k.id, i]));
  const groups = p.themes.groups
    .filter((g) => g.clauseId === null || clauses.has(g.clauseId))
    .sort((a, b) => (order.get(a.clauseId ?? "") ?? 1e9) - (order.get(b.clauseId ?? "") ?? 1e9));
  const href = (g: TThemeGroup, x: TTheme) => {
    const q = new URLSearchParams({ c: c.slug });
    const k = g.clauseId ? clauses.get(g.clauseId) : null;
    if (k) q.set("clause", k.key);
    q.set("aspect", g.aspect);
    q.set("q", x.phrase.includes(" ") ? `"${x.phrase}"` : x.phrase);
    q.set("lang", g.language);
    return `/${p.locale}/moderate?${q.toString()}`;
  };
  const list = (g: TThemeGroup, xs: TTheme[]) =>
    xs.length ? (
      <ul className="flex flex-wrap gap-x-3 gap-y-1">
        {xs.map((x) => (
          <li key={x.phrase}>
            <a href={href(g, x)}>{x.phrase}</a> <span className="text-muted tabular-nums">({nf.format(x.n)})</span>
          </li>
        ))}
      </ul>
    ) : (
      "–"
    );
  return (
    <section aria-labelledby="themes" className="mb-10">
      <h2 id="themes" className="mb-1 text-2xl font-bold">
        {t("title")}
      </h2>
      <p className="mb-2 max-w-prose text-muted">
        {p.themes.refreshedAt
          ? t("computed", {
              when: formatInstant(p.themes.refreshedAt, p.locale, c.timeZone),
              items: nf.format(p.themes.items),
            })
          : t("notYet")}{" "}
        {t("hint")}
      </p>
      {groups.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="p-2">
                  {t("clause")}
                </th>
                <th scope="col" className="p-2">
                  {t("aspect")}
                </th>
                <th scope="col" className="p-2">
                  {t("language")}
                </th>
                <th scope="col" className="p-2">
                  {t("words")}
                </th>
                <th scope="col" className="p-2">
                  {t("phrases")}
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => {
                const k = g.clauseId ? clauses.get(g.clauseId) : null;
                return (
                  <tr key={`${g.clauseId}|${g.aspect}|${g.language}`} className="border-b border-line align-top">
                    <th scope="row" className="p-2 font-normal">
                      {k ? clauseLabel(k, tc) : t("wholeDraft")}
                    </th>
                    <td className="p-2">{tm(`aspect_${g.aspect}` as "aspect_clarity")}</td>
                    <td className="p-2">{languageName(g.language, p.locale)}</td>
                    <td className="p-2">{list(g, g.words)}</td>
                    <td className="p-2">{list(g, g.phrases)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
