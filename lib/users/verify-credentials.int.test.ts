import { afterEach, describe, expect, it } from "vitest";
import { setNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { uniqueSlug } from "@/test/db-fixtures";
import { createUser } from "./create-user";
import { verifyCredentials } from "./verify-credentials";

afterEach(() => setNow(null));

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

  it("locks an address for 15 minutes after 5 failures within 15 minutes, even with the right password", async () => {
    const email = await newAccount();
    const t0 = new Date("2030-01-01T10:00:00Z");
    for (let i = 0; i < 4; i++) {
      setNow(new Date(t0.getTime() + i * 60_000));
      expect(await verifyCredentials(email, "wrong")).toEqual({ ok: false, reason: "invalid" });
    }
    setNow(new Date(t0.getTime() + 4 * 60_000));
    const fifth = await verifyCredentials(email, "wrong");
    expect(fifth).toMatchObject({ ok: false, reason: "locked" });
    setNow(new Date(t0.getTime() + 10 * 60_000));
    expect(await verifyCredentials(email, password)).toMatchObject({ ok: false, reason: "locked" });
    setNow(new Date(t0.getTime() + 4 * 60_000 + 15 * 60_000 + 1));
    expect(await verifyCredentials(email, password)).toMatchObject({ ok: true });
  });

  it("gives a burst of parallel guesses five password checks, not one each", async () => {
    const email = await newAccount();
    const results = await Promise.all(Array.from({ length: 20 }, () => verifyCredentials(email, "wrong")));
    expect(results.filter((r) => !r.ok && r.reason === "invalid").length).toBeLessThanOrEqual(4);
    expect(results.filter((r) => !r.ok && r.reason === "locked").length).toBeGreaterThanOrEqual(16);
    expect(await verifyCredentials(email, password)).toMatchObject({ ok: false, reason: "locked" });
  });

  it("does not lock for failures spread over more than 15 minutes", async () => {
    const email = await newAccount();
    const t0 = new Date("2030-02-01T10:00:00Z");
    for (let i = 0; i < 8; i++) {
      setNow(new Date(t0.getTime() + i * 5 * 60_000));
      expect(await verifyCredentials(email, "wrong")).toMatchObject({ ok: false });
    }
    setNow(new Date(t0.getTime() + 41 * 60_000));
    expect(await verifyCredentials(email, password)).toMatchObject({ ok: true });
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
