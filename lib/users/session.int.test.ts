import { afterEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { decode, encode } from "next-auth/jwt";
import { handlers } from "@/lib/auth";
import { db } from "@/lib/db";
import { setNow } from "@/lib/clock";
import { delegate, staff, uniqueSlug } from "@/test/db-fixtures";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { ZInvitation } from "@/lib/invitations/schema";
import { createUser } from "./create-user";
import { updateAccount } from "./manage-users";
import { verifyCredentials } from "./verify-credentials";
import {
  SESSION_ABSOLUTE_SECONDS,
  SESSION_IDLE_SECONDS,
  endSession,
  sessionAccount,
  sessionSecondsLeft,
} from "./session";

afterEach(() => setNow(null));

const HOUR = 3_600_000;
const versionOf = async (id: string) =>
  (await db.appUser.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;
/** The claims a JWT issued now would carry for this account. */
const claimsOf = async (id: string, signedInAt = Date.now()) => ({ uid: id, sv: await versionOf(id), sat: signedInAt });

describe("staff sessions", () => {
  it("end 12 hours after sign-in however active they were, and a refresh never extends them past that", async () => {
    const mod = await staff("moderator");
    const signedInAt = Date.UTC(2026, 0, 5, 8, 0, 0);
    const claims = await claimsOf(mod.id, signedInAt);
    setNow(new Date(signedInAt + 11 * HOUR + 59 * 60_000));
    expect(await sessionAccount(claims)).toMatchObject({ id: mod.id, role: "moderator" });
    // The sliding refresh: an hour of idleness, but not past the 12 hours.
    expect(sessionSecondsLeft(signedInAt)).toBe(60);
    setNow(new Date(signedInAt + 2 * HOUR));
    expect(sessionSecondsLeft(signedInAt)).toBe(SESSION_IDLE_SECONDS);
    setNow(new Date(signedInAt + SESSION_ABSOLUTE_SECONDS * 1000));
    expect(sessionSecondsLeft(signedInAt)).toBeLessThanOrEqual(0);
    expect(await sessionAccount(claims)).toBeNull();
    // A token without a sign-in time (issued before this rule) is no session either.
    setNow(null);
    expect(await sessionAccount({ uid: mod.id, sv: claims.sv })).toBeNull();
    expect(await sessionAccount({ ...claims, sat: Date.now() })).toMatchObject({ id: mod.id });
  });

  it("Auth.js refuses a JWT 12 hours after sign-in, and its refresh (as the proxy's on staff pages) never re-issues one past that", async () => {
    // The session endpoint runs the same jwt callback and encoder as every auth() call.
    const salt = "authjs.session-token";
    const secret = process.env.AUTH_SECRET ?? "";
    const refresh = async (claims: Record<string, unknown>) => {
      const jwt = await encode({
        token: { name: "Test", email: "t@example.org", uid: crypto.randomUUID(), sv: 0, ...claims },
        secret,
        salt,
        maxAge: SESSION_IDLE_SECONDS,
      });
      const res = await handlers.GET(
        new NextRequest("http://localhost:3000/api/auth/session", { headers: { cookie: `${salt}=${jwt}` } }),
      );
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${salt}=`)) ?? "";
      return { body: await res.json(), token: cookie.slice(salt.length + 1).split(";")[0] };
    };
    const signedInAt = Date.now() - SESSION_ABSOLUTE_SECONDS * 1000 + 120_000; // two minutes left
    const alive = await refresh({ sat: signedInAt });
    expect(alive.body).toMatchObject({ user: { email: "t@example.org" }, sat: signedInAt });
    const reissued = await decode({ token: alive.token, secret, salt });
    expect(reissued?.exp).toBeGreaterThan(Date.now() / 1000 + 60);
    expect((reissued?.exp ?? Infinity) * 1000).toBeLessThanOrEqual(signedInAt + SESSION_ABSOLUTE_SECONDS * 1000 + 1000);

    for (const claims of [{ sat: Date.now() - SESSION_ABSOLUTE_SECONDS * 1000 - 1000 }, {}]) {
      const over = await refresh(claims);
      expect(over.body).toBeNull();
      expect(over.token).toBe(""); // the cookie is cleared
    }
  });

  it("a role change, a delegation change and deactivation end every session of the account", async () => {
    const admin = await staff("admin");
    const mod = await staff("moderator");
    const before = await claimsOf(mod.id);
    expect(await updateAccount(admin.id, mod.id, { role: "admin" })).toMatchObject({ ok: true });
    expect(await sessionAccount(before)).toBeNull();
    const asAdmin = await claimsOf(mod.id);
    expect(await sessionAccount(asAdmin)).toMatchObject({ role: "admin" });
    // Nothing changed: sessions stay.
    expect(await updateAccount(admin.id, mod.id, { role: "admin", active: true })).toEqual({ ok: true, changed: [] });
    expect(await sessionAccount(asAdmin)).toMatchObject({ role: "admin" });
    // Deactivated, then reactivated: the old session does not come back.
    expect(await updateAccount(admin.id, mod.id, { active: false })).toMatchObject({ ok: true });
    expect(await updateAccount(admin.id, mod.id, { active: true })).toMatchObject({ ok: true });
    expect(await sessionAccount(asAdmin)).toBeNull();

    const drafter = await delegate("FR", "drafter");
    const delegateSession = await claimsOf(drafter.id);
    expect(await sessionAccount(delegateSession)).toMatchObject({ delegationRole: "drafter" });
    expect(await updateAccount(admin.id, drafter.id, { delegationRole: "approver" })).toMatchObject({ ok: true });
    expect(await sessionAccount(delegateSession)).toBeNull();
  });

  it("a new password (user:create, or an invitation accepted for a disabled account) ends every session", async () => {
    const email = `${uniqueSlug("pw")}@example.org`;
    const user = await createUser({ email, name: "Pat", role: "moderator", password: "a first long password" });
    const first = await claimsOf(user.id);
    expect(await sessionAccount(first)).toMatchObject({ email });
    await createUser({ email, name: "Pat", role: "moderator", password: "a second long password" });
    expect(await sessionAccount(first)).toBeNull();

    const admin = await staff("admin");
    const second = await claimsOf(user.id);
    expect(await updateAccount(admin.id, user.id, { active: false })).toMatchObject({ ok: true });
    const invited = await createInvitation(admin, ZInvitation.parse({ email, name: "Pat", role: "moderator" }), "en");
    expect(invited.ok).toBe(true);
    const token = invited.ok ? invited.link.split("/invitation/")[1] : "";
    const versionBefore = await versionOf(user.id);
    expect(await acceptInvitation(token, { name: "Pat again", password: "a third long password" })).toMatchObject({
      ok: true,
    });
    expect(await versionOf(user.id)).toBeGreaterThan(versionBefore);
    expect(await sessionAccount(second)).toBeNull();
    expect(await sessionAccount(await claimsOf(user.id))).toMatchObject({ name: "Pat again" });
  });

  it("signing out ends every session of the account; a session already ended cannot sign the others out", async () => {
    const email = `${uniqueSlug("so")}@example.org`;
    await createUser({ email, name: "Sam", role: "moderator", password: "a long enough password" });
    const signedIn = await verifyCredentials(email, "a long enough password");
    if (!signedIn.ok) throw new Error("sign-in failed");
    // The version a JWT gets at sign-in comes with the password check.
    const laptop = { uid: signedIn.user.id, sv: signedIn.user.sessionVersion, sat: Date.now() };
    const phone = { ...laptop, sat: Date.now() + 1 };
    expect(await sessionAccount(phone)).toMatchObject({ email });
    await endSession(laptop);
    expect(await sessionAccount(laptop)).toBeNull();
    expect(await sessionAccount(phone)).toBeNull();
    const fresh = await claimsOf(signedIn.user.id);
    await endSession(laptop); // a copied cookie of the ended session, signed out again
    expect(await sessionAccount(fresh)).toMatchObject({ email });
    await endSession({ uid: "not-a-uuid", sv: 0 });
  });
});
