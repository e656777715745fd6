// Admins see which accounts are locked by failed sign-ins (sign-in-throttle.ts)
// and can unlock them: every client address's lock on that email address and
// its ceiling are cleared, and the unlock is in the admin audit log.
import { db } from "@/lib/db";
import { logAdminEvent } from "./admin-event";
import { defaultSignInThrottle, type TSignInLockState, type TSignInThrottle } from "./sign-in-throttle";

export type { TSignInLockState };

/** The accounts among `emails` that are locked now, by email address. */
export async function listSignInLocks(
  emails: string[],
  throttle: TSignInThrottle = defaultSignInThrottle(),
): Promise<Map<string, TSignInLockState>> {
  return emails.length ? throttle.status(emails) : new Map();
}

export type TUnlockSignIn = { ok: true; email: string } | { ok: false; key: "notFound" };

export async function unlockSignIn(
  actorId: string,
  userId: string,
  throttle: TSignInThrottle = defaultSignInThrottle(),
): Promise<TUnlockSignIn> {
  if (!/^[0-9a-f-]{36}$/.test(userId)) return { ok: false, key: "notFound" };
  const user = await db.appUser.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) return { ok: false, key: "notFound" };
  const before = (await throttle.status([user.email])).get(user.email);
  await throttle.unlock(user.email);
  const detail = before
    ? `sign-in unlocked: ${before.failures} failures, ${before.lockedAddresses} client addresses locked${before.ceilingReached ? ", ceiling reached" : ""}`
    : "sign-in unlocked (was not locked)";
  await logAdminEvent(actorId, "account.unlock", user.email, detail);
  return { ok: true, email: user.email };
}
