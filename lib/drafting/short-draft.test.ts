import { describe, expect, it } from "vitest";
import { checkDraft } from "./check-draft";
import { draftErrors, shortDrafts } from "./short-draft";

const TWO = "Intro.\n\n## 1. First\n\nText.\n\n1. Do this.\n\n## 2. Second\n\nMore.\n\n1. Do that.\n";
const ONE = "Intro.\n\n## 1. First\n\nText.\n\n1. Do this.\n";

describe("a language mismatch in a Markdown import", () => {
  it("is attached to the French draft when the French one is short, and to the English one when the English one is", () => {
    expect(shortDrafts(checkDraft(TWO, ONE))).toEqual(["markdownFr"]);
    expect(shortDrafts(checkDraft(ONE, TWO))).toEqual(["markdownEn"]);
    expect(draftErrors(checkDraft(TWO, ONE))).toEqual([{ field: "markdownFr", key: "draftNotAligned_Fr" }]);
  });

  it("counts items and the preamble the same way, and blames an empty or broken draft itself", () => {
    expect(shortDrafts(checkDraft(ONE.replace("1. Do this.", "1. Do this.\n2. And this."), ONE))).toEqual([
      "markdownFr",
    ]);
    expect(shortDrafts(checkDraft(ONE.replace("Intro.\n\n", ""), ONE))).toEqual(["markdownEn"]);
    expect(shortDrafts(checkDraft("", ONE))).toEqual(["markdownEn"]);
    expect(shortDrafts(checkDraft(ONE, ""))).toEqual(["markdownFr"]);
    expect(shortDrafts(checkDraft(ONE, ONE))).toEqual([]);
  });
});
