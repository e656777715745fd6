// The invited person sets a password: the invitation is used once, inside one
// transaction with the new account, so two tabs cannot both use it.
// The page is public, so each attempt is counted per client address first
// (INVITATION_RATE_LIMIT_PER_ADDRESS in 15 minutes), and the password is hashed
// (argon2id: 19 MiB, tens of milliseconds) only for a token that is valid.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { now } from "@/lib/clock";
import { consume, sharedLimiter } from "@/lib/http/shared-limiter";
import { hashPassword } from "@/lib/users/password";
import { hashToken, isToken } from "@/lib/security/token";
import { ENDS_SESSIONS } from "@/lib/users/session";

export type TInvitationView = {
  email: string;
  name: string;
  role: "admin" | "moderator" | "delegate";
  country: string | null;
  delegationRole: "drafter" | "approver" | null;
};
export type TInvitationLookup =
  { ok: true; invitation: TInvitationView } | { ok: false; reason: "unknown" | "expired" | "used" };

export async function findInvitation(token: unknown): Promise<TInvitationLookup> {
  if (!isToken(token)) return { ok: false, reason: "unknown" };
  const inv = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!inv) return { ok: false, reason: "unknown" };
  if (inv.acceptedAt) return { ok: false, reason: "used" };
  if (inv.expiresAt <= now()) return { ok: false, reason: "expired" };
  return {
    ok: true,
    invitation: {
      email: inv.email,
      name: inv.name,
      role: inv.role,
      country: inv.country,
      delegationRole: inv.delegationRole,
    },
  };
}

export type TAcceptResult =
  | { ok: true; email: string; role: TInvitationView["role"] }
  | { ok: false; reason: "unknown" | "expired" | "used" | "accountExists" }
  | { ok: false; reason: "rateLimited"; retryAfterSeconds: number };

export const INVITATION_LIMIT_WINDOW_SECONDS = 15 * 60;

export async function acceptInvitation(
  token: unknown,
  input: { name: string; password: string },
  opts: { clientIp?: string; hash?: (password: string) => Promise<string> } = {},
): Promise<TAcceptResult> {
  const perAddress = env().INVITATION_RATE_LIMIT_PER_ADDRESS;
  if (perAddress > 0) {
    const limit = await consume(
      sharedLimiter("invitation-ip", perAddress, INVITATION_LIMIT_WINDOW_SECONDS),
      opts.clientIp ?? "unknown",
    );
    if (!limit.ok) return { ok: false, reason: "rateLimited", retryAfterSeconds: limit.retryAfterSeconds };
  }
  // Checked without a lock first, so a wrong token costs one indexed read and no hashing;
  // checked again under the row lock below, after the hash, for two tabs racing.
  const found = await findInvitation(token);
  if (!found.ok || !isToken(token)) return { ok: false, reason: found.ok ? "unknown" : found.reason };
  const passwordHash = await (opts.hash ?? hashPassword)(input.password);
  return db.$transaction(async (tx) => {
    const [inv] = await tx.$queryRaw<
      {
        id: string;
        email: string;
        role: TInvitationView["role"];
        country: string | null;
        delegation_role: "drafter" | "approver" | null;
        expires_at: Date;
        accepted_at: Date | null;
      }[]
    >`
      SELECT id, email, role, country, delegation_role, expires_at, accepted_at FROM invitation WHERE token_hash = ${hashToken(token)} FOR UPDATE`;
    if (!inv) return { ok: false, reason: "unknown" } as const;
    if (inv.accepted_at) return { ok: false, reason: "used" } as const;
    if (inv.expires_at <= now()) return { ok: false, reason: "expired" } as const;
    const existing = await tx.appUser.findUnique({
      where: { email: inv.email },
      select: { id: true, disabledAt: true },
    });
    if (existing && !existing.disabledAt) return { ok: false, reason: "accountExists" } as const;
    const fields = {
      name: input.name,
      passwordHash,
      role: inv.role,
      country: inv.country,
      delegationRole: inv.delegation_role,
      disabledAt: null,
    };
    const user = existing
      ? await tx.appUser.update({
          where: { id: existing.id },
          data: { ...fields, ...ENDS_SESSIONS },
          select: { id: true },
        })
      : await tx.appUser.create({ data: { email: inv.email, ...fields }, select: { id: true } });
    await tx.invitation.update({ where: { id: inv.id }, data: { acceptedAt: now(), userId: user.id } });
    return { ok: true, email: inv.email, role: inv.role } as const;
  });
}
