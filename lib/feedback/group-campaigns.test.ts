import { describe, expect, it } from "vitest";
import { clusterLetters } from "./group-campaigns";

const letter = (fp: string, phrases: string[], n = 1) => ({ fp, n, phrases });

describe("clusterLetters", () => {
  it("joins letters sharing half their phrases with the heaviest one, not letters sharing one stock phrase", () => {
    const seed = letter("a", ["greet", "p1", "p2", "p3", "p4"], 3);
    const groups = clusterLetters([
      letter("b", ["greet", "p1", "p2", "p3"]), // a sentence removed
      letter("c", ["greet", "p1", "p2", "p3", "p4", "extra"]), // a sentence added
      letter("d", ["greet", "other1", "other2", "other3"]), // another letter with the same greeting
      seed,
    ]);
    expect(Object.fromEntries(groups)).toEqual({ a: "a", b: "a", c: "a" });
  });

  it("a letter alone, without copies, is no campaign", () => {
    expect(clusterLetters([letter("x", ["p1", "p2"]), letter("y", ["q1", "q2"])]).size).toBe(0);
  });
});
