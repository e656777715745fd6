import { describe, expect, it } from "vitest";
import { textLanguage, withLanguages } from "./text-language";

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
