import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { draftWords, labelledT } from "@/lib/consultations/draft-labels";
import { checkDraft } from "./check-draft";
import { parseMarkdown } from "./parse-markdown";

const fixture = (lang: "en" | "fr") => readFileSync(`test/fixtures/recommendations-${lang}.md`, "utf8");
const LABELS = {
  section: { en: "Recommendation", fr: "Recommandation" },
  item: { en: "Article", fr: "Article" },
};

describe("a draft of recommendations and articles", () => {
  it("is read with the consultation's labels: sections, their headings and numbered items, in both languages", () => {
    const check = checkDraft(fixture("en"), fixture("fr"), LABELS);
    expect(check.problems).toEqual([]);
    expect(check.mismatches).toEqual([]);
    expect(check.clauses.map((c) => [c.key, c.kind, c.heading.en, c.heading.fr])).toEqual([
      ["preamble", "preamble", null, null],
      ["1", "principle", "Build an open culture", "Bâtir une culture ouverte"],
      ["1.1", "action", null, null],
      ["1.2", "action", null, null],
      ["2", "principle", "Invest in people", "Investir dans les personnes"],
      ["2.1", "action", null, null],
      ["2.2", "action", null, null],
      ["2.3", "action", null, null],
    ]);
    const first = check.clauses.find((c) => c.key === "2.1")!;
    expect(first.body).toEqual({
      en: "Train every official in digital skills. This includes managers.",
      fr: "Former chaque agent au numérique. Y compris l’encadrement.",
    });
  });

  it("is not read as sections and items with today's fixed words (why the labels are needed)", () => {
    const en = parseMarkdown(fixture("en"), draftWords(null, "en"));
    expect(en.clauses.filter((c) => c.kind === "action")).toEqual([]);
    expect(en.clauses.find((c) => c.key === "1")?.heading).toBe("Recommendation 1: Build an open culture");
  });

  it("takes a label only before a number: “## Principle of openness” stays a heading", () => {
    const { clauses } = parseMarkdown("## Principle of openness\n\n1. Open up.\n\n## Principle 4\n\nAction 1: Act.\n", {
      section: "Principle",
      item: "Action",
    });
    expect(clauses.map((c) => [c.key, c.heading, c.body])).toEqual([
      ["1", "Principle of openness", "Principle of openness"],
      ["1.1", null, "Open up."],
      ["4", null, ""],
      ["4.1", null, "Act."],
    ]);
  });

  it("names clauses with the consultation's words, and the default words without them", () => {
    const t = (key: "preamble" | "principle" | "action", v?: { number: string }) =>
      ({ preamble: "Preamble", principle: `Principle ${v?.number}`, action: `Action ${v?.number}` })[key];
    expect(labelledT(t, LABELS, "fr")("principle", { number: "2" })).toBe("Recommandation 2");
    expect(labelledT(t, LABELS, "en")("action", { number: "2.1" })).toBe("Article 2.1");
    expect(labelledT(t, LABELS, "en")("preamble")).toBe("Preamble");
    expect(labelledT(t, null, "en")("principle", { number: "2" })).toBe("Principle 2");
  });
});
