// A consultation's own words for its draft's sections and items ("Recommendation 2", "Article 2.1"), set per
// consultation and language on the admin form; unset, the default words of the messages ("Principle 2", "Action 2.1").
// The Markdown import accepts them (lib/drafting/parse-markdown.ts) and the public pages name clauses with them.
import type { TLocale } from "@/lib/i18n/routing";
import type { TDraftWords } from "@/lib/drafting/parse-markdown";

export type TDraftLabels = { section: Record<TLocale, string | null>; item: Record<TLocale, string | null> };

/** The words the import accepts when a consultation has none of its own: today's fixed ones. */
const DEFAULT_WORDS: Record<TLocale, Required<TDraftWords>> = {
  en: { section: "Principle", item: "Action" },
  fr: { section: "Principe", item: "Action" },
};

/** The words a draft in `lang` may name its sections and items with. */
export function draftWords(labels: TDraftLabels | null | undefined, lang: TLocale): Required<TDraftWords> {
  return {
    section: labels?.section[lang] || DEFAULT_WORDS[lang].section,
    item: labels?.item[lang] || DEFAULT_WORDS[lang].item,
  };
}

type TClauseT = (key: "preamble" | "principle" | "action", values?: { number: string }) => string;

/**
 * The "consultation" namespace's clause names, with the consultation's own words where it has them: pass the result
 * wherever clauseLabel, formClauses or sectionLabel take `t`.
 */
export function labelledT(t: TClauseT, labels: TDraftLabels | null | undefined, locale: TLocale): TClauseT {
  return (key, values) => {
    const word = key === "principle" ? labels?.section[locale] : key === "action" ? labels?.item[locale] : null;
    return word && values ? `${word} ${values.number}` : t(key, values);
  };
}
