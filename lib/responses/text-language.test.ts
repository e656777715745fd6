import { describe, expect, it } from "vitest";
import { COMMON, commonWordCounts, textLanguage, WORD_LETTERS, withLanguages } from "./text-language";

describe("textLanguage", () => {
  it("tells English from French by their commonest words, whatever the form's language", () => {
    expect(
      textLanguage("Le délai de mise à disposition n'est pas indiqué : « sans retard injustifié » reste flou.", "en"),
    ).toBe("fr");
    expect(textLanguage("The definition of weak signals is not clear to public servants in our country.", "fr")).toBe(
      "en",
    );
  });
  it("keeps the form's language when the text says nothing either way", () => {
    expect(textLanguage("OK", "fr")).toBe("fr");
    expect(textLanguage("procurement rules", "en")).toBe("en");
    expect(textLanguage("", "fr")).toBe("fr");
    expect(textLanguage("la the", "en")).toBe("en");
  });
});

describe("withLanguages", () => {
  it("gives each item its own words' language, else the whole response's, else the form's", () => {
    const item = (comment: string | null, term: string | null = null) => ({
      comment,
      term,
      proposed_wording: null,
      country_context: null,
    });
    const [own, neutral, termOnly] = withLanguages(
      [item("Le texte de la clause est flou pour les agents."), item("OK"), item(null, "signaux faibles")],
      "en",
    );
    expect([own.language, neutral.language, termOnly.language]).toEqual(["fr", "fr", "fr"]);
    expect(withLanguages([item("OK"), item(null, "procurement")], "fr").map((i) => i.language)).toEqual(["fr", "fr"]);
    expect(
      withLanguages([item("The rule is clear and it works for us."), item("la loi et le décret")], "fr").map(
        (i) => i.language,
      ),
    ).toEqual(["en", "fr"]);
  });
});

describe("the common words' count", () => {
  // What it counted before the scan: every longest run of letters, by a regular expression.
  const reference = (text: string) => {
    let en = 0;
    let fr = 0;
    for (const [word] of text.toLowerCase().matchAll(new RegExp(`[${WORD_LETTERS}]+`, "g"))) {
      if (COMMON.en.has(word)) en++;
      if (COMMON.fr.has(word)) fr++;
    }
    return { en, fr };
  };
  it("counts as the regular expression did, on texts made of the common words, their capitals and their neighbours", () => {
    const pieces = [
      ...COMMON.en,
      ...COMMON.fr,
      ...[...COMMON.fr].map((w) => w.toUpperCase()),
      "ÊTRE",
      "Être",
      "théâtre",
      "deux",
      "dess",
      "l",
      "aù",
      "œuvre",
      "İ",
      " ",
      "'",
      "’",
      "«",
      "-",
      "_",
      "0",
      "\n",
      "é",
      "ë",
    ];
    // A fixed sequence (a linear congruential generator), so that a failure is the same on every run.
    let seed = 12345;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let i = 0; i < 20_000; i++) {
      let text = "";
      for (let j = next(25); j > 0; j--) text += pieces[next(pieces.length)];
      expect(commonWordCounts(text), JSON.stringify(text)).toEqual(reference(text));
    }
  });
  it("counts a French and an English sentence", () => {
    expect(commonWordCounts("L'État doit être présent dans la mise en œuvre, et les communes aussi.")).toEqual({
      en: 0,
      fr: 6, // doit, être, dans, la, et, les ("en" is not one of English's)
    });
    expect(commonWordCounts("THE definition is NOT clear; it should be.")).toEqual({ en: 6, fr: 0 });
  });
});
