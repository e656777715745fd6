import { afterAll, afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { now, setNow } from "@/lib/clock";
import { hashToken } from "@/lib/security/token";
import { mailSink } from "@/test/mail-sink";
import { createConsultation, respondent, staff, uniqueSlug } from "@/test/db-fixtures";
import { eraseResponse } from "@/lib/privacy/erase-responses";
import { checkHealth } from "@/lib/health/check-health";
import { ZResponseInput } from "./schema";
import { submitResponse } from "./submit-response";
import { drainReceiptOutbox, MAX_ATTEMPTS } from "./deliver-receipts";

// Before anything reads the environment: receipts go to this sink.
const sink = await mailSink();
process.env.SMTP_URL = sink.url;
afterAll(() => sink.stop());
afterEach(() => {
  setNow(null);
  sink.setDown(false);
  sink.setDelay(0);
});

const later = (ms: number) => setNow(new Date(now().getTime() + ms));
const received = (email: string) => sink.messages.filter((m) => m.to.includes(email)).length;
const outbox = (reference: string) => db.receiptOutbox.findFirst({ where: { response: { reference } } });

async function submit(closesInMs = 3_600_000) {
  const c = await createConsultation({ closesAt: new Date(Date.now() + closesInMs) });
  const email = `${uniqueSlug("o")}@example.org`;
  const input = ZResponseInput.parse({ feedback: [{ clause: "1.1", clarity: { rating: 2, comment: "Who acts?" } }], respondent: { ...respondent, email } });
  const r = await submitResponse(c.slug, input, { locale: "en", channel: "web" });
  if (!r.ok) throw new Error("not stored");
  return { email, reference: r.reference };
}

/** Waits for the attempt submitResponse makes at once to be over (sent, or failed and rescheduled). */
async function firstAttempt(reference: string) {
  for (let i = 0; i < 200; i++) {
    const row = await outbox(reference);
    if (!row || row.lastError) return row;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("the first attempt never ended");
}

describe("the receipt outbox", () => {
  it("keeps a receipt the mail server refused and sends it on a later attempt, with a private link that works", async () => {
    sink.setDown(true);
    const { email, reference } = await submit();
    const row = (await firstAttempt(reference))!;
    expect(row).toMatchObject({ attempts: 1, gaveUpAt: null });
    expect(row.lastError).toContain("unavailable");
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000); // one minute later
    sink.setDown(false);
    await drainReceiptOutbox();
    expect(received(email)).toBe(0); // not due yet
    later(61_000);
    await drainReceiptOutbox();
    const mail = await sink.waitFor(email);
    expect(mail.text).toContain(reference);
    const token = /\/manage\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? "")![1];
    expect((await db.response.findUniqueOrThrow({ where: { reference } })).manageTokenHash).toBe(hashToken(token));
    expect(await outbox(reference)).toBeNull(); // the token in clear is gone with the row
  });

  it("sends what a server left when it died mid-send, after its lease, exactly once however many servers drain", async () => {
    sink.setDown(true);
    const { email, reference } = await submit();
    await firstAttempt(reference);
    sink.setDown(false);
    // As a sender that claimed the row and then died: the row is leased ten minutes ahead.
    await db.receiptOutbox.updateMany({ where: { response: { reference } }, data: { nextAttemptAt: new Date(now().getTime() + 600_000) } });
    later(300_000);
    await drainReceiptOutbox();
    expect(received(email)).toBe(0);
    later(301_000);
    await Promise.all([drainReceiptOutbox(), drainReceiptOutbox(), drainReceiptOutbox()]);
    await sink.waitFor(email);
    expect(received(email)).toBe(1);
    expect(await outbox(reference)).toBeNull();
  });

  it("gives up after the last attempt, says so in /api/health, and the receipt then goes without the expired private link if retried", async () => {
    sink.setDown(true);
    const { email, reference } = await submit();
    await firstAttempt(reference);
    for (let i = 2; i <= MAX_ATTEMPTS; i++) {
      later(3 * 3_600_000);
      await drainReceiptOutbox();
    }
    const row = (await outbox(reference))!;
    expect(row.attempts).toBe(MAX_ATTEMPTS);
    expect(row.gaveUpAt).not.toBeNull();
    const { body } = await checkHealth({ details: true });
    const health = ("receipts" in body ? body.receipts : null)!;
    expect(health.gaveUp).toBeGreaterThanOrEqual(1);
    sink.setDown(false);
    later(3 * 3_600_000);
    await drainReceiptOutbox();
    expect(received(email)).toBe(0); // given up stays given up
    // An operator retries it (next_attempt_at and gave_up_at cleared): past the deadline, no private link.
    await db.receiptOutbox.updateMany({ where: { response: { reference } }, data: { gaveUpAt: null, nextAttemptAt: now() } });
    await drainReceiptOutbox();
    const mail = await sink.waitFor(email);
    expect(mail.text).toContain(reference);
    expect(mail.text).not.toContain("/manage/");
  });

  it("an erasure takes an unsent receipt with it: nothing is sent afterwards", async () => {
    sink.setDown(true);
    const { email, reference } = await submit();
    await firstAttempt(reference);
    expect(await eraseResponse((await staff("admin")).id, reference)).toMatchObject({ ok: true });
    expect(await outbox(reference)).toBeNull();
    sink.setDown(false);
    later(3_600_000);
    await drainReceiptOutbox();
    expect(received(email)).toBe(0);
  });

  it("sends at most a few at once right after submission when the mail server is slow; the outbox sends the rest", async () => {
    sink.setDelay(4000); // longer than the twelve submissions take, even on a slow machine
    const sent = await Promise.all(Array.from({ length: 12 }, () => submit()));
    await new Promise((r) => setTimeout(r, 300));
    const rows = await db.receiptOutbox.findMany({ where: { response: { reference: { in: sent.map((x) => x.reference) } } } });
    expect(rows.filter((r) => r.attempts === 1).length).toBeLessThanOrEqual(8); // on their way now
    expect(rows.filter((r) => r.attempts === 0).length).toBeGreaterThanOrEqual(4); // left for the drain
    sink.setDelay(0);
    await drainReceiptOutbox();
    for (const { email } of sent) await sink.waitFor(email);
    expect(sent.every(({ email }) => received(email) === 1)).toBe(true);
  });

  it("without an email address nothing is queued", async () => {
    const c = await createConsultation();
    const input = ZResponseInput.parse({ feedback: [{ clause: "1.1", clarity: { rating: 3 } }], respondent: { ...respondent, email: undefined } });
    const r = await submitResponse(c.slug, input, { locale: "en", channel: "web" });
    if (!r.ok) throw new Error("not stored");
    expect(await outbox(r.reference)).toBeNull();
  });
});
