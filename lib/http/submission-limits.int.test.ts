import { describe, expect, it } from "vitest";
import pg from "pg";
import { RateLimiterPostgres } from "rate-limiter-flexible";
import { limiterPool } from "@/lib/raw-pools";
import { uniqueSlug } from "@/test/db-fixtures";
import { limitClient, limitEmail } from "./submission-limits";
import { clearExpiredLimits } from "./shared-limiter";

describe("submission limits in PostgreSQL", () => {
  it("allow 20 a minute per client address and 10 an hour per email address, with the time to wait", async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 200)}-${uniqueSlug()}`;
    const results = [];
    for (let i = 0; i < 21; i++) results.push(await limitClient(ip));
    expect(results.slice(0, 20).every((r) => r.ok)).toBe(true);
    expect(results[20]).toMatchObject({ ok: false, retryAfterSeconds: expect.any(Number) });
    const email = `${uniqueSlug("lim")}@Example.org`;
    for (let i = 0; i < 10; i++) expect((await limitEmail(email)).ok).toBe(true);
    expect(await limitEmail(email.toLowerCase())).toMatchObject({ ok: false });
    expect((await limitEmail(null)).ok).toBe(true);
  });

  it("hold across app instances: the count is in the database, and no email address is stored there", async () => {
    const ip = `198.51.100.1-${uniqueSlug()}`;
    for (let i = 0; i < 20; i++) await limitClient(ip);
    // A second instance: its own connection and limiter object, the same table.
    const other = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    const second = new RateLimiterPostgres({
      storeClient: other,
      storeType: "pool",
      schemaName: "ratelimit",
      tableName: "limits",
      tableCreated: true,
      keyPrefix: "submit-ip",
      points: 20,
      duration: 60,
    });
    await expect(second.consume(ip, 1)).rejects.toMatchObject({ remainingPoints: 0 });
    await other.end();
    const { rows } = await limiterPool().query(`SELECT key FROM ratelimit.limits WHERE key LIKE 'submit-email%'`);
    expect(rows.every((r) => /^submit-email:[0-9a-f]{64}$/.test(r.key))).toBe(true);
  });

  it("forgets counters whose window ended over an hour ago, and only those", async () => {
    const old = `old-${uniqueSlug()}`;
    const live = `live-${uniqueSlug()}`;
    await limiterPool().query(`INSERT INTO ratelimit.limits (key, points, expire) VALUES ($1, 3, $2), ($3, 3, $4)`, [
      old,
      Date.now() - 7_200_000,
      live,
      Date.now() + 60_000,
    ]);
    expect(await clearExpiredLimits()).toBeGreaterThanOrEqual(1);
    const { rows } = await limiterPool().query(`SELECT key FROM ratelimit.limits WHERE key = ANY($1)`, [[old, live]]);
    expect(rows.map((r) => r.key)).toEqual([live]);
  });
});
