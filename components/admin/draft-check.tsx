"use client";
import { useTranslations } from "next-intl";
import type { TDraftCheck } from "@/lib/drafting/align-drafts";

/** How the two drafts were read: every misalignment first, then the clauses side by side. */
export function DraftCheck({ check }: { check: TDraftCheck }) {
  const t = useTranslations("authoring");
  const lang = (l: "en" | "fr") => t(`lang_${l}`);
  const issues = [
    ...check.problems.map(({ lang: l, problem }) =>
      t(`problem_${problem.key}`, { lang: lang(l), line: problem.line ?? 0, at: problem.at ?? "" }),
    ),
    ...check.mismatches.map((m) =>
      m.key === "itemCount"
        ? t("mismatch_itemCount", { section: m.section, en: m.en, fr: m.fr })
        : m.key === "sectionOnlyIn"
          ? t("mismatch_sectionOnlyIn", { section: m.section, lang: lang(m.lang) })
          : t("mismatch_preambleOnlyIn", { lang: lang(m.lang) }),
    ),
  ];
  return (
    <section aria-labelledby="draft-check" className="mb-8">
      <h2 id="draft-check" className="mb-2 text-2xl font-bold">
        {t("checkTitle")}
      </h2>
      {issues.length ? (
        <div className="mb-4 border-l-4 border-error pl-4" data-testid="misalignment">
          <p className="font-bold">{t("notAligned")}</p>
          <ul className="list-disc pl-6">
            {issues.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <p className="mb-2 font-bold" data-testid="aligned">
            {t("aligned", { count: check.clauses.length })}
          </p>
          <div className="overflow-x-auto">
            <table className="border-collapse text-left">
              <caption className="sr-only">{t("checkTitle")}</caption>
              <thead>
                <tr className="border-b-2 border-ink">
                  <th scope="col" className="p-2">
                    {t("col_clause")}
                  </th>
                  <th scope="col" className="p-2">
                    {lang("en")}
                  </th>
                  <th scope="col" className="p-2">
                    {lang("fr")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {check.clauses.map((c) => (
                  <tr key={c.key} className="border-b border-line align-top">
                    <th scope="row" className="p-2">
                      {c.kind === "preamble" ? t("preamble") : c.number}
                    </th>
                    <td className="max-w-md p-2">
                      {c.heading.en ? <strong className="block">{c.heading.en}</strong> : null}
                      {c.body.en.slice(0, 300)}
                    </td>
                    <td className="max-w-md p-2">
                      {c.heading.fr ? <strong className="block">{c.heading.fr}</strong> : null}
                      {c.body.fr.slice(0, 300)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
