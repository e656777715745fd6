import { describe, expect, it } from "vitest";
import { allowRequest, rateLimitHeaders, resetRateLimits } from "./rate-limit";

describe("allowRequest (the in-process limiter of the open-data API)", () => {
  it("allows the limit, then refuses, per key", () => {
    const t = 1_000_000;
    expect([1, 2, 3, 4, 5].map((i) => allowRequest("a", 3, t + i).ok)).toEqual([true, true, true, false, false]);
    expect(allowRequest("b", 3, t).ok).toBe(true);
  });

  it("starts a new window after a minute", () => {
    const start = 2_000_000;
    expect(allowRequest("w", 2, start).ok).toBe(true);
    expect(allowRequest("w", 2, start + 30_000).ok).toBe(true);
    expect(allowRequest("w", 2, start + 59_999).ok).toBe(false);
    expect(allowRequest("w", 2, start + 60_000).ok).toBe(true);
  });

  it("0 turns it off; resetRateLimits forgets every count", () => {
    expect(Array.from({ length: 500 }, () => allowRequest("off", 0, 0).ok).every(Boolean)).toBe(true);
    expect(allowRequest("r", 1, 0).ok).toBe(true);
    expect(allowRequest("r", 1, 0).ok).toBe(false);
    resetRateLimits();
    expect(allowRequest("r", 1, 0).ok).toBe(true);
  });

  it("says what is left and when the window resets, with the headers to send", () => {
    const t = 5_000_000;
    expect(allowRequest("open-data:1", 2, t)).toEqual({ ok: true, limit: 2, remaining: 1, resetSeconds: 60 });
    expect(allowRequest("open-data:1", 2, t + 30_000)).toMatchObject({ ok: true, remaining: 0, resetSeconds: 30 });
    const refused = allowRequest("open-data:1", 2, t + 59_000);
    expect(refused).toMatchObject({ ok: false, remaining: 0, resetSeconds: 1 });
    expect(rateLimitHeaders(refused)).toEqual({ "RateLimit-Limit": "2", "RateLimit-Remaining": "0", "RateLimit-Reset": "1", "Retry-After": "1" });
  });
});
