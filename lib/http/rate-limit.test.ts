import { afterEach, describe, it, expect, vi } from "vitest";

async function loadWithLimit(limit: string) {
  vi.stubEnv("SUBMIT_RATE_LIMIT_PER_MINUTE", limit);
  vi.resetModules();
  return import("./rate-limit");
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("allowSubmission", () => {
  it("allows the limit, then refuses", async () => {
    const { allowSubmission } = await loadWithLimit("3");
    const t = 1_000_000;
    expect([1, 2, 3, 4, 5].map((i) => allowSubmission("1.2.3.4", t + i))).toEqual([true, true, true, false, false]);
  });

  it("reads the limit from the environment", async () => {
    const { allowSubmission } = await loadWithLimit("5");
    const results = Array.from({ length: 7 }, () => allowSubmission("k", 0));
    expect(results).toEqual([true, true, true, true, true, false, false]);
  });

  it("defaults to 20 a minute", async () => {
    vi.stubEnv("SUBMIT_RATE_LIMIT_PER_MINUTE", undefined);
    vi.resetModules();
    const { allowSubmission } = await import("./rate-limit");
    const results = Array.from({ length: 21 }, () => allowSubmission("k", 0));
    expect(results.filter(Boolean)).toHaveLength(20);
    expect(results[20]).toBe(false);
  });

  it("counts each key on its own", async () => {
    const { allowSubmission } = await loadWithLimit("2");
    expect(allowSubmission("a", 0)).toBe(true);
    expect(allowSubmission("a", 0)).toBe(true);
    expect(allowSubmission("a", 0)).toBe(false);
    expect(allowSubmission("b", 0)).toBe(true);
    expect(allowSubmission("b", 0)).toBe(true);
    expect(allowSubmission("b", 0)).toBe(false);
  });

  it("opens a new window 60 s after the first attempt", async () => {
    const { allowSubmission } = await loadWithLimit("2");
    const start = 5_000_000;
    expect(allowSubmission("k", start)).toBe(true);
    expect(allowSubmission("k", start + 30_000)).toBe(true);
    expect(allowSubmission("k", start + 59_999)).toBe(false);
    expect(allowSubmission("k", start + 60_000)).toBe(true);
    expect(allowSubmission("k", start + 60_001)).toBe(true);
    expect(allowSubmission("k", start + 60_002)).toBe(false);
  });

  it("uses the current time when no time is given", async () => {
    const { allowSubmission } = await loadWithLimit("1");
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date("2030-01-01T00:00:00Z"));
      expect(allowSubmission("k")).toBe(true);
      expect(allowSubmission("k")).toBe(false);
      vi.setSystemTime(new Date("2030-01-01T00:01:00Z"));
      expect(allowSubmission("k")).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("0 turns the limit off", async () => {
    const { allowSubmission } = await loadWithLimit("0");
    const results = Array.from({ length: 500 }, () => allowSubmission("k", 0));
    expect(results.every(Boolean)).toBe(true);
  });

  it("resetRateLimits forgets every count", async () => {
    const { allowSubmission, resetRateLimits } = await loadWithLimit("1");
    expect(allowSubmission("k", 0)).toBe(true);
    expect(allowSubmission("k", 0)).toBe(false);
    resetRateLimits();
    expect(allowSubmission("k", 0)).toBe(true);
  });
});

describe("allowRequest", () => {
  it("counts per key and says what is left and when the window resets, with the headers to send", async () => {
    const { allowRequest, rateLimitHeaders } = await loadWithLimit("20");
    const t = 5_000_000;
    expect(allowRequest("open-data:1", 2, t)).toEqual({ ok: true, limit: 2, remaining: 1, resetSeconds: 60 });
    expect(allowRequest("open-data:1", 2, t + 30_000)).toMatchObject({ ok: true, remaining: 0, resetSeconds: 30 });
    const refused = allowRequest("open-data:1", 2, t + 59_000);
    expect(refused).toMatchObject({ ok: false, remaining: 0, resetSeconds: 1 });
    expect(rateLimitHeaders(refused)).toEqual({ "RateLimit-Limit": "2", "RateLimit-Remaining": "0", "RateLimit-Reset": "1", "Retry-After": "1" });
    expect(allowRequest("open-data:2", 2, t + 59_000).ok).toBe(true);
    expect(allowRequest("open-data:1", 2, t + 60_000).ok).toBe(true);
  });
});
