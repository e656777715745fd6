import { describe, it, expect } from "vitest";
import { apiLocale, issueErrors, issuePath } from "./api-messages";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { ERROR_KEYS } from "@/lib/responses/schema";

describe("issuePath", () => {
  it("writes array indexes in brackets and properties with dots", () => {
    expect(issuePath(["feedback", 0, "clarity", "rating"])).toBe("feedback[0].clarity.rating");
    expect(issuePath(["respondent", "email"])).toBe("respondent.email");
    expect(issuePath(["feedback", 12])).toBe("feedback[12]");
    expect(issuePath(["generalComment"])).toBe("generalComment");
  });

  it("gives an empty string for the root", () => {
    expect(issuePath([])).toBe("");
  });
});

describe("issueErrors", () => {
  it("gives English messages", () => {
    expect(issueErrors([{ path: ["respondent", "country"], key: "countryRequired" }], "en")).toEqual([
      { field: "respondent.country", code: "countryRequired", message: "Select a country" },
    ]);
  });

  it("gives French messages", () => {
    expect(issueErrors([{ path: ["respondent", "country"], key: "countryRequired" }], "fr")).toEqual([
      { field: "respondent.country", code: "countryRequired", message: "Sélectionnez un pays" },
    ]);
  });

  it("puts the maximum into the message", () => {
    const issue = { path: ["feedback", 0, "clarity", "comment"], key: "tooLong" as const, max: 5000 };
    const [english] = issueErrors([issue], "en");
    const [french] = issueErrors([issue], "fr");
    expect(english).toEqual({
      field: "feedback[0].clarity.comment",
      code: "tooLong",
      message: "Must be 5000 characters or fewer",
    });
    expect(french.field).toBe("feedback[0].clarity.comment");
    expect(french.message.replace(/[\s\u202f\u00a0]/g, " ")).toMatch(/^Ne doit pas dépasser 5 ?000 caractères$/);
    expect(issueErrors([{ ...issue, max: 200 }], "en")[0].message).toBe("Must be 200 characters or fewer");
    expect(issueErrors([{ ...issue, max: 200 }], "fr")[0].message).toBe("Ne doit pas dépasser 200 caractères");
  });

  it("keeps the order of the issues", () => {
    const errors = issueErrors(
      [
        { path: ["feedback"], key: "nothingToSubmit" },
        { path: [], key: "unknownField" },
      ],
      "en",
    );
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ["feedback", "nothingToSubmit"],
      ["", "unknownField"],
    ]);
    expect(errors[1].message).toBe("Unknown field");
  });

  it("has a message in both languages for every error key", () => {
    for (const key of ERROR_KEYS) {
      const [e] = issueErrors([{ path: ["x"], key, max: 7 }], "en");
      const [f] = issueErrors([{ path: ["x"], key, max: 7 }], "fr");
      expect(e.message).toBe((en.errors as Record<string, string>)[key].replace("{max}", "7"));
      expect(f.message).toBe((fr.errors as Record<string, string>)[key].replace("{max}", "7"));
      expect(e.message).not.toBe(f.message);
    }
  });
});

describe("apiLocale", () => {
  const locale = (value?: string) => apiLocale(new Headers(value === undefined ? {} : { "accept-language": value }));

  it("is French when French comes first", () => {
    expect(locale("fr")).toBe("fr");
    expect(locale("fr-FR,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(locale("fr-CA")).toBe("fr");
    expect(locale("FR")).toBe("fr");
    expect(locale("  fr;q=1")).toBe("fr");
  });

  it("is English otherwise", () => {
    expect(locale()).toBe("en");
    expect(locale("")).toBe("en");
    expect(locale("en-GB,fr;q=0.9")).toBe("en");
    expect(locale("de")).toBe("en");
    expect(locale("fry")).toBe("en");
    expect(locale("*")).toBe("en");
  });
});
