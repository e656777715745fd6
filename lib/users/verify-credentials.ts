import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { burnPasswordCheck, verifyPassword } from "./password";
import { clearFailures, countAttempt, lock, lockedUntil, MAX_FAILURES } from "./sign-in-throttle";

export type TRole = "admin" | "moderator" | "delegate";
export type TVerified =
  | { ok: true; user: { id: string; email: string; name: string; role: TRole } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; until: Date };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Checks an email and password, counting failures and honouring the lock. */
export async function verifyCredentials(rawEmail: unknown, password: unknown): Promise<TVerified> {
  if (typeof rawEmail !== "string" || typeof password !== "string" || rawEmail.length > 254 || password.length > 1000) {
    return { ok: false, reason: "invalid" };
  }
  const email = normaliseEmail(rawEmail);
  const at = now();
  const locked = await lockedUntil(email, at);
  if (locked) return { ok: false, reason: "locked", until: locked };

  // The attempt is counted before the password is checked: a burst of parallel
  // guesses gets MAX_FAILURES checks, not one each.
  const attempts = await countAttempt(email, at);
  if (attempts > MAX_FAILURES) return { ok: false, reason: "locked", until: await lock(email, at) };

  const user = await db.appUser.findUnique({ where: { email } });
  const good = user && !user.disabledAt ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!good || !user) {
    if (attempts >= MAX_FAILURES) return { ok: false, reason: "locked", until: await lock(email, at) };
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(email);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
