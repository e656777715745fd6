// The owner of an account is told by email that someone is failing to sign in
// to it: once per attack (at most once in 24 hours, or again after an admin's
// unlock), never per attempt, never for an address without an account, and
// only when SMTP is configured. Accounts have no language of their own, so the
// message is in English and French. It does not say from where: only an HMAC of
// the client address is kept.
import { mailConfigured, sendMail } from "@/lib/mail/send-mail";
import { appUrl } from "@/lib/env";
import { translator } from "@/lib/i18n/translator";
import type { TSignInThrottle } from "./sign-in-throttle";

export async function warnOwner(user: { email: string; name: string }, throttle: TSignInThrottle): Promise<boolean> {
  if (!mailConfigured() || !(await throttle.firstNotice(user.email))) return false;
  const en = translator("en", "signInWarning");
  const fr = translator("fr", "signInWarning");
  const values = { name: user.name, email: user.email, signIn: `${appUrl()}/en/sign-in` };
  return sendMail({
    to: user.email,
    subject: `${en("subject")} / ${fr("subject")}`,
    text: `${en("body", values)}\n\n---\n\n${fr("body", { ...values, signIn: `${appUrl()}/fr/sign-in` })}`,
  });
}
