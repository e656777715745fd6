import { createHash } from "node:crypto";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { setNow } from "@/lib/clock";
import { mailSink } from "@/test/mail-sink";
import { runJobs } from "@/test/run-jobs";
import { staff, uniqueSlug } from "@/test/db-fixtures";
import { hashPassword } from "@/lib/users/password";
import { sessionAccount } from "@/lib/users/session";
import { verifyCredentials } from "@/lib/users/verify-credentials";
import { issuePasswordReset } from "./issue-password-reset";
import { requestPasswordReset } from "./request-password-reset";
import { findPasswordReset, resetPassword } from "./reset-password";
import { sendPasswordReset } from "./send-password-reset";

// Before anything reads the environment: this file's app sends mail to the sink.
const sink = await mailSink();
process.env.SMTP_URL = sink.url;
afterAll(() => sink.stop());
afterEach(() => setNow(null));

const OLD = "the old password, long enough";
const NEW = "a brand new password, long enough";
// A client address no other test (or earlier run against the same database) has used: the
// limiters' counters live in PostgreSQL, so two tests drawing the same address would share them.
const randomIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${uniqueSlug("ip")}`;
const tokenOf = (link: string) => link.split("/reset/")[1];

async function account(opts: { disabled?: boolean } = {}) {
  return db.appUser.create({
    data: {
      email: `${uniqueSlug("reset")}@example.org`,
      name: "Reset Person",
      role: "moderator",
      passwordHash: await hashPassword(OLD),
      disabledAt: opts.disabled ? new Date() : null,
    },
  });
}
/** A link for the account, as the queue's task makes it (the link itself is only in the email). */
const issue = (user: { id: string; email: string; name: string }) =>
  db.$transaction((tx) => issuePasswordReset(tx, user, "en")).then((r) => tokenOf(r.link));
const resetsOf = (userId: string) => db.passwordReset.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });

describe("password reset", () => {
  it("emails a one-time link (only its SHA-256 stored) that sets a new password once", async () => {
    const user = await account();
    expect(await requestPasswordReset(user.email.toUpperCase(), "fr", { clientIp: randomIp() })).toEqual({ ok: true });
    expect(await resetsOf(user.id)).toHaveLength(0); // the request only queued the look-up
    await runJobs(); // the look-up, then the email, as a server's worker runs them
    await runJobs();
    const mail = await sink.waitFor(user.email);
    expect(mail.subject).toBe("Réinitialiser votre mot de passe Clausewise");
    const link = (mail.text ?? "").match(/https?:\/\/\S+\/fr\/reset\/[A-Za-z0-9_-]{43}/)?.[0];
    expect(link).toBeTruthy();
    const token = tokenOf(link!);
    const [row] = await resetsOf(user.id);
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(row.tokenHash).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(60 * 60_000);
    expect(await findPasswordReset(token)).toEqual({ ok: true, email: user.email });

    expect(await resetPassword(token, { password: NEW }, { clientIp: randomIp() })).toEqual({
      ok: true,
      email: user.email,
    });
    expect(await verifyCredentials(user.email, NEW)).toMatchObject({ ok: true });
    expect(await verifyCredentials(user.email, OLD)).toMatchObject({ ok: false });
    // Single use: the page and the form both refuse it now, and the password stays.
    expect(await findPasswordReset(token)).toEqual({ ok: false, reason: "used" });
    expect(await resetPassword(token, { password: "someone else's password" }, { clientIp: randomIp() })).toEqual({
      ok: false,
      reason: "used",
    });
    expect(await verifyCredentials(user.email, NEW)).toMatchObject({ ok: true });
    expect(await db.adminEvent.count({ where: { action: "account.password_reset", target: user.email } })).toBe(1);
  });

  it("answers an unknown or deactivated address exactly as a known one, and stores and sends nothing for it", async () => {
    const known = await account();
    const deactivated = await account({ disabled: true });
    const unknown = `${uniqueSlug("nobody")}@example.org`;
    const answers = await Promise.all(
      [known.email, deactivated.email, unknown].map((e) => requestPasswordReset(e, "en", { clientIp: randomIp() })),
    );
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    await runJobs();
    await runJobs();
    await sink.waitFor(known.email);
    expect(await resetsOf(deactivated.id)).toHaveLength(0);
    expect(await resetsOf(known.id)).toHaveLength(1);
    const sentTo = sink.messages.flatMap((m) => m.to);
    expect(sentTo).not.toContain(deactivated.email);
    expect(sentTo).not.toContain(unknown);
  });

  it("expires after an hour: the page says so and the password stays", async () => {
    const user = await account();
    const token = await issue(user);
    setNow(new Date(Date.now() + 61 * 60_000));
    expect(await findPasswordReset(token)).toEqual({ ok: false, reason: "expired" });
    expect(await resetPassword(token, { password: NEW }, { clientIp: randomIp() })).toEqual({
      ok: false,
      reason: "expired",
    });
    setNow(null);
    expect(await verifyCredentials(user.email, OLD)).toMatchObject({ ok: true });
    expect(await findPasswordReset("x".repeat(43))).toEqual({ ok: false, reason: "unknown" });
    expect(await findPasswordReset("../../etc/passwd")).toEqual({ ok: false, reason: "unknown" });
  });

  it("ends every session of the account, makes its other links unusable, and lets one of two simultaneous uses through", async () => {
    const user = await account();
    const claims = { uid: user.id, sv: user.sessionVersion, sat: Date.now() };
    expect(await sessionAccount(claims)).toMatchObject({ id: user.id });
    const first = await issue(user);
    const second = await issue(user);
    const both = await Promise.all([
      resetPassword(first, { password: NEW }, { clientIp: randomIp() }),
      resetPassword(first, { password: "the other tab's password" }, { clientIp: randomIp() }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "used" }]);
    // The session signed in before the reset is no longer one.
    expect(await sessionAccount(claims)).toBeNull();
    // The older link of the account no longer works.
    expect(await findPasswordReset(second)).toEqual({ ok: false, reason: "used" });
    expect((await resetsOf(user.id)).every((r) => r.usedAt)).toBe(true);
  });

  it("refuses the 11th request and the 11th new password from one client address in 15 minutes; sends one address at most 3 links an hour, with the same answer", async () => {
    const ip = randomIp().replace("198.51.100", "192.0.2");
    for (let i = 0; i < 10; i++)
      expect(await requestPasswordReset(`${uniqueSlug("flood")}@example.org`, "en", { clientIp: ip })).toEqual({
        ok: true,
      });
    const refused = await requestPasswordReset(`${uniqueSlug("flood")}@example.org`, "en", { clientIp: ip });
    expect(refused).toMatchObject({ ok: false, reason: "rateLimited" });
    if (refused.ok) throw new Error("not limited");
    expect(refused.retryAfterSeconds).toBeGreaterThan(60);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);

    const hash = vi.fn((pw: string) => hashPassword(pw));
    const setIp = randomIp().replace("198.51.100", "203.0.113");
    for (let i = 0; i < 10; i++)
      expect(
        await resetPassword(
          `${"C".repeat(40)}${String(i).padStart(3, "0")}`,
          { password: NEW },
          { clientIp: setIp, hash },
        ),
      ).toEqual({
        ok: false,
        reason: "unknown",
      });
    const user = await account();
    const token = await issue(user);
    expect(await resetPassword(token, { password: NEW }, { clientIp: setIp, hash })).toMatchObject({
      ok: false,
      reason: "rateLimited",
    });
    expect(hash).not.toHaveBeenCalled();
    expect(await findPasswordReset(token)).toMatchObject({ ok: true }); // still there for its owner

    const target = await account();
    for (let i = 0; i < 5; i++)
      expect(await requestPasswordReset(target.email, "en", { clientIp: randomIp() })).toEqual({ ok: true });
    await runJobs();
    expect(await resetsOf(target.id)).toHaveLength(3);
  });

  it("lets an admin email an account a link (never shown to the admin), but not for their own or a deactivated account", async () => {
    const admin = await staff("admin");
    const user = await account();
    const sent = await sendPasswordReset(admin.id, user.id, "en");
    expect(sent).toMatchObject({ ok: true, emailed: true, email: user.email });
    expect(sent).not.toHaveProperty("link");
    await runJobs();
    const mail = await sink.waitFor(user.email);
    expect(mail.subject).toBe("Reset your Clausewise password");
    expect(mail.text).toMatch(/\/en\/reset\/[A-Za-z0-9_-]{43}/);
    expect(await db.adminEvent.count({ where: { actorId: admin.id, action: "account.reset_sent" } })).toBe(1);
    expect(await sendPasswordReset(admin.id, admin.id, "en")).toEqual({ ok: false, key: "self" });
    const off = await account({ disabled: true });
    expect(await sendPasswordReset(admin.id, off.id, "en")).toEqual({ ok: false, key: "deactivated" });
    expect(await sendPasswordReset(admin.id, "not-an-id", "en")).toEqual({ ok: false, key: "notFound" });
  });
});
