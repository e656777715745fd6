// The language a feedback item is written in, as far as a cheap look can tell: which of English's and
// French's commonest words it uses more, else the language of the form it came through. Its full-text
// vector is built in that language only (feedback_item_derive): half the work of building both on the
// busiest path (issue 12), and the search still matches (queue-filter.ts asks in both languages, so a
// word indexed with one stemmer is always looked up with the same stemmer too).
export const COMMON: Record<"en" | "fr", ReadonlySet<string>> = {
  en: new Set(
    "the and of to is in for that are with this be on not it as by or an we our should would which".split(" "),
  ),
  fr: new Set(
    "le la les des du de est et une un pour dans que qui pas sur au aux ce cette sont avec nous il elle ou doit être".split(
      " ",
    ),
  ),
};

/** The letters a word is made of: a word is a longest run of them (in the lower-cased text). */
export const WORD_LETTERS = "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæ";
const IS_LETTER = new Uint8Array(65536);
for (const letter of WORD_LETTERS) IS_LETTER[letter.charCodeAt(0)] = 1;
const LONGEST = Math.max(...[...COMMON.en, ...COMMON.fr].map((w) => w.length));

/**
 * How many of English's and French's commonest words a text uses. A scan of its characters, not a regular
 * expression's matches: it runs on every item of every response (7 texts a response in bench:ingest), where
 * `matchAll` made an array for each word and was 9 % of the server's time at twice capacity; this is 2.5 × faster
 * and counts the same (text-language.test.ts compares them).
 */
function commonWords(text: string | null | undefined): { en: number; fr: number } {
  let en = 0;
  let fr = 0;
  if (!text) return { en, fr };
  const lower = text.toLowerCase();
  const n = lower.length;
  let i = 0;
  while (i < n) {
    if (!IS_LETTER[lower.charCodeAt(i)]) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < n && IS_LETTER[lower.charCodeAt(end)]) end++;
    // Only a word as short as the longest common one can be one of them.
    if (end - i <= LONGEST) {
      const word = lower.slice(i, end);
      if (COMMON.en.has(word)) en++;
      if (COMMON.fr.has(word)) fr++;
    }
    i = end;
  }
  return { en, fr };
}

const pick = (c: { en: number; fr: number }, fallback: "en" | "fr"): "en" | "fr" =>
  c.en > c.fr ? "en" : c.fr > c.en ? "fr" : fallback;

/** The counts themselves, for the tests. */
export const commonWordCounts = commonWords;

/** "en" or "fr" by the commoner words it uses; `fallback` when it has none of them or as many of each. */
export function textLanguage(text: string, fallback: "en" | "fr"): "en" | "fr" {
  return pick(commonWords(text), fallback);
}

type TTexts = {
  comment: string | null;
  term: string | null;
  proposed_wording: string | null;
  country_context?: string | null;
};
/** Each item with its language: its own words, else the whole response's, else `fallback` (the form's language). */
export function withLanguages<T extends TTexts>(items: T[], fallback: "en" | "fr"): (T & { language: "en" | "fr" })[] {
  // Each text is read once: the response's counts are the sum of its items' (on the busiest path, issue 12).
  const counts = items.map((i) => {
    const c = commonWords(i.comment);
    for (const text of [i.term, i.proposed_wording, i.country_context]) {
      const more = commonWords(text);
      c.en += more.en;
      c.fr += more.fr;
    }
    return c;
  });
  const total = counts.reduce((sum, c) => ({ en: sum.en + c.en, fr: sum.fr + c.fr }), { en: 0, fr: 0 });
  const responseLanguage = pick(total, fallback);
  return items.map((i, n) => ({ ...i, language: pick(counts[n], responseLanguage) }));
}
