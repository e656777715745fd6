import { describe, expect, it } from "vitest";
import { textLanguage } from "./text-language";

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
