import { describe, expect, it } from "vitest";
import { clauseExcerpt } from "./clause-excerpt";

describe("clauseExcerpt", () => {
  it("keeps a short first paragraph whole, and only the first paragraph", () => {
    expect(clauseExcerpt("Adopt an open mindset.\n\nA second paragraph.")).toBe("Adopt an open mindset.");
  });
  it("gives the first sentence of a long paragraph", () => {
    const body = `Explain, at the highest levels of leadership, why innovation matters. ${"Make clear that trying is expected. ".repeat(8)}`;
    expect(clauseExcerpt(body)).toBe("Explain, at the highest levels of leadership, why innovation matters.");
  });
  it("cuts a long first sentence at a word, with an ellipsis", () => {
    const out = clauseExcerpt(`${"word ".repeat(60)}end.`, 40);
    expect(out).toBe(`${"word ".repeat(8).trim()}…`);
    expect(out.length).toBeLessThanOrEqual(41);
  });
  it("folds line breaks and spaces", () => {
    expect(clauseExcerpt("  One\nline  only. ")).toBe("One line only.");
  });
});
