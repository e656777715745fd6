// Admins manage accounts: change a role (or a delegate's part), deactivate or
// reactivate. Nobody changes their own account here (no admin locks the last
// door behind them). Every change is in the admin audit log, and ends every
// session of the account (it signs in again with what it may now do).
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { logAdminEvent } from "./admin-event";
import { ENDS_SESSIONS } from "./session";

export type TAccountChange = {
  role?: "admin" | "moderator";
  delegationRole?: "drafter" | "approver";
  active?: boolean;
};
export type TUpdateAccount = { ok: true; changed: string[] } | { ok: false; key: "self" | "notFound" | "invalid" };

export async function updateAccount(actorId: string, userId: string, change: TAccountChange): Promise<TUpdateAccount> {
  if (actorId === userId) return { ok: false, key: "self" };
  if (!/^[0-9a-f-]{36}$/.test(userId)) return { ok: false, key: "notFound" };
  return db.$transaction(async (tx) => {
    const u = await tx.appUser.findUnique({
      where: { id: userId },
      select: { email: true, role: true, delegationRole: true, disabledAt: true },
    });
    if (!u) return { ok: false, key: "notFound" } as const;
    const changed: string[] = [];
    const data: Record<string, unknown> = {};
    if (change.role && u.role !== "delegate" && change.role !== u.role) {
      data.role = change.role;
      changed.push(`role ${u.role} → ${change.role}`);
    }
    if (change.delegationRole && u.role === "delegate" && change.delegationRole !== u.delegationRole) {
      data.delegationRole = change.delegationRole;
      changed.push(`part ${u.delegationRole} → ${change.delegationRole}`);
    }
    if (change.active !== undefined && change.active === !!u.disabledAt) {
      data.disabledAt = change.active ? null : now();
      changed.push(change.active ? "reactivated" : "deactivated");
    }
    if (!changed.length) return { ok: true, changed } as const;
    await tx.appUser.update({ where: { id: userId }, data: { ...data, ...ENDS_SESSIONS } });
    await logAdminEvent(actorId, "account.update", u.email, changed.join("; "), tx);
    return { ok: true, changed } as const;
  });
}
