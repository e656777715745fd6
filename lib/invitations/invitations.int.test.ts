import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setNow } from "@/lib/clock";
import { mailSink } from "@/test/mail-sink";
import { runJobs } from "@/test/run-jobs";
import { staff, uniqueSlug } from "@/test/db-fixtures";
import { verifyCredentials } from "@/lib/users/verify-credentials";
import { createInvitation } from "./create-invitation";
import { acceptInvitation, findInvitation } from "./accept-invitation";
import { ZInvitation } from "./schema";

// Before anything reads the environment: this file's app sends mail to the sink.
const sink = await mailSink();
process.env.SMTP_URL = sink.url;
afterAll(() => sink.stop());

const tokenOf = (link: string) => link.split("/invitation/")[1];

describe("invitations", () => {
  it("emails a one-time link; the delegate sets a password once and gets the country and part invited for", async () => {
    const admin = await staff("admin");
    const email = `${uniqueSlug("inv")}@Example.org`;
    const input = ZInvitation.parse({
      email,
      name: "Ana Delegate",
      role: "delegate",
      country: "FR",
      delegationRole: "approver",
    });
    const r = await createInvitation(admin, input, "fr");
    expect(r).toMatchObject({
      ok: true,
      emailed: true,
      link: expect.stringMatching(/\/fr\/invitation\/[A-Za-z0-9_-]{43}$/),
    });
    await runJobs(); // the invitation's email, as a server's worker sends it
    const mail = await sink.waitFor(email);
    expect(mail.subject).toBe("Votre invitation à Clausewise");
    expect(mail.text).toContain(r.ok ? r.link : "?");
    expect(mail.text).toContain("membre de la délégation de France (approbateur)");
    // Only the hash is stored.
    const token = tokenOf(r.ok ? r.link : "");
    const row = await db.invitation.findFirstOrThrow({ where: { email: email.toLowerCase() } });
    expect(row.tokenHash).not.toContain(token);
    expect(await findInvitation(token)).toMatchObject({
      ok: true,
      invitation: { role: "delegate", country: "FR", delegationRole: "approver" },
    });

    expect(await acceptInvitation(token, { name: "Ana D.", password: "a long enough password" })).toEqual({
      ok: true,
      email: email.toLowerCase(),
      role: "delegate",
    });
    expect(await acceptInvitation(token, { name: "Mallory", password: "another long password" })).toEqual({
      ok: false,
      reason: "used",
    });
    const user = await db.appUser.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(user).toMatchObject({ name: "Ana D.", role: "delegate", country: "FR", delegationRole: "approver" });
    expect(await verifyCredentials(email, "a long enough password")).toMatchObject({ ok: true });
    expect(await createInvitation(admin, input, "en")).toEqual({ ok: false, reason: "accountExists" });
  });

  it("expires after seven days, refuses unknown tokens, and lets only one of two simultaneous acceptances through", async () => {
    const admin = await staff("admin");
    const input = ZInvitation.parse({ email: `${uniqueSlug("inv")}@example.org`, name: "Moe", role: "moderator" });
    const r = await createInvitation(admin, input, "en");
    const token = tokenOf(r.ok ? r.link : "");
    expect(await findInvitation("x".repeat(43))).toEqual({ ok: false, reason: "unknown" });
    expect(await findInvitation("../../etc")).toEqual({ ok: false, reason: "unknown" });
    setNow(new Date(Date.now() + 8 * 86_400_000));
    expect(await findInvitation(token)).toEqual({ ok: false, reason: "expired" });
    setNow(null);
    const both = await Promise.all([
      acceptInvitation(token, { name: "Moe", password: "a long enough password" }),
      acceptInvitation(token, { name: "Moe", password: "a long enough password" }),
    ]);
    expect(both.filter((x) => x.ok)).toHaveLength(1);
  });

  it("asks a delegate's country and part, and nothing of other roles", () => {
    const bad = ZInvitation.safeParse({ email: "not-an-email", name: " ", role: "delegate", country: "XX" });
    expect(bad.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`).sort()).toEqual(
      [
        "country:countryRequired",
        "delegationRole:delegationRoleRequired",
        "email:emailInvalid",
        "name:nameRequired",
      ].sort(),
    );
    expect(
      ZInvitation.parse({ email: "a@b.org", name: "A", role: "admin", country: "FR", delegationRole: "drafter" }),
    ).toMatchObject({ country: null, delegationRole: null });
  });
});
