// Email receipts are jobs on the queue (lib/jobs/, graphile-worker). write-responses.ts adds the job in the
// same SQL statement as the response (graphile_worker.add_jobs), so a receipt is owed exactly when its
// response is stored: a crash between the two loses neither. A server's worker picks the job up at once
// (LISTEN/NOTIFY) and sends it; a failure is retried with backoff and, after TASKS.sendReceipt.maxAttempts,
// kept as failed (the admin's Jobs page, /api/health). Delivery is at least once: a server that dies after
// the mail server accepted a receipt but before the job was marked done could send it again once its lock
// is freed (a minute after its death: lib/jobs/worker-heartbeat.ts). The response's receipt_sent_at narrows
// that: written as soon as the mail server accepted the receipt and read before sending, so a job that runs
// again after that moment sends nothing; only a crash in the few milliseconds between the two (or PostgreSQL
// down at that moment) sends a second copy. The job's payload holds the private
// link's token in clear until it is sent (the email carries it; the response keeps its hash); an erasure
// removes the job.
import { db, isDatabaseBusy } from "@/lib/db";
import { now } from "@/lib/clock";
import { isLocale } from "@/lib/i18n/routing";
import { deliverMail } from "@/lib/mail/send-mail";
import { receiptJobKey } from "@/lib/jobs/job-names";
import { composeReceiptMail } from "./receipt-mail";

export type TReceiptPayload = { responseId: string; manageToken: string | null };

type TRow = {
  email: string | null;
  receipt_sent_at: Date | null;
  locale: string;
  reference: string;
  submitted_at: Date;
  items: number;
  slug: string;
  title_en: string;
  title_fr: string;
  closes_at: Date;
  time_zone: string;
};

/** The task: sends one response's receipt. Throws when the mail server refuses, so the queue retries it. */
export async function sendReceipt(payload: TReceiptPayload): Promise<"sent" | "already_sent" | "nobody"> {
  const [row] = await db.$queryRaw<TRow[]>`
    SELECT r.email, r.receipt_sent_at, r.locale, r.reference, r.submitted_at, (SELECT count(*)::int FROM feedback_item i WHERE i.response_id = r.id) AS items,
      c.slug, c.title_en, c.title_fr, c.closes_at, c.time_zone
    FROM response r JOIN consultation c ON c.id = r.consultation_id WHERE r.id = ${payload.responseId}::uuid`;
  // Erased meanwhile (or gone): nobody to write to.
  if (!row?.email) return "nobody";
  if (row.receipt_sent_at) return "already_sent";
  await deliverMail(
    composeReceiptMail({
      to: row.email,
      locale: isLocale(row.locale) ? row.locale : "en",
      consultation: {
        slug: row.slug,
        title: { en: row.title_en, fr: row.title_fr },
        closesAt: row.closes_at,
        timeZone: row.time_zone,
      },
      reference: row.reference,
      submittedAt: row.submitted_at,
      items: row.items,
      // Past the deadline the private link can change nothing: the receipt goes without it.
      manageToken: row.closes_at > now() ? payload.manageToken : null,
    }),
  );
  await markSent(payload.responseId);
  return "sent";
}

/** How long a sent receipt's mark is tried again while PostgreSQL is unreachable (a restart takes seconds). */
const MARK_RETRY_MS = 60_000;

/**
 * The mail server took the receipt: record it, trying again while the database is unreachable, since a job
 * that failed here would send the receipt a second time (test:crash: PostgreSQL killed just then).
 */
async function markSent(responseId: string): Promise<void> {
  const until = Date.now() + MARK_RETRY_MS;
  for (;;) {
    try {
      await db.$executeRaw`UPDATE response SET receipt_sent_at = now() WHERE id = ${responseId}::uuid`;
      return;
    } catch (e) {
      if (!isDatabaseBusy(e) || Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}

/** The receipt's job, if it has not been sent: waiting (or being tried), or failed (every attempt spent). */
export async function receiptJob(responseId: string): Promise<{ gaveUp: boolean } | null> {
  const [job] = await db.$queryRaw<{ gave_up: boolean }[]>`
    SELECT attempts >= max_attempts AND locked_at IS NULL AS gave_up FROM graphile_worker.jobs WHERE key = ${receiptJobKey(responseId)}`;
  return job ? { gaveUp: job.gave_up } : null;
}
