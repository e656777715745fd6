// An admin invites someone: a one-time link (7 days) to set a password. The
// link is emailed when SMTP is configured (a job on the queue, lib/jobs/, added
// with the invitation: retried with backoff, kept as failed for the admin's Jobs
// page); it is always returned to the admin (shown once on their page), so an
// invitation works without email too. The link is never logged: it can create
// an admin account.
import { db } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { now } from "@/lib/clock";
import { deliverMail, mailConfigured, type TMail } from "@/lib/mail/send-mail";
import { addJob } from "@/lib/jobs/add-job";
import { TASKS } from "@/lib/jobs/job-names";
import { translator } from "@/lib/i18n/translator";
import { countryName } from "@/lib/countries/list-countries";
import type { TLocale } from "@/lib/i18n/routing";
import { hashToken, newToken } from "@/lib/security/token";
import { logAdminEvent } from "@/lib/users/admin-event";
import type { TInvitationInput } from "./schema";

export const INVITATION_DAYS = 7;

export type TCreateInvitation =
  { ok: true; link: string; emailed: boolean; expiresAt: Date } | { ok: false; reason: "accountExists" };

export async function createInvitation(
  inviter: { id: string; name: string },
  input: TInvitationInput,
  locale: TLocale,
): Promise<TCreateInvitation> {
  const existing = await db.appUser.findUnique({ where: { email: input.email }, select: { disabledAt: true } });
  if (existing && !existing.disabledAt) return { ok: false, reason: "accountExists" };
  const token = newToken();
  const at = now();
  const expiresAt = new Date(at.getTime() + INVITATION_DAYS * 86_400_000);
  const link = `${appUrl()}/${locale}/invitation/${token}`;
  const t = translator(locale, "invitations");
  const what =
    input.role === "delegate"
      ? t("mailDelegate", {
          country: countryName(input.country ?? "", locale),
          part: t(`mailPart_${input.delegationRole ?? "drafter"}`),
        })
      : t(`mailRole_${input.role}`);
  const emailed = mailConfigured();
  await db.$transaction(async (tx) => {
    // A new invitation replaces any earlier one still pending for the address.
    await tx.invitation.deleteMany({ where: { email: input.email, acceptedAt: null } });
    const { id } = await tx.invitation.create({
      data: { ...input, tokenHash: hashToken(token), invitedById: inviter.id, createdAt: at, expiresAt },
      select: { id: true },
    });
    if (emailed) {
      const mail: TMail = {
        to: input.email,
        subject: t("mailSubject"),
        text: t("mailBody", { name: input.name, inviter: inviter.name, what, link, days: INVITATION_DAYS }),
      };
      await addJob(tx, TASKS.sendInvitation, { invitationId: id, ...mail } satisfies TInvitationMail);
    }
  });
  await logAdminEvent(
    inviter.id,
    "invitation.create",
    input.email,
    `${input.role}${input.country ? ` ${input.country} ${input.delegationRole}` : ""}`,
  );
  // The link is a secret: the log says only that an invitation was made, for which role, and whether it went by email.
  console.log(
    `[invitation] made for the role ${input.role}${input.country ? ` (${input.country} ${input.delegationRole})` : ""}: ${emailed ? "queued for email" : "not emailed; the link was shown to the admin who made it"}`,
  );
  return { ok: true, link, emailed, expiresAt };
}

export type TInvitationMail = TMail & { invitationId: string };

/** The task: emails an invitation still pending (not accepted, replaced or expired). Throws when the mail server refuses. */
export async function sendInvitationMail({ invitationId, ...mail }: TInvitationMail): Promise<void> {
  const pending = await db.invitation.count({
    where: { id: invitationId, acceptedAt: null, expiresAt: { gt: now() } },
  });
  if (pending) await deliverMail(mail);
}
