// A password reset link for one account: a one-time token (only its SHA-256 is stored), valid an hour. The
// email goes through the job queue (lib/jobs/), added in the transaction that stores the token: retried with
// backoff, never sent for a link already used or expired. The link is never logged: it opens the account.
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { now } from "@/lib/clock";
import { deliverMail, mailConfigured, type TMail } from "@/lib/mail/send-mail";
import { addJob } from "@/lib/jobs/add-job";
import { TASKS } from "@/lib/jobs/job-names";
import { translator } from "@/lib/i18n/translator";
import type { TLocale } from "@/lib/i18n/routing";
import { hashToken, newToken } from "@/lib/security/token";

export const RESET_MINUTES = 60;

export type TIssuedReset = { link: string; emailed: boolean; expiresAt: Date };

/**
 * Stores a new reset token for the account and, when SMTP is configured, queues its email (on `tx`, so both
 * commit together). Returns the link: only an admin's page without SMTP shows it.
 */
export async function issuePasswordReset(
  tx: Prisma.TransactionClient,
  user: { id: string; email: string; name: string },
  locale: TLocale,
): Promise<TIssuedReset> {
  const token = newToken();
  const at = now();
  const expiresAt = new Date(at.getTime() + RESET_MINUTES * 60_000);
  const link = `${appUrl()}/${locale}/reset/${token}`;
  const { id } = await tx.passwordReset.create({
    data: { userId: user.id, tokenHash: hashToken(token), createdAt: at, expiresAt },
    select: { id: true },
  });
  const emailed = mailConfigured();
  if (emailed) {
    const t = translator(locale, "reset");
    const mail: TMail = {
      to: user.email,
      subject: t("mailSubject"),
      text: t("mailBody", { name: user.name, link, minutes: RESET_MINUTES }),
    };
    await addJob(tx, TASKS.sendPasswordReset, { resetId: id, ...mail } satisfies TResetMail);
  }
  return { link, emailed, expiresAt };
}

export type TResetMail = TMail & { resetId: string };

/** The task: emails a reset link still pending (not used, not expired). Throws when the mail server refuses. */
export async function sendPasswordResetMail({ resetId, ...mail }: TResetMail): Promise<void> {
  const pending = await db.passwordReset.count({ where: { id: resetId, usedAt: null, expiresAt: { gt: now() } } });
  if (pending) await deliverMail(mail);
}
