import { describe, expect, it } from "vitest";
import { formatInstantShort } from "./format-instant";

describe("formatInstantShort", () => {
  it("writes an instant in the consultation's time zone, day first and 24-hour, in English and French", () => {
    const at = new Date("2027-02-28T22:59:00Z");
    expect(formatInstantShort(at, "en", "Europe/Paris")).toBe("28 February 2027 at 23:59 CET");
    expect(formatInstantShort(at, "fr", "Europe/Paris")).toBe("28 février 2027 à 23:59 UTC+1");
    expect(formatInstantShort(at, "en", "Asia/Tokyo")).toBe("1 March 2027 at 07:59 GMT+9");
  });
});
