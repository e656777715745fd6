// The country tracker's emails (ready for approval, deadline reminders, results published): queued as jobs
// in the transaction of the change that asks for them (lib/jobs/), one per recipient, and written in both
// languages: a delegation's or respondent's language is not known to the server when the email is made.
import { appUrl } from "@/lib/env";
import { addJob } from "@/lib/jobs/add-job";
import { TASKS } from "@/lib/jobs/job-names";
import { deliverMail, type TMail } from "@/lib/mail/send-mail";
import { translator } from "@/lib/i18n/translator";
import type { TLocale } from "@/lib/i18n/routing";

type TSql = Parameters<typeof addJob>[0];
type TKey = Parameters<ReturnType<typeof translator<"countryTracker">>>[0];

/** One email in English then French: subject "en / fr", the two bodies one after the other. */
export function bilingualMail(
  to: string,
  subject: TKey,
  body: TKey,
  values: (locale: TLocale) => Record<string, string | number>,
): TMail {
  const [en, fr] = (["en", "fr"] as const).map((l) => translator(l, "countryTracker"));
  return {
    to,
    subject: `${en(subject, values("en"))} / ${fr(subject, values("fr"))}`,
    text: `${en(body, values("en"))}\n\n— — —\n\n${fr(body, values("fr"))}`,
  };
}

/** A page's address in each language, for an email. */
export const linkIn = (locale: TLocale, path: string) => `${appUrl()}/${locale}${path}`;

export async function queueNotice(tx: TSql, mail: TMail): Promise<void> {
  await addJob(tx, TASKS.sendNotice, mail);
}

/** The task: sends one notice. Throws when the mail server refuses (the queue retries). */
export async function sendNotice(mail: TMail): Promise<void> {
  await deliverMail(mail);
}
