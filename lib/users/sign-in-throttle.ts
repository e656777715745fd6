// Five failed sign-ins for one email address within 15 minutes lock that
// address for 15 minutes. Counted per address, known or not, in the database
// (so every server process sees the same count).
import { db } from "@/lib/db";

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export async function lockedUntil(email: string, at: Date): Promise<Date | null> {
  const row = await db.signInThrottle.findUnique({ where: { email } });
  return row?.lockedUntil && row.lockedUntil > at ? row.lockedUntil : null;
}

/**
 * Counts an attempt before its password is checked, in one statement, so
 * parallel attempts cannot all slip under the limit. Returns how many
 * attempts the address has made in the window, this one included.
 */
export async function countAttempt(email: string, at: Date): Promise<number> {
  const windowFloor = new Date(at.getTime() - WINDOW_MS);
  // A new window starts when the last one is over, or when a lock has run out.
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO sign_in_throttle (email, failures, window_start) VALUES (${email}, 1, ${at})
    ON CONFLICT (email) DO UPDATE SET
      failures = CASE WHEN sign_in_throttle.window_start < ${windowFloor} OR sign_in_throttle.locked_until <= ${at}
        THEN 1 ELSE sign_in_throttle.failures + 1 END,
      window_start = CASE WHEN sign_in_throttle.window_start < ${windowFloor} OR sign_in_throttle.locked_until <= ${at}
        THEN ${at} ELSE sign_in_throttle.window_start END,
      locked_until = CASE WHEN sign_in_throttle.locked_until <= ${at} THEN NULL ELSE sign_in_throttle.locked_until END
    RETURNING failures`;
  return Number(rows[0].failures);
}

/** Locks the address for LOCK_MS from `at` (the count stays, so a burst stays refused). */
export async function lock(email: string, at: Date): Promise<Date> {
  const until = new Date(at.getTime() + LOCK_MS);
  await db.signInThrottle.update({ where: { email }, data: { lockedUntil: until } });
  return until;
}

export async function clearFailures(email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { email } });
}
