import { describe, expect, it } from "vitest";
import { rateLimitHeaders } from "./rate-limit";

describe("rateLimitHeaders", () => {
  it("says the limit, what is left and when the window resets; Retry-After only when refused; nothing when off", () => {
    expect(rateLimitHeaders({ ok: true, limit: 60, remaining: 59, resetSeconds: 60 })).toEqual({
      "RateLimit-Limit": "60",
      "RateLimit-Remaining": "59",
      "RateLimit-Reset": "60",
    });
    expect(rateLimitHeaders({ ok: false, limit: 2, remaining: 0, resetSeconds: 1 })).toEqual({
      "RateLimit-Limit": "2",
      "RateLimit-Remaining": "0",
      "RateLimit-Reset": "1",
      "Retry-After": "1",
    });
    expect(rateLimitHeaders({ ok: true, limit: 0, remaining: 0, resetSeconds: 0 })).toEqual({});
  });
});
