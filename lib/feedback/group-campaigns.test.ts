import { describe, expect, it } from "vitest";
import { longestPause } from "@/test/longest-pause";
import { clusterLetters } from "./group-campaigns";

const letter = (fp: string, phrases: string[], n = 1) => ({ fp, n, phrases });

describe("clusterLetters", () => {
  it("joins letters sharing half their phrases with the heaviest one, not letters sharing one stock phrase", async () => {
    const seed = letter("a", ["greet", "p1", "p2", "p3", "p4"], 3);
    const groups = await clusterLetters([
      letter("b", ["greet", "p1", "p2", "p3"]), // a sentence removed
      letter("c", ["greet", "p1", "p2", "p3", "p4", "extra"]), // a sentence added
      letter("d", ["greet", "other1", "other2", "other3"]), // another letter with the same greeting
      seed,
    ]);
    expect(Object.fromEntries(groups)).toEqual({ a: "a", b: "a", c: "a" });
  });

  it("a letter alone, without copies, is no campaign", async () => {
    expect((await clusterLetters([letter("x", ["p1", "p2"]), letter("y", ["q1", "q2"])])).size).toBe(0);
  });

  it("lets the event loop turn while it clusters (it runs in the web server's process)", async () => {
    // 100,000 letters sharing phrases in many ways: 1.5–2.5 s in one piece on a 2-core machine before.
    const letters = Array.from({ length: 100_000 }, (_, i) =>
      letter(`f${i}`, [`p${i % 5000}`, `q${i % 7919}`, `r${i}`], 1 + (i % 3)),
    );
    const { result, longestMs } = await longestPause(() => clusterLetters(letters));
    expect(result.size).toBeGreaterThan(50_000);
    // Its slices are 5 ms; the sort before them and a busy machine's pauses stay well under this.
    expect(longestMs).toBeLessThan(300);
  }, 30_000);
});
