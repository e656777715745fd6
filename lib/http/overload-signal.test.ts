import { describe, expect, it } from "vitest";
import { overloadSignal } from "./overload-signal.mjs";

const turn = () => new Promise((r) => setImmediate(r));

describe("the overload signal (scripts/server.mjs's refusals for its load, told to work in its process)", () => {
  it("says how long ago the last refusal was", () => {
    let t = 1_000_000;
    const signal = overloadSignal({ now: () => t });
    expect(signal.overloadedWithin(60_000)).toBe(false);
    signal.overloaded();
    t += 30_000;
    expect(signal.overloadedWithin(60_000)).toBe(true);
    expect(signal.overloadedWithin(10_000)).toBe(false);
  });

  it("calls each listener once, at the next refusal, after the refused request's turn; one taken back is not called", async () => {
    const signal = overloadSignal();
    const calls: string[] = [];
    signal.onOverload(() => calls.push("a"));
    const off = signal.onOverload(() => calls.push("b"));
    off();
    signal.overloaded();
    expect(calls).toEqual([]);
    await turn();
    expect(calls).toEqual(["a"]);
    signal.overloaded();
    await turn();
    expect(calls).toEqual(["a"]);
  });

  it("a listener that throws does not keep the others from their call", async () => {
    const errors: unknown[] = [];
    const signal = overloadSignal({ onError: (e) => errors.push(e) });
    let called = false;
    signal.onOverload(() => {
      throw new Error("boom");
    });
    signal.onOverload(() => (called = true));
    signal.overloaded();
    await turn();
    expect(called).toBe(true);
    expect(errors).toHaveLength(1);
  });
});
