import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { RateLimiterPostgres } from "rate-limiter-flexible";
import { db } from "@/lib/db";
import { limiterPool } from "@/lib/raw-pools";
import { hashedKey } from "@/lib/http/shared-limiter";
import { staff, uniqueSlug } from "@/test/db-fixtures";
import { mailSink } from "@/test/mail-sink";
import { createUser } from "./create-user";
import { verifyCredentials } from "./verify-credentials";
import { listSignInLocks, unlockSignIn } from "./unlock-sign-in";
import { MAX_FAILURES, pairKey, signInThrottle } from "./sign-in-throttle";

// Before anything reads the environment: the owner's warning goes to this sink.
const sink = await mailSink();
process.env.SMTP_URL = sink.url;
afterAll(() => sink.stop());
const received = async (email: string) => {
  await new Promise((r) => setTimeout(r, 300)); // a message on its way has time to arrive
  return sink.messages.filter((m) => m.to.includes(email.toLowerCase())).length;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const password = "a long enough password";
const newAccount = async (role: "admin" | "moderator" | "delegate" = "moderator") => {
  const email = `${uniqueSlug("u")}@example.org`;
  await createUser({
    email,
    name: "Test",
    role,
    password,
    ...(role === "delegate" ? { country: "FR", delegationRole: "drafter" as const } : {}),
  });
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
    for (let i = 0; i < 4; i++)
      expect(await verifyCredentials(email, "wrong", { throttle })).toEqual({ ok: false, reason: "invalid" });
    const fifth = await verifyCredentials(email, "wrong", { throttle });
    expect(fifth).toMatchObject({ ok: false, reason: "locked" });
    if (fifth.ok || fifth.reason !== "locked") throw new Error("not locked");
    expect(fifth.until.getTime()).toBeGreaterThan(Date.now() + 1000);
    expect(await verifyCredentials(email, password, { throttle })).toMatchObject({ ok: false, reason: "locked" });
    await sleep(2100);
    expect(await verifyCredentials(email, password, { throttle })).toMatchObject({ ok: true });
    // A success clears the count: four more failures do not lock.
    for (let i = 0; i < 4; i++)
      expect(await verifyCredentials(email, "wrong", { throttle })).toEqual({ ok: false, reason: "invalid" });
  });

  it("gives a burst of parallel guesses five password checks, not one each", async () => {
    const email = await newAccount();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => verifyCredentials(email, "wrong", { clientIp: "192.0.2.20" })),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid").length).toBeLessThanOrEqual(4);
    expect(results.filter((r) => !r.ok && r.reason === "locked").length).toBeGreaterThanOrEqual(16);
    expect(await verifyCredentials(email, password, { clientIp: "192.0.2.20" })).toMatchObject({
      ok: false,
      reason: "locked",
    });
  });

  it("an attacker from address A cannot lock the owner out: the right password from address B succeeds; A stays locked, longer each time; the owner is emailed once", async () => {
    const email = await newAccount("admin");
    const throttle = signInThrottle({ prefix: uniqueSlug("t"), lockSeconds: 1 });
    const A = "203.0.113.10";
    const B = "198.51.100.20";
    for (let i = 0; i < 4; i++)
      expect(await verifyCredentials(email, `guess ${i}`, { throttle, clientIp: A })).toEqual({
        ok: false,
        reason: "invalid",
      });
    const first = await verifyCredentials(email, "guess 4", { throttle, clientIp: A });
    expect(first).toMatchObject({ ok: false, reason: "locked" });
    // The owner, from elsewhere, is not locked out.
    expect(await verifyCredentials(email, password, { throttle, clientIp: B })).toMatchObject({
      ok: true,
      user: { email },
    });
    // A is still locked, even with the right password.
    expect(await verifyCredentials(email, password, { throttle, clientIp: A })).toMatchObject({
      ok: false,
      reason: "locked",
    });
    await sleep(1100);
    // The lock ended: five more guesses, then a lock twice as long.
    for (let i = 0; i < 4; i++)
      expect(await verifyCredentials(email, `again ${i}`, { throttle, clientIp: A })).toEqual({
        ok: false,
        reason: "invalid",
      });
    const second = await verifyCredentials(email, "again 4", { throttle, clientIp: A });
    if (first.ok || first.reason !== "locked" || second.ok || second.reason !== "locked") throw new Error("not locked");
    expect(second.until.getTime() - Date.now()).toBeGreaterThan(1500);
    await sleep(1100);
    expect(await verifyCredentials(email, password, { throttle, clientIp: A })).toMatchObject({
      ok: false,
      reason: "locked",
    });
    expect(await verifyCredentials(email, password, { throttle, clientIp: B })).toMatchObject({ ok: true });
    // One email for the attack, not one per lock or attempt.
    expect(await received(email)).toBe(1);
    const mail = await sink.waitFor(email);
    expect(mail.subject).toMatch(/sign-in/i);
    expect(mail.text).toContain("Clausewise");
    expect(mail.text).not.toContain(A);
  });

  it("shows admins the account under attack (failures, locked addresses, until when); an admin's unlock clears it, is logged, and warns again at the next attack", async () => {
    const email = await newAccount("admin");
    const admin = await staff("admin");
    const user = await db.appUser.findUniqueOrThrow({ where: { email } });
    const throttle = signInThrottle({ prefix: uniqueSlug("t") });
    const other = await newAccount();
    for (let i = 0; i < 5; i++) await verifyCredentials(email, `guess ${i}`, { throttle, clientIp: "203.0.113.50" });
    for (let i = 0; i < 2; i++) await verifyCredentials(other, "typo", { throttle, clientIp: "203.0.113.51" });
    const locks = await listSignInLocks([email, other], throttle);
    expect([...locks.keys()]).toEqual([email]);
    const state = locks.get(email);
    expect(state).toMatchObject({ failures: 5, lockedAddresses: 1, ceilingReached: false });
    expect(state?.lockedUntil?.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await received(email)).toBe(1);

    expect(await unlockSignIn(admin.id, "not-an-id", throttle)).toEqual({ ok: false, key: "notFound" });
    expect(await unlockSignIn(admin.id, user.id, throttle)).toEqual({ ok: true, email });
    expect((await listSignInLocks([email], throttle)).size).toBe(0);
    const event = await db.adminEvent.findFirstOrThrow({ where: { actorId: admin.id }, orderBy: { at: "desc" } });
    expect(event).toMatchObject({ action: "account.unlock", target: email });
    expect(await verifyCredentials(email, password, { throttle, clientIp: "203.0.113.50" })).toMatchObject({
      ok: true,
    });
    // A new attack after the unlock is a new episode: the owner hears of it.
    for (let i = 0; i < 5; i++) await verifyCredentials(email, `later ${i}`, { throttle, clientIp: "203.0.113.52" });
    expect(await received(email)).toBe(2);
  });

  it("keeps a per-email ceiling across addresses for distributed guessing: past it only an address that signed in before gets through", async () => {
    const email = await newAccount();
    const throttle = signInThrottle({ prefix: uniqueSlug("t"), perEmail: 8 });
    const home = "198.51.100.30";
    expect(await verifyCredentials(email, password, { throttle, clientIp: home })).toMatchObject({ ok: true });
    for (let n = 0; n < 8; n++)
      await verifyCredentials(email, "guess", { throttle, clientIp: `203.0.113.${100 + Math.floor(n / 4)}` });
    // An address that never signed in to this account (the owner travelling, or one more bot) waits.
    expect(await verifyCredentials(email, password, { throttle, clientIp: "192.0.2.99" })).toMatchObject({
      ok: false,
      reason: "locked",
    });
    // The owner's usual address still gets in.
    expect(await verifyCredentials(email, password, { throttle, clientIp: home })).toMatchObject({ ok: true });
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
    for (let i = 0; i < 5; i++)
      expect(await verifyCredentials(email, password, { throttle, clientIp: ip })).toMatchObject({ ok: true });
    for (let i = 0; i < 3; i++) {
      expect(
        await verifyCredentials(`${uniqueSlug("spray")}@example.org`, "guess", { throttle, clientIp: ip }),
      ).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await verifyCredentials(email, password, { throttle, clientIp: ip })).toMatchObject({
      ok: false,
      reason: "locked",
    });
    expect(await verifyCredentials(email, password, { throttle, clientIp: "198.51.100.4" })).toMatchObject({
      ok: true,
    });
  });

  it("keeps its counts in PostgreSQL, where another server reads them, and stores no email address there", async () => {
    const email = await newAccount();
    for (let i = 0; i < 5; i++) await verifyCredentials(email, "wrong", { clientIp: "192.0.2.10" });
    // A second server: its own connection and limiter object, the same table.
    const other = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    const second = new RateLimiterPostgres({
      storeClient: other,
      storeType: "pool",
      schemaName: "ratelimit",
      tableName: "limits",
      tableCreated: true,
      keyPrefix: "signin-pair",
      points: MAX_FAILURES,
      duration: 900,
    });
    await expect(second.consume(pairKey(email, "192.0.2.10"), 1)).rejects.toMatchObject({ remainingPoints: 0 });
    await other.end();
    const { rows } = await limiterPool().query(
      `SELECT key FROM ratelimit.limits WHERE key LIKE 'signin-pair:%' OR key LIKE 'signin-email:%'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    // Only hashes: of the email address, and (keyed with AUTH_SECRET) of the client address.
    expect(rows.every((r) => /^signin-(pair:[0-9a-f]{64}:[0-9a-f]{64}|email:[0-9a-f]{64})$/.test(r.key))).toBe(true);
    expect(rows.some((r) => r.key.includes(hashedKey(email)))).toBe(true);
  });

  it("counts failures for unknown addresses too, and refuses disabled accounts", async () => {
    const ghost = `${uniqueSlug("ghost")}@example.org`;
    for (let i = 0; i < 4; i++) expect(await verifyCredentials(ghost, "x")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials(ghost, "x")).toMatchObject({ ok: false, reason: "locked" });
    // Nobody to warn: no email for an address without an account.
    expect(await received(ghost)).toBe(0);
    const email = await newAccount();
    await db.appUser.update({ where: { email }, data: { disabledAt: new Date() } });
    expect(await verifyCredentials(email, password)).toEqual({ ok: false, reason: "invalid" });
  });
});
