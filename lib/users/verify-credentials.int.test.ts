import { describe, expect, it } from "vitest";
import pg from "pg";
import { RateLimiterPostgres } from "rate-limiter-flexible";
import { db } from "@/lib/db";
import { limiterPool } from "@/lib/raw-pools";
import { hashedKey } from "@/lib/http/shared-limiter";
import { uniqueSlug } from "@/test/db-fixtures";
import { createUser } from "./create-user";
import { verifyCredentials } from "./verify-credentials";
import { MAX_FAILURES, signInThrottle } from "./sign-in-throttle";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const password = "a long enough password";
const newAccount = async (role: "admin" | "moderator" | "delegate" = "moderator") => {
  const email = `${uniqueSlug("u")}@example.org`;
  await createUser({ email, name: "Test", role, password, ...(role === "delegate" ? { country: "FR", delegationRole: "drafter" as const } : {}) });
  return email;
};

describe("verifyCredentials", () => {
  it("accepts the right password whatever the address's case, and refuses a wrong one", async () => {
    const email = await newAccount();
    const ok = await verifyCredentials(email.toUpperCase(), password);
    expect(ok).toMatchObject({ ok: true, user: { email, role: "moderator" } });
    expect(await verifyCredentials(email, "wrong")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials(email, 42)).toEqual({ ok: false, reason: "invalid" });
    const stored = await db.appUser.findUniqueOrThrow({ where: { email } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(password);
  });

  it("locks an address after 5 failures within the window, even with the right password, until the lock ends", async () => {
    const email = await newAccount();
    // The same limits as the app's, with a lock of 2 s instead of 15 minutes.
    const throttle = signInThrottle({ prefix: uniqueSlug("t"), lockSeconds: 2 });
    for (let i = 0; i < 4; i++) expect(await verifyCredentials(email, "wrong", { throttle })).toEqual({ ok: false, reason: "invalid" });
    const fifth = await verifyCredentials(email, "wrong", { throttle });
    expect(fifth).toMatchObject({ ok: false, reason: "locked" });
    if (fifth.ok || fifth.reason !== "locked") throw new Error("not locked");
    expect(fifth.until.getTime()).toBeGreaterThan(Date.now() + 1000);
    expect(await verifyCredentials(email, password, { throttle })).toMatchObject({ ok: false, reason: "locked" });
    await sleep(2100);
    expect(await verifyCredentials(email, password, { throttle })).toMatchObject({ ok: true });
    // A success clears the count: four more failures do not lock.
    for (let i = 0; i < 4; i++) expect(await verifyCredentials(email, "wrong", { throttle })).toEqual({ ok: false, reason: "invalid" });
  });

  it("gives a burst of parallel guesses five password checks, not one each", async () => {
    const email = await newAccount();
    const results = await Promise.all(Array.from({ length: 20 }, () => verifyCredentials(email, "wrong", { clientIp: "192.0.2.20" })));
    expect(results.filter((r) => !r.ok && r.reason === "invalid").length).toBeLessThanOrEqual(4);
    expect(results.filter((r) => !r.ok && r.reason === "locked").length).toBeGreaterThanOrEqual(16);
    expect(await verifyCredentials(email, password)).toMatchObject({ ok: false, reason: "locked" });
  });

  it("does not lock for failures spread over more than the window", async () => {
    const email = await newAccount();
    const throttle = signInThrottle({ prefix: uniqueSlug("t"), windowSeconds: 1 });
    for (let i = 0; i < 7; i++) {
      expect(await verifyCredentials(email, "wrong", { throttle })).toEqual({ ok: false, reason: "invalid" });
      await sleep(400);
    }
    expect(await verifyCredentials(email, password, { throttle })).toMatchObject({ ok: true });
  });

  it("limits failures per client address across email addresses; successes give the point back", async () => {
    const throttle = signInThrottle({ prefix: uniqueSlug("t"), perAddress: 3 });
    const email = await newAccount();
    const ip = "203.0.113.77";
    for (let i = 0; i < 5; i++) expect(await verifyCredentials(email, password, { throttle, clientIp: ip })).toMatchObject({ ok: true });
    for (let i = 0; i < 3; i++) {
      expect(await verifyCredentials(`${uniqueSlug("spray")}@example.org`, "guess", { throttle, clientIp: ip })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await verifyCredentials(email, password, { throttle, clientIp: ip })).toMatchObject({ ok: false, reason: "locked" });
    expect(await verifyCredentials(email, password, { throttle, clientIp: "198.51.100.4" })).toMatchObject({ ok: true });
  });

  it("keeps its counts in PostgreSQL, where another server reads them, and stores no email address there", async () => {
    const email = await newAccount();
    for (let i = 0; i < 5; i++) await verifyCredentials(email, "wrong", { clientIp: "192.0.2.10" });
    // A second server: its own connection and limiter object, the same table.
    const other = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    const second = new RateLimiterPostgres({ storeClient: other, storeType: "pool", schemaName: "ratelimit", tableName: "limits", tableCreated: true, keyPrefix: "signin-email", points: MAX_FAILURES, duration: 900 });
    await expect(second.consume(hashedKey(email), 1)).rejects.toMatchObject({ remainingPoints: 0 });
    await other.end();
    const { rows } = await limiterPool().query(`SELECT key FROM ratelimit.limits WHERE key LIKE 'signin-email%'`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => /^signin-email:[0-9a-f]{64}$/.test(r.key))).toBe(true);
  });

  it("counts failures for unknown addresses too, and refuses disabled accounts", async () => {
    const ghost = `${uniqueSlug("ghost")}@example.org`;
    for (let i = 0; i < 4; i++) expect(await verifyCredentials(ghost, "x")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials(ghost, "x")).toMatchObject({ ok: false, reason: "locked" });
    const email = await newAccount();
    await db.appUser.update({ where: { email }, data: { disabledAt: new Date() } });
    expect(await verifyCredentials(email, password)).toEqual({ ok: false, reason: "invalid" });
  });
});
