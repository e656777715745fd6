// An admin sends an account a password reset link from the accounts page. With SMTP it is emailed and never
// shown (the admin cannot sign in as someone else with it); without SMTP it is returned, shown once to the admin,
// who passes it on (as invitations work without email). Not for one's own account (use "Forgot your password?")
// or a deactivated one (reactivate it first). Logged in the admin log, without the link.
import { db } from "@/lib/db";
import type { TLocale } from "@/lib/i18n/routing";
import { logAdminEvent } from "@/lib/users/admin-event";
import { issuePasswordReset } from "./issue-password-reset";

export type TSendReset =
  | { ok: true; email: string; emailed: true; expiresAt: Date }
  | { ok: true; email: string; emailed: false; link: string; expiresAt: Date }
  | { ok: false; key: "self" | "notFound" | "deactivated" };

export async function sendPasswordReset(actorId: string, userId: string, locale: TLocale): Promise<TSendReset> {
  if (actorId === userId) return { ok: false, key: "self" };
  if (!/^[0-9a-f-]{36}$/.test(userId)) return { ok: false, key: "notFound" };
  return db.$transaction(async (tx) => {
    const user = await tx.appUser.findUnique({
      where: { id: userId },
      select: { id: true, email: true, name: true, disabledAt: true },
    });
    if (!user) return { ok: false, key: "notFound" } as const;
    if (user.disabledAt) return { ok: false, key: "deactivated" } as const;
    const issued = await issuePasswordReset(tx, user, locale);
    await logAdminEvent(
      actorId,
      "account.reset_sent",
      user.email,
      issued.emailed ? "emailed" : "shown to the admin",
      tx,
    );
    return issued.emailed
      ? ({ ok: true, email: user.email, emailed: true, expiresAt: issued.expiresAt } as const)
      : ({ ok: true, email: user.email, emailed: false, link: issued.link, expiresAt: issued.expiresAt } as const);
  });
}
