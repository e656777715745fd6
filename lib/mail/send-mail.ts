// Sends one plain-text email through SMTP_URL. Without SMTP configured nothing
// is sent and only the subject is logged: a body may hold a one-time link (an
// invitation), which the caller shows to the one person who may pass it on.
import { Readable } from "node:stream";
import nodemailer, { type Transporter } from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer";
import { env } from "@/lib/env";

let transport: Transporter | undefined;

// A mail server that stops answering must not hold a job for good: nodemailer waits 2 minutes for a connection,
// 30 s for the greeting and 10 minutes of a silent socket by default, and test:crash saw every worker of a server
// held that way (receipts left untried). Failing sooner, the job is retried with backoff.
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

// Connections are kept open and reused (nodemailer's pool): a new one per message costs its connection, greeting
// and EHLO (test:crash: about 150 ms a receipt, so 4 workers sent 26 a second and left receipts queued).
export const SMTP_POOL = { pool: true, maxConnections: 5 };

/** SMTP_URL with these timeouts and the pool as query options (nodemailer reads a URL's query as options), unless it sets its own. */
export function withTimeouts(url: string): string {
  const u = new URL(url);
  for (const [key, value] of Object.entries({ ...SMTP_TIMEOUTS, ...SMTP_POOL }))
    if (!u.searchParams.has(key)) u.searchParams.set(key, String(value));
  return u.toString();
}

export type TMail = { to: string; subject: string; text: string };

export function mailConfigured(): boolean {
  return !!env().SMTP_URL;
}

export type TDeliverOptions = {
  /**
   * Called just after the end of the message (the SMTP "." that makes the server take it) has been written, before
   * the server's answer: a receipt sends its "sent" mark's COMMIT here (lib/responses/deliver-receipts.ts), so that
   * both leave in the same instant and a crash leaves both or neither (the end first: if anything, a second copy
   * rather than none). deliverMail settles only after it has run.
   */
  atEnd?: () => void;
};

/** Resolves once the SMTP server accepted the message; throws when it did not (or SMTP is not configured). */
export async function deliverMail(mail: TMail, opts: TDeliverOptions = {}): Promise<void> {
  const url = env().SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set");
  transport ??= nodemailer.createTransport(withTimeouts(url));
  const message = { from: env().MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text };
  const atEnd = opts.atEnd;
  if (!atEnd) {
    await transport.sendMail(message);
    return;
  }
  const built = await new MailComposer(message).compile().build();
  let ended = false;
  let ran = () => {};
  const atEndRan = new Promise<void>((resolve) => (ran = resolve));
  const raw = untilEnd(built, () => {
    ended = true;
    // After this turn's writes: the end goes through a few streams before it reaches the socket.
    setImmediate(() => {
      try {
        atEnd();
      } finally {
        ran();
      }
    });
  });
  try {
    await transport.sendMail({ envelope: { from: env().MAIL_FROM, to: [mail.to] }, raw });
  } finally {
    if (ended) await atEndRan;
  }
}

/** The message as a stream that calls `onEnd` as it ends (the SMTP "." is written at its end). */
function untilEnd(message: Buffer, onEnd: () => void): Readable {
  let given = false;
  return new Readable({
    read() {
      if (!given) {
        given = true;
        this.push(message);
        return;
      }
      this.push(null);
      onEnd();
    },
  });
}

/** Closes the connections kept open to the mail server (a test's sink can then stop at once). */
export function closeMail(): void {
  transport?.close();
  transport = undefined;
}

/** true when the SMTP server accepted the message; false when SMTP is not configured or refused it (logged). */
export async function sendMail(mail: TMail): Promise<boolean> {
  if (!mailConfigured()) {
    console.log(`[mail] SMTP_URL is not set; not sent to ${mail.to}: ${mail.subject}`);
    return false;
  }
  try {
    await deliverMail(mail);
    return true;
  } catch (e) {
    console.error(`[mail] could not send to ${mail.to}: ${(e as Error).message}`);
    return false;
  }
}
