import { afterEach, describe, it, expect } from "vitest";
import { now, setNow } from "./clock";

afterEach(() => setNow(null));

describe("clock", () => {
  it("gives the real time by default", () => {
    const before = Date.now();
    const t = now().getTime();
    const after = Date.now();
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(after);
  });

  it("gives the fixed time after setNow", () => {
    const fixed = new Date("2031-05-06T07:08:09.010Z");
    setNow(fixed);
    expect(now().toISOString()).toBe("2031-05-06T07:08:09.010Z");
    expect(now().getTime()).toBe(fixed.getTime());
  });

  it("hands out copies, so a caller cannot move the fixed time", () => {
    setNow(new Date("2031-05-06T00:00:00Z"));
    const a = now();
    a.setFullYear(1999);
    expect(now().toISOString()).toBe("2031-05-06T00:00:00.000Z");
    expect(now()).not.toBe(now());
  });

  it("goes back to the real clock with setNow(null)", () => {
    setNow(new Date("2000-01-01T00:00:00Z"));
    expect(now().getUTCFullYear()).toBe(2000);
    setNow(null);
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });
});

describe("setNow keeps its own copy", () => {
  it("is not moved by a later change to the Date passed in", () => {
    const d = new Date("2027-02-22T22:59:00Z");
    setNow(d);
    d.setUTCFullYear(1999);
    expect(now().toISOString()).toBe("2027-02-22T22:59:00.000Z");
    setNow(null);
  });
});
