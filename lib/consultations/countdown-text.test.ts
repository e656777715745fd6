import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { countdownText } from "./countdown-text";

const texts = (m: typeof en) => ({
  template: m.status.countdown,
  soon: m.status.countdownSoon,
  closed: m.status.closed,
});
const MIN = 60_000;

describe("countdownText", () => {
  it("says closed at and after the deadline, and 'less than a minute' in its last minute", () => {
    expect(countdownText(0, texts(en), "en")).toBe(en.status.closed);
    expect(countdownText(-5 * MIN, texts(en), "en")).toBe(en.status.closed);
    expect(countdownText(59_999, texts(en), "en")).toBe(en.status.countdownSoon);
  });

  it("counts whole days, hours and minutes left, in each language", () => {
    const left = (2 * 1440 + 3 * 60 + 4) * MIN + 59_000;
    const a = countdownText(left, texts(en), "en");
    expect(a).toMatch(/2 days/);
    expect(a).toMatch(/3 hours/);
    expect(a).toMatch(/4 minutes/);
    const b = countdownText(left, texts(fr), "fr");
    expect(b).toMatch(/2\sjours/);
    expect(b).toMatch(/4\sminutes/);
    expect(countdownText(61 * MIN, texts(en), "en")).toMatch(/1 hour\b/);
  });
});
