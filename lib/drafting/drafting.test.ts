import { describe, expect, it } from "vitest";
import { parseMarkdown } from "./parse-markdown";
import { alignDrafts } from "./align-drafts";

const EN = `# Draft Declaration

Adherents recognise that innovation matters.

Second paragraph of the preamble.

## 1. Embrace and enhance innovation
Public servants should be supported.

1. Act on weak signals
   and emerging trends.
2. Build capacity.

## 2. Encourage public servants
1. Recognise experimentation.
`;
const FR = `## 1. Adopter l'innovation
Préambule déplacé ? Non : ceci est le corps du principe.

1. Agir sur les signaux faibles.
2. Renforcer les capacités.

## 2. Encourager les agents publics
1. Reconnaître l'expérimentation.
2. Une action de trop.
`;

describe("parseMarkdown", () => {
  it("makes a preamble, sections and numbered actions, joining continued lines", () => {
    const { clauses, problems } = parseMarkdown(EN);
    expect(problems).toEqual([]);
    expect(clauses.map((c) => [c.key, c.kind, c.heading, c.body])).toEqual([
      [
        "preamble",
        "preamble",
        null,
        "Adherents recognise that innovation matters.\n\nSecond paragraph of the preamble.",
      ],
      ["1", "principle", "Embrace and enhance innovation", "Public servants should be supported."],
      ["1.1", "action", null, "Act on weak signals and emerging trends."],
      ["1.2", "action", null, "Build capacity."],
      ["2", "principle", "Encourage public servants", "Encourage public servants"],
      ["2.1", "action", null, "Recognise experimentation."],
    ]);
    expect(clauses[2].parentKey).toBe("1");
  });

  it("reports an empty document and items before any section", () => {
    expect(parseMarkdown("  \n\n").problems).toEqual([{ key: "empty" }]);
    expect(parseMarkdown("1. Stray item\n## 1. S\n1. ok").problems).toEqual([{ key: "itemOutsideSection", line: 1 }]);
  });
});

describe("alignDrafts", () => {
  it("reports every structural difference between the languages", () => {
    const { mismatches, clauses } = alignDrafts(parseMarkdown(EN).clauses, parseMarkdown(FR).clauses);
    expect(clauses).toEqual([]);
    expect(mismatches).toEqual([
      { key: "preambleOnlyIn", lang: "en" },
      { key: "itemCount", section: "2", en: 1, fr: 2 },
    ]);
  });

  it("pairs the clauses of two aligned drafts", () => {
    const fixed = `Les adhérents reconnaissent que l'innovation compte.\n\n${FR.replace("2. Une action de trop.\n", "")}`;
    const { mismatches, clauses } = alignDrafts(parseMarkdown(EN).clauses, parseMarkdown(fixed).clauses);
    expect(mismatches).toEqual([]);
    expect(clauses.find((c) => c.key === "1.1")?.body).toEqual({
      en: "Act on weak signals and emerging trends.",
      fr: "Agir sur les signaux faibles.",
    });
    expect(clauses.find((c) => c.key === "1")?.heading).toEqual({
      en: "Embrace and enhance innovation",
      fr: "Adopter l'innovation",
    });
  });
});

describe("wordDiff", () => {
  it("marks the words removed and added, keeping the rest", async () => {
    const { wordDiff } = await import("./word-diff");
    expect(wordDiff("Act on weak signals now.", "Act on early signs now.")).toEqual([
      { kind: "same", text: "Act on " },
      { kind: "removed", text: "weak signals " },
      { kind: "added", text: "early signs " },
      { kind: "same", text: "now." },
    ]);
    expect(wordDiff("same", "same")).toEqual([{ kind: "same", text: "same" }]);
  });
});

describe("proposeMapping", () => {
  it("suggests the existing clause each new one carries over, by text, once each", async () => {
    const { proposeMapping } = await import("./redraft");
    const current = [
      {
        id: "a",
        key: "1",
        kind: "principle" as const,
        heading: { en: "Embrace innovation", fr: null },
        body: { en: "Embrace and enhance innovation in the public sector.", fr: "" },
      },
      {
        id: "b",
        key: "1.1",
        kind: "action" as const,
        heading: { en: null, fr: null },
        body: { en: "Act on weak signals and emerging trends.", fr: "" },
      },
      {
        id: "c",
        key: "1.2",
        kind: "action" as const,
        heading: { en: null, fr: null },
        body: { en: "Build capacity in every ministry.", fr: "" },
      },
    ];
    const next = parseMarkdown(
      "## 1. Embrace innovation\nEmbrace and enhance innovation in the public sector.\n\n1. Build capacity in every ministry and agency.\n2. Act on weak signals and emerging trends.\n3. Something entirely new.",
    ).clauses;
    const aligned = alignDrafts(next, next).clauses;
    const m = proposeMapping(current, aligned);
    expect(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.id]))).toEqual({
      "1": "a",
      "1.1": "c",
      "1.2": "b",
      "1.3": null,
    });
  });
});
