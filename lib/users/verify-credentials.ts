import { db } from "@/lib/db";
import { burnPasswordCheck, verifyPassword } from "./password";
import { defaultSignInThrottle, type TSignInThrottle } from "./sign-in-throttle";
import { warnOwner } from "./sign-in-warning";

export type TRole = "admin" | "moderator" | "delegate";
export type TVerified =
  | { ok: true; user: { id: string; email: string; name: string; role: TRole; sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; until: Date };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const lockedFor = (seconds: number): TVerified => ({
  ok: false,
  reason: "locked",
  until: new Date(Date.now() + seconds * 1000),
});

/** Checks an email and password, counting attempts per email and client address (sign-in-throttle.ts) and honouring the locks. */
export async function verifyCredentials(
  rawEmail: unknown,
  password: unknown,
  opts: { clientIp?: string; throttle?: TSignInThrottle } = {},
): Promise<TVerified> {
  if (typeof rawEmail !== "string" || typeof password !== "string" || rawEmail.length > 254 || password.length > 1000) {
    return { ok: false, reason: "invalid" };
  }
  const email = normaliseEmail(rawEmail);
  const clientIp = opts.clientIp ?? "unknown";
  const throttle = opts.throttle ?? defaultSignInThrottle();
  // The attempt is counted before the password is checked: a burst of parallel
  // guesses gets MAX_FAILURES checks, not one each.
  const attempt = await throttle.attempt(email, clientIp);
  if (!attempt.ok) return lockedFor(attempt.retryAfterSeconds);

  const user = await db.appUser.findUnique({ where: { email } });
  const good =
    user && !user.disabledAt
      ? await verifyPassword(user.passwordHash, password)
      : (await burnPasswordCheck(password), false);
  if (!good || !user) {
    if (!attempt.last && !attempt.lastForEmail) return { ok: false, reason: "invalid" };
    // The owner of a real, active account is told (once per attack, only when SMTP is set), without holding the answer up.
    if (user && !user.disabledAt)
      void warnOwner(user, throttle).catch((e) => console.error(`[sign-in] warning not sent: ${(e as Error).message}`));
    if (!attempt.last) return { ok: false, reason: "invalid" };
    return lockedFor(await throttle.lock(email, clientIp));
  }
  await throttle.succeeded(email, clientIp);
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  };
}
