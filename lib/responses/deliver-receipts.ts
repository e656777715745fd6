// Email receipts leave from an outbox (receipt_outbox). submitResponse writes
// the row in the same statement as the response, then tries to send at once;
// whatever is left (the mail server refused, or this server died before
// sending) is sent by drainReceiptOutbox, which every server runs every 30 s.
//
// A sender claims a row by pushing its next attempt ahead by a lease, so two
// servers never send the same row at once, and a sender that dies mid-way is
// replaced after the lease. Delivery is at least once: a server that dies after
// the mail server accepted a receipt but before deleting its row sends it again.
// Failures back off (1, 2, 4 … 128 minutes); after MAX_ATTEMPTS the row is
// kept as given up, counted in /api/health, and logged.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { isLocale } from "@/lib/i18n/routing";
import { deliverMail } from "@/lib/mail/send-mail";
import { composeReceiptMail } from "./receipt-mail";

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 10 * 60_000;
const backoffMs = (attempts: number) => 60_000 * 2 ** Math.min(attempts - 1, 7);

type TClaimed = {
  response_id: string;
  manage_token: string | null;
  attempts: number;
  email: string | null;
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

async function claim(limit: number, responseId?: string): Promise<TClaimed[]> {
  const at = now();
  const one = responseId ? Prisma.sql`AND response_id = ${responseId}::uuid` : Prisma.empty;
  return db.$queryRaw<TClaimed[]>`
    WITH due AS (
      SELECT response_id FROM receipt_outbox
      WHERE next_attempt_at <= ${at} AND gave_up_at IS NULL ${one}
      ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE receipt_outbox o SET attempts = o.attempts + 1, next_attempt_at = ${new Date(at.getTime() + LEASE_MS)}
      FROM due WHERE o.response_id = due.response_id
      RETURNING o.response_id, o.manage_token, o.attempts
    )
    SELECT claimed.response_id, claimed.manage_token, claimed.attempts, r.email, r.locale, r.reference, r.submitted_at,
      (SELECT count(*)::int FROM feedback_item i WHERE i.response_id = r.id) AS items,
      c.slug, c.title_en, c.title_fr, c.closes_at, c.time_zone
    FROM claimed JOIN response r ON r.id = claimed.response_id JOIN consultation c ON c.id = r.consultation_id`;
}

/** Sends one claimed receipt. Never throws: a row whose outcome could not be written waits for its lease. */
async function send(row: TClaimed): Promise<boolean> {
  const done = () => db.$executeRaw`DELETE FROM receipt_outbox WHERE response_id = ${row.response_id}::uuid`;
  const at = now();
  try {
    // Erased meanwhile: nobody to write to.
    if (!row.email) return await done().then(() => false);
    await deliverMail(composeReceiptMail({
      to: row.email,
      locale: isLocale(row.locale) ? row.locale : "en",
      consultation: { slug: row.slug, title: { en: row.title_en, fr: row.title_fr }, closesAt: row.closes_at, timeZone: row.time_zone },
      reference: row.reference,
      submittedAt: row.submitted_at,
      items: row.items,
      // Past the deadline the private link can change nothing: the receipt goes without it.
      manageToken: row.closes_at > at ? row.manage_token : null,
    }));
  } catch (e) {
    const error = String((e as Error).message ?? e).slice(0, 500);
    const gaveUp = row.attempts >= MAX_ATTEMPTS;
    console.error(`[receipt] ${row.reference}: attempt ${row.attempts} failed${gaveUp ? ", giving up" : ", will retry"}: ${error}`);
    await db.$executeRaw`UPDATE receipt_outbox SET last_error = ${error}, next_attempt_at = ${new Date(at.getTime() + backoffMs(row.attempts))},
      gave_up_at = ${gaveUp ? at : null} WHERE response_id = ${row.response_id}::uuid`.catch(() => {});
    return false;
  }
  // Sent. If the database is away (a restart takes seconds), keep trying for a while: a row
  // that cannot be marked is sent again after its lease (at least once).
  for (let wait = 500; ; wait *= 2) {
    try {
      await done();
      return true;
    } catch (e) {
      if (wait > 8_000) {
        console.error(`[receipt] ${row.reference}: sent, but could not be marked as sent: ${(e as Error).message}`);
        return true;
      }
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/** Receipts this process is sending right after their response; beyond, the outbox drain sends them. */
const MAX_IMMEDIATE = 8;
let immediate = 0;

/**
 * Right after a response is stored: sends its receipt now, unless this process already has
 * MAX_IMMEDIATE on their way (a flash crowd must not open a mail connection per response:
 * the row waits in the outbox for the next drain, at most 30 s). Never throws.
 */
export function deliverReceiptSoon(responseId: string): void {
  if (immediate >= MAX_IMMEDIATE) return;
  immediate++;
  void deliverReceipt(responseId).finally(() => immediate--);
}

/** Sends one response's receipt now, unless another sender holds it or it is not due. Never throws. */
export async function deliverReceipt(responseId: string): Promise<boolean> {
  try {
    const [row] = await claim(1, responseId);
    return row ? await send(row) : false;
  } catch (e) {
    console.error(`[receipt] could not send: ${(e as Error).message}`);
    return false;
  }
}

/**
 * Sends every receipt that is due, claiming a few at a time and sending those at once (so a
 * server that dies mid-drain leaves at most that many waiting for their lease).
 */
export async function drainReceiptOutbox(batch = 5): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const rows = await claim(batch);
    const results = await Promise.all(rows.map(send));
    sent += results.filter(Boolean).length;
    failed += results.length - results.filter(Boolean).length;
    if (rows.length < batch) return { sent, failed };
  }
}

/** What /api/health reports: receipts waiting (counted up to 10,000) and given up. */
export async function receiptOutboxState(): Promise<{ waiting: number; gaveUp: number }> {
  const [r] = await db.$queryRaw<{ waiting: number; gave_up: number }[]>`
    SELECT (SELECT count(*)::int FROM (SELECT 1 FROM receipt_outbox WHERE gave_up_at IS NULL LIMIT 10000) w) AS waiting,
      (SELECT count(*)::int FROM receipt_outbox WHERE gave_up_at IS NOT NULL) AS gave_up`;
  return { waiting: r.waiting, gaveUp: r.gave_up };
}
