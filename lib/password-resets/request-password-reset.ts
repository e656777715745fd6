// "Forgot your password?": the answer is the same, and takes as long, whether or not the address has an
// account. The request only counts (per client address, then per email address) and queues a job; the job looks
// the account up and, for an active one, stores a token and queues its email (issue-password-reset.ts). An
// unknown or deactivated address gets nothing. Without SMTP nothing can be sent, so nothing is queued: an admin
// sends the link from the accounts page instead.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { consume, hashedKey, sharedLimiter } from "@/lib/http/shared-limiter";
import { mailConfigured } from "@/lib/mail/send-mail";
import { addJob } from "@/lib/jobs/add-job";
import { TASKS } from "@/lib/jobs/job-names";
import type { TLocale } from "@/lib/i18n/routing";
import { normaliseEmail } from "@/lib/users/verify-credentials";
import { issuePasswordReset } from "./issue-password-reset";

export const RESET_LIMIT_WINDOW_SECONDS = 15 * 60;
/** Links one email address may be sent per hour; further requests get the same answer and send nothing. */
export const RESET_REQUESTS_PER_EMAIL_PER_HOUR = 3;

export type TRequestReset = { ok: true } | { ok: false; reason: "rateLimited"; retryAfterSeconds: number };

/** Counts an attempt of this client (requests and new passwords each have their own counter); 0 turns it off. */
export async function consumeResetAttempt(kind: "request" | "set", clientIp: string | undefined) {
  const perAddress = env().PASSWORD_RESET_RATE_LIMIT_PER_ADDRESS;
  if (perAddress <= 0) return { ok: true } as const;
  return consume(sharedLimiter(`reset-${kind}-ip`, perAddress, RESET_LIMIT_WINDOW_SECONDS), clientIp ?? "unknown");
}

export async function requestPasswordReset(
  rawEmail: string,
  locale: TLocale,
  opts: { clientIp?: string } = {},
): Promise<TRequestReset> {
  const client = await consumeResetAttempt("request", opts.clientIp);
  if (!client.ok) return { ok: false, reason: "rateLimited", retryAfterSeconds: client.retryAfterSeconds };
  const email = normaliseEmail(rawEmail);
  // Counted for every address, known or not: the answer says nothing either way.
  const perEmail = await consume(
    sharedLimiter("reset-email", RESET_REQUESTS_PER_EMAIL_PER_HOUR, 3600),
    hashedKey(email),
  );
  if (perEmail.ok && mailConfigured())
    await addJob(db, TASKS.requestPasswordReset, { email, locale } satisfies TResetRequest);
  return { ok: true };
}

export type TResetRequest = { email: string; locale: TLocale };

/** The task: a link for the address's active account, if there is one; nothing otherwise. */
export async function issueResetForEmail({ email, locale }: TResetRequest): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.appUser.findUnique({
      where: { email: normaliseEmail(email) },
      select: { id: true, email: true, name: true, disabledAt: true },
    });
    if (!user || user.disabledAt) return;
    await issuePasswordReset(tx, user, locale === "fr" ? "fr" : "en");
  });
  console.log(
    "[password-reset] a reset was asked for by email: a link was queued if the address has an active account",
  );
}
