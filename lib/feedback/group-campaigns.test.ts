import { describe, expect, it } from "vitest";
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
    let last = performance.now();
    let longest = 0;
    const ticker = setInterval(() => {
      const t = performance.now();
      longest = Math.max(longest, t - last);
      last = t;
    }, 2);
    try {
      expect((await clusterLetters(letters)).size).toBeGreaterThan(50_000);
      longest = Math.max(longest, performance.now() - last); // the last stretch, up to its end
    } finally {
      clearInterval(ticker);
    }
    // Its slices are 5 ms; the sort before them and a busy machine's pauses stay well under this.
    expect(longest).toBeLessThan(300);
  }, 30_000);
});
