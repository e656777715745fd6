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

/** Counts a failure; returns when the address is locked until, if this failure locked it. */
export async function recordFailure(email: string, at: Date): Promise<Date | null> {
  const windowFloor = new Date(at.getTime() - WINDOW_MS);
  const until = new Date(at.getTime() + LOCK_MS);
  const rows = await db.$queryRaw<{ locked_until: Date | null }[]>`
    INSERT INTO sign_in_throttle (email, failures, window_start) VALUES (${email}, 1, ${at})
    ON CONFLICT (email) DO UPDATE SET
      failures = CASE WHEN sign_in_throttle.window_start < ${windowFloor} THEN 1 ELSE sign_in_throttle.failures + 1 END,
      window_start = CASE WHEN sign_in_throttle.window_start < ${windowFloor} THEN ${at} ELSE sign_in_throttle.window_start END
    RETURNING failures, locked_until`;
  const failures = Number((rows[0] as unknown as { failures: number }).failures);
  if (failures < MAX_FAILURES) return null;
  await db.signInThrottle.update({ where: { email }, data: { lockedUntil: until, failures: 0, windowStart: at } });
  return until;
}

export async function clearFailures(email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { email } });
}
