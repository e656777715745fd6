import { describe, expect, it } from "vitest";
import { formatPluralMessage } from "./plural-message";
import { translator } from "./translator";
import en from "./messages/en.json";
import fr from "./messages/fr.json";

const RAW = { en, fr } as const;

describe("formatPluralMessage", () => {
  it("formats the countdown exactly as next-intl does, in both languages, for every kind of number", () => {
    for (const locale of ["en", "fr"] as const) {
      const t = translator(locale, "status");
      for (const days of [0, 1, 2, 21, 1000]) {
        for (const hours of [0, 1, 2, 23]) {
          for (const minutes of [0, 1, 2, 59]) {
            const values = { days, hours, minutes };
            expect(formatPluralMessage(RAW[locale].status.countdown, values, locale)).toBe(t("countdown", values));
          }
        }
      }
    }
  });

  it("formats plain arguments and refuses syntax it does not know, rather than showing it wrong", () => {
    expect(formatPluralMessage("{n} of {total}", { n: 1200, total: "all" }, "en")).toBe("1,200 of all");
    expect(() => formatPluralMessage("{g, select, a {A} other {B}}", { g: 1 }, "en")).toThrow(/only plural/);
    expect(() => formatPluralMessage("{n, plural, one {#}", { n: 1 }, "en")).toThrow();
    expect(() => formatPluralMessage("{missing}", {}, "en")).toThrow(/no value/);
  });
});
