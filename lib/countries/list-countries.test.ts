import { describe, it, expect } from "vitest";
import { COUNTRY_CODES } from "./codes";
import { countryName, isCountryCode, listCountries } from "./list-countries";

describe("COUNTRY_CODES", () => {
  it("holds the 249 ISO 3166-1 alpha-2 codes, once each", () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
  });
});

describe("isCountryCode", () => {
  it("accepts assigned codes", () => {
    for (const code of ["FR", "DE", "CI", "AX", "ZW", "GB", "US"]) expect(isCountryCode(code)).toBe(true);
  });

  it("refuses anything else", () => {
    for (const value of ["XX", "fr", "FRA", "", " FR", "EU", "UK", "XK", null, undefined, 42, ["FR"], { code: "FR" }]) {
      expect(isCountryCode(value)).toBe(false);
    }
  });
});

describe("listCountries", () => {
  it("lists every code once", () => {
    for (const locale of ["en", "fr"]) {
      const list = listCountries(locale);
      expect(list).toHaveLength(249);
      expect(new Set(list.map((c) => c.code))).toEqual(new Set(COUNTRY_CODES));
    }
  });

  it("names countries in French", () => {
    const byCode = new Map(listCountries("fr").map((c) => [c.code, c.name]));
    expect(byCode.get("DE")).toBe("Allemagne");
    expect(byCode.get("CI")).toBe("Côte d’Ivoire");
    expect(listCountries("fr").some((c) => c.name === "Côte d’Ivoire")).toBe(true);
  });

  it("names countries in English", () => {
    const byCode = new Map(listCountries("en").map((c) => [c.code, c.name]));
    expect(byCode.get("DE")).toBe("Germany");
    expect(byCode.get("FR")).toBe("France");
  });

  it("sorts French names with French collation, accents among their letters", () => {
    const list = listCountries("fr");
    const collator = new Intl.Collator("fr");
    for (let i = 1; i < list.length; i++)
      expect(collator.compare(list[i - 1].name, list[i].name)).toBeLessThanOrEqual(0);
    const names = list.map((c) => c.name);
    // A plain code-unit sort would put "Égypte" after "Zimbabwe".
    expect(names.indexOf("Égypte")).toBeGreaterThan(names.indexOf("Danemark"));
    expect(names.indexOf("Égypte")).toBeLessThan(names.indexOf("Espagne"));
    expect(names.indexOf("Égypte")).toBeLessThan(names.indexOf("Zimbabwe"));
    expect(names[0]).toBe("Afghanistan");
  });

  it("sorts English names alphabetically", () => {
    const names = listCountries("en").map((c) => c.name);
    const collator = new Intl.Collator("en");
    expect(names).toEqual([...names].sort(collator.compare));
    expect(names.indexOf("Germany")).toBeLessThan(names.indexOf("Ghana"));
  });

  it("gives the same list for the same locale", () => {
    expect(listCountries("fr")).toEqual(listCountries("fr"));
    expect(listCountries("fr")).not.toEqual(listCountries("en"));
  });
});

describe("countryName", () => {
  it("names a code in the reader's language", () => {
    expect(countryName("DE", "fr")).toBe("Allemagne");
    expect(countryName("DE", "en")).toBe("Germany");
  });

  it("returns an unknown code as it is", () => {
    expect(countryName("XX", "en")).toBe("XX");
    expect(countryName("", "fr")).toBe("");
  });
});
