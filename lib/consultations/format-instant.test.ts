import { describe, expect, it } from "vitest";
import { formatDay, formatInstant } from "./format-instant";

// French times hold no-break spaces ("23 h 59"); written here as plain spaces.
const plain = (s: string) => s.replace(/\u00a0/g, " ");

describe("formatInstant", () => {
  const at = new Date("2027-02-28T22:59:00Z");

  it("writes an instant day first, 24-hour, with a short zone, in English and French", () => {
    expect(formatInstant(at, "en", "Europe/Paris")).toBe("28 February 2027, 23:59 CET");
    expect(plain(formatInstant(at, "fr", "Europe/Paris"))).toBe("28 février 2027, 23 h 59 UTC+1");
  });

  it("keeps the hours and minutes of a French time together (no-break spaces)", () => {
    expect(formatInstant(at, "fr", "Europe/Paris")).toContain("23\u00a0h\u00a059");
  });

  it("writes the time in the zone it is given, summer time included, and the date there", () => {
    expect(formatInstant(at, "en", "Asia/Tokyo")).toBe("1 March 2027, 07:59 GMT+9");
    expect(plain(formatInstant(at, "fr", "Asia/Tokyo"))).toBe("1er mars 2027, 7 h 59 UTC+9");
    expect(formatInstant(new Date("2027-07-01T08:05:00Z"), "en", "Europe/Paris")).toBe("1 July 2027, 10:05 CEST");
    expect(formatInstant(new Date("2027-07-01T08:05:00Z"), "en", "Europe/London")).toBe("1 July 2027, 09:05 BST");
  });

  it("never spells out a zone nor names the weekday: UTC is 'UTC'", () => {
    for (const locale of ["en", "fr"]) {
      const text = formatInstant(at, locale, "UTC");
      expect(text).toMatch(/ UTC$/);
      expect(text).not.toMatch(/Coordinated|universel|Sunday|dimanche| at | à /);
    }
    expect(formatInstant(at, "en", "UTC")).toBe("28 February 2027, 22:59 UTC");
  });

  it("writes a day alone in the same style", () => {
    expect(formatDay(at, "en", "Europe/Paris")).toBe("28 February 2027");
    expect(formatDay(at, "fr", "Asia/Tokyo")).toBe("1er mars 2027");
  });
});
