// The link's page: a new password for the account. The token is used up by one UPDATE that accepts it only
// while it is unused and unexpired (two tabs, or a replayed form, cannot both use it), in the transaction that
// sets the password, increments the session version (every session of the account ends, on every server) and
// marks the account's other pending links used. The page is public, so each attempt is counted per client
// address first, and the password is hashed (argon2id) only for a token that is valid.
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { hashPassword } from "@/lib/users/password";
import { hashToken, isToken } from "@/lib/security/token";
import { ENDS_SESSIONS } from "@/lib/users/session";
import { logAdminEvent } from "@/lib/users/admin-event";
import { consumeResetAttempt } from "./request-password-reset";

export type TResetRefusal = "unknown" | "expired" | "used";
export type TResetLookup = { ok: true; email: string } | { ok: false; reason: TResetRefusal };

/** What the link's page shows: the account's address, or why the link no longer works. */
export async function findPasswordReset(token: unknown): Promise<TResetLookup> {
  if (!isToken(token)) return { ok: false, reason: "unknown" };
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { expiresAt: true, usedAt: true, user: { select: { email: true, disabledAt: true } } },
  });
  if (!reset || reset.user.disabledAt) return { ok: false, reason: "unknown" };
  if (reset.usedAt) return { ok: false, reason: "used" };
  if (reset.expiresAt <= now()) return { ok: false, reason: "expired" };
  return { ok: true, email: reset.user.email };
}

export type TResetResult =
  | { ok: true; email: string }
  | { ok: false; reason: TResetRefusal }
  | { ok: false; reason: "rateLimited"; retryAfterSeconds: number };

export async function resetPassword(
  token: unknown,
  input: { password: string },
  opts: { clientIp?: string; hash?: (password: string) => Promise<string> } = {},
): Promise<TResetResult> {
  const limit = await consumeResetAttempt("set", opts.clientIp);
  if (!limit.ok) return { ok: false, reason: "rateLimited", retryAfterSeconds: limit.retryAfterSeconds };
  const found = await findPasswordReset(token);
  if (!found.ok || !isToken(token)) return { ok: false, reason: found.ok ? "unknown" : found.reason };
  const passwordHash = await (opts.hash ?? hashPassword)(input.password);
  const done = await db.$transaction(async (tx) => {
    const at = now();
    const [used] = await tx.$queryRaw<{ id: string; user_id: string }[]>`
      UPDATE password_reset SET used_at = ${at}
      WHERE token_hash = ${hashToken(token)} AND used_at IS NULL AND expires_at > ${at}
      RETURNING id, user_id`;
    if (!used) return null;
    const changed = await tx.appUser.updateMany({
      where: { id: used.user_id, disabledAt: null },
      data: { passwordHash, ...ENDS_SESSIONS },
    });
    if (!changed.count) return null;
    await tx.passwordReset.updateMany({ where: { userId: used.user_id, usedAt: null }, data: { usedAt: at } });
    const user = await tx.appUser.findUniqueOrThrow({ where: { id: used.user_id }, select: { email: true } });
    await logAdminEvent(used.user_id, "account.password_reset", user.email, null, tx);
    return user.email;
  });
  if (done) return { ok: true, email: done };
  // Used, expired or deactivated between the first look and the update: say which, as the page would.
  const again = await findPasswordReset(token);
  return { ok: false, reason: again.ok ? "used" : again.reason };
}
