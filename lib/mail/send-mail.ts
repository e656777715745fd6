// Sends one plain-text email through SMTP_URL. Without SMTP configured nothing
// is sent and only the subject is logged: a body may hold a one-time link (an
// invitation), which the caller shows to the one person who may pass it on.
import { randomUUID } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { installDataEndHook, onDataEnd } from "./data-end";

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

/**
 * Resolves once the SMTP server accepted the message; throws when it did not (or SMTP is not configured).
 * onDataEnd runs the moment the message's end is written to the server, before its answer (lib/mail/data-end.ts);
 * on a connection that never wrote it, it does not run.
 */
export async function deliverMail(mail: TMail, opts: { onDataEnd?: () => void } = {}): Promise<void> {
  const url = env().SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set");
  installDataEndHook();
  transport ??= nodemailer.createTransport(withTimeouts(url));
  const domain = /@([^>\s]+)/.exec(env().MAIL_FROM)?.[1] ?? "clausewise.invalid";
  const messageId = `<${randomUUID()}@${domain}>`;
  const forget = opts.onDataEnd ? onDataEnd(messageId, opts.onDataEnd) : () => {};
  try {
    await transport.sendMail({ from: env().MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, messageId });
  } finally {
    forget();
  }
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
