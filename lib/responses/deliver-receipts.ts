// Email receipts are jobs on the queue (lib/jobs/, graphile-worker). write-responses.ts adds the job in the
// same SQL statement as the response (graphile_worker.add_jobs), so a receipt is owed exactly when its
// response is stored: a crash between the two loses neither. A server's worker picks the job up at once
// (LISTEN/NOTIFY) and sends it; a failure is retried with backoff and, after TASKS.sendReceipt.maxAttempts,
// kept as failed (the admin's Jobs page, /api/health). The response's receipt_sent_at makes a job that runs
// again (its lock freed after its server died: lib/jobs/worker-heartbeat.ts) send nothing: each attempt locks
// the response's row (a second attempt of the same receipt at the same time is refused and retried later),
// writes the mark, sends, and commits the mark the moment the receipt's last bytes are written to the mail
// server (lib/mail/data-end.ts), before its answer; a refusal after that takes the mark back. A process killed
// at any instant leaves either both the receipt's end and the COMMIT on their way, or neither. The job's
// payload holds the private link's token in clear until it is sent (the email carries it; the response keeps
// its hash); an erasure removes the job (it waits for a send in progress).
import pg from "pg";
import { db, isDatabaseBusy } from "@/lib/db";
import { receiptPool } from "@/lib/raw-pools";
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
  files: { fileName: string; size: number; sha256: string }[];
};

/** The task: sends one response's receipt. Throws when the mail server refuses, so the queue retries it. */
export async function sendReceipt(payload: TReceiptPayload): Promise<"sent" | "already_sent" | "nobody"> {
  // One transaction holds the response's row from the read to the mark: a second attempt of the same receipt
  // (its job freed while this one still sends) is refused at once and tried again later by the queue, instead of
  // sending a second copy. The mark is written before the mail goes and committed with the mail's end, on a
  // connection already held (no wait for the app's pool); a mail server that refuses gets it taken back.
  const client = await receiptPool().connect();
  // Set when the connection failed (not an error PostgreSQL answered): it is closed, not handed back.
  let broken: Error | undefined;
  const query = <R extends pg.QueryResultRow>(text: string, values?: unknown[]) =>
    client.query<R>(text, values).catch((e: unknown) => {
      if (!(e instanceof pg.DatabaseError)) broken = e as Error;
      throw e;
    });
  const rollback = () => query("ROLLBACK").catch(() => {});
  // Once the mark is committed or rolled back, a failure has nothing left to roll back.
  let settled = false;
  try {
    await query("BEGIN");
    const row = await lockReceipt(query, payload.responseId);
    // Erased meanwhile (or gone): nobody to write to.
    if (!row?.email || row.receipt_sent_at) {
      await rollback();
      return row?.email ? "already_sent" : "nobody";
    }
    await query(`UPDATE response SET receipt_sent_at = now() WHERE id = $1::uuid`, [payload.responseId]);
    // The mark is committed the moment the receipt's last bytes are written to the mail server, in the same turn of
    // the event loop (both writes then reach their servers even if this process is killed next), not after the mail
    // server's answer: a process killed while waiting for that answer would leave a receipt taken but unmarked,
    // sent again by the next attempt (test:crash).
    let commit: Promise<boolean> | undefined;
    const commitNow = () =>
      (commit = query("COMMIT").then(
        () => true,
        (e: unknown) => {
          broken ??= e as Error;
          return false;
        },
      ));
    try {
      await deliverMail(composeReceipt({ ...row, email: row.email }, payload), { onDataEnd: commitNow });
    } catch (e) {
      // Refused or cut off after its end: the mark, if committed, is taken back, and the queue tries again.
      settled = true;
      if (commit && (await commit)) await markSent(payload.responseId, false);
      else if (!commit) await rollback();
      throw e;
    }
    // PostgreSQL went away with the transaction: the mail server has the receipt, so the mark is written again.
    if (!(await (commit ?? commitNow()))) await markSent(payload.responseId, true);
    return "sent";
  } catch (e) {
    // A query failed before the mail went: the mark (if written) is rolled back, and the queue retries.
    if (!broken && !settled) await rollback();
    throw e;
  } finally {
    client.release(broken);
  }
}

function composeReceipt(row: TRow & { email: string }, payload: TReceiptPayload) {
  return composeReceiptMail({
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
    files: row.files,
    // Past the deadline the private link can change nothing: the receipt goes without it.
    manageToken: row.closes_at > now() ? payload.manageToken : null,
  });
}

type TQuery = <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<pg.QueryResult<R>>;

/** The response's row for its receipt, locked; throws at once when another attempt holds it. */
async function lockReceipt(query: TQuery, responseId: string): Promise<TRow | undefined> {
  try {
    const { rows } = await query<TRow>(
      `SELECT r.email, r.receipt_sent_at, r.locale, r.reference, r.submitted_at,
        (SELECT count(*)::int FROM feedback_item i WHERE i.response_id = r.id) AS items,
        (SELECT coalesce(json_agg(json_build_object('fileName', a.file_name, 'size', a.size, 'sha256', a.sha256)
           ORDER BY a.position), '[]') FROM response_attachment a WHERE a.response_id = r.id) AS files,
        c.slug, c.title_en, c.title_fr, c.closes_at, c.time_zone
      FROM response r JOIN consultation c ON c.id = r.consultation_id WHERE r.id = $1::uuid FOR UPDATE OF r NOWAIT`,
      [responseId],
    );
    return rows[0];
  } catch (e) {
    if ((e as { code?: string }).code === LOCK_NOT_AVAILABLE)
      throw new Error(`the receipt of response ${responseId} is being sent by another attempt; tried again later`);
    throw e;
  }
}

const LOCK_NOT_AVAILABLE = "55P03";

/** How long a sent receipt's mark is tried again while PostgreSQL is unreachable (a restart takes seconds). */
const MARK_RETRY_MS = 60_000;

/**
 * The mail server took the receipt (sent) or refused it after its mark was committed (not sent): record it,
 * trying again while the database is unreachable, since a job that failed here would send the receipt a second
 * time (test:crash: PostgreSQL killed just then), or never.
 */
async function markSent(responseId: string, sent: boolean): Promise<void> {
  const until = Date.now() + MARK_RETRY_MS;
  for (;;) {
    try {
      await db.$executeRaw`UPDATE response SET receipt_sent_at = ${sent ? now() : null} WHERE id = ${responseId}::uuid`;
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
