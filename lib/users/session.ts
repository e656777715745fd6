// What makes a staff session (an Auth.js JWT, lib/auth.ts) a session. The JWT
// carries the account's id, its session version at sign-in and the sign-in
// time. A session is valid while the account is active, its version is still
// the account's (sign-out, a role, delegation or password change and
// deactivation increment it: every earlier session of the account ends at
// once), and it is less than SESSION_ABSOLUTE_SECONDS old, however active.
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import type { TRole } from "./verify-credentials";

/** A session ends after an hour without a request… */
export const SESSION_IDLE_SECONDS = 60 * 60;
/** …and 12 hours after sign-in in any case. */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;

/** What the JWT carries: account id, session version, sign-in time (ms since the epoch). */
export type TSessionClaims = { uid?: unknown; sv?: unknown; sat?: unknown };

export type TCurrentUser = {
  id: string;
  email: string;
  name: string;
  role: TRole;
  /** Delegates: the country they answer for, and whether they may submit (approver) or only draft. */
  country: string | null;
  delegationRole: "drafter" | "approver" | null;
};

const UUID = /^[0-9a-f-]{36}$/;

/**
 * Seconds the session may still live from now: an hour, but never past the
 * 12 hours after sign-in (zero or less: it is over). The sliding refresh
 * re-issues the JWT with this lifetime.
 */
export function sessionSecondsLeft(signedInAt: number, at: Date = now()): number {
  return Math.min(
    SESSION_IDLE_SECONDS,
    Math.floor((signedInAt + SESSION_ABSOLUTE_SECONDS * 1000 - at.getTime()) / 1000),
  );
}

/** Whether the sign-in time is known and less than 12 hours ago. */
export function withinLifetime(signedInAt: unknown, at: Date = now()): signedInAt is number {
  return typeof signedInAt === "number" && Number.isFinite(signedInAt) && sessionSecondsLeft(signedInAt, at) > 0;
}

/** The account of a session as the database has it now, or null when the session is no longer one. */
export async function sessionAccount(claims: TSessionClaims): Promise<TCurrentUser | null> {
  const { uid, sv, sat } = claims;
  if (typeof uid !== "string" || !UUID.test(uid) || typeof sv !== "number" || !withinLifetime(sat)) return null;
  const user = await db.appUser.findUnique({
    where: { id: uid },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      country: true,
      delegationRole: true,
      sessionVersion: true,
    },
  });
  if (!user || user.disabledAt || user.sessionVersion !== sv) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    country: user.country,
    delegationRole: user.delegationRole,
  };
}

/**
 * Sign-out: ends every session of the account. Only a session that is still
 * current may do so, so an old copied cookie cannot keep signing its owner out.
 */
export async function endSession(claims: TSessionClaims): Promise<void> {
  const { uid, sv } = claims;
  if (typeof uid !== "string" || !UUID.test(uid) || typeof sv !== "number") return;
  await db.appUser.updateMany({ where: { id: uid, sessionVersion: sv }, data: { sessionVersion: { increment: 1 } } });
}

/** Prisma update data that ends every session of the account (with a change of role, delegation, password or access). */
export const ENDS_SESSIONS = { sessionVersion: { increment: 1 } } as const;
