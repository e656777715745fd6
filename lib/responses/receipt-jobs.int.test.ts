import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { requireDatabaseUrl } from "@/lib/env";
import { db } from "@/lib/db";
import { now, setNow } from "@/lib/clock";
import { hashToken, newToken } from "@/lib/security/token";
import { mailSink } from "@/test/mail-sink";
import { runJobs, skipBackoff } from "@/test/run-jobs";
import { createConsultation, respondent, staff, uniqueSlug } from "@/test/db-fixtures";
import { eraseResponse } from "@/lib/privacy/erase-responses";
import { checkHealth } from "@/lib/health/check-health";
import { listFailedJobs, retryFailedJob } from "@/lib/jobs/failed-jobs";
import { receiptJobKey, TASKS } from "@/lib/jobs/job-names";
import { ZResponseInput } from "./schema";
import { submitResponse } from "./submit-response";
import { writeResponse, type TResponseRow } from "./write-responses";
import { receiptJob, sendReceipt, type TReceiptPayload } from "./deliver-receipts";
import { job, receiptJobs, submit } from "@/test/receipt-fixtures";

// Before anything reads the environment: receipts go to this sink.
const sink = await mailSink();
process.env.SMTP_URL = sink.url;
afterAll(() => sink.stop());
afterEach(() => {
  setNow(null);
  sink.setDown(false);
  sink.setDelay(0);
  sink.setOnReceived(null);
  sink.setRefuseAtEnd(false);
  sink.setDropAtEnd(false);
});

const received = (email: string) => sink.messages.filter((m) => m.to.includes(email)).length;
describe("email receipts on the job queue", () => {
  it("are queued by the statement that stores the response: a statement that fails leaves no job, one that commits leaves exactly one", async () => {
    const c = await createConsultation();
    const clause = await db.clause.findFirstOrThrow({ where: { consultationId: c.id, key: "1.1" } });
    const token = newToken();
    const row = (rating: number): TResponseRow => ({
      consultation_id: c.id,
      at: new Date(),
      in_time: false,
      year: "2026",
      idempotency_key: uniqueSlug("key-").padEnd(20, "x"),
      locale: "en",
      channel: "api",
      respondent_type: "individual",
      country: "FR",
      organisation_name: null,
      respondent_name: null,
      public_sector: false,
      email: `${uniqueSlug("tx")}@example.org`,
      publication: "none",
      manage_token_hash: hashToken(token),
      ip_hash: null,
      in_extension: false,
      keyed_by_id: null,
      received_on: null,
      request_hash: "ab".repeat(32),
      manage_token: token,
      items: [
        {
          clause_id: clause.id,
          aspect: "clarity",
          position: 0,
          rating,
          comment: null,
          term: null,
          proposed_wording: null,
          country_context: null,
          language: "en",
        },
      ],
    });
    const before = await receiptJobs();
    // A rating of 9 breaks a CHECK of feedback_item: the whole statement, response and receipt, rolls back.
    const bad = row(9);
    await expect(writeResponse(bad)).rejects.toThrow(/check/i);
    expect(await db.response.count({ where: { idempotencyKey: bad.idempotency_key } })).toBe(0);
    expect(await receiptJobs()).toBe(before);
    const stored = await writeResponse(row(3));
    expect(stored).not.toBeNull();
    expect(await receiptJobs()).toBe(before + 1);
    const [queued] = await db.$queryRaw<{ payload: { responseId: string; manageToken: string } }[]>`
      SELECT payload FROM graphile_worker._private_jobs WHERE key = ${receiptJobKey(stored!.id)}`;
    expect(queued.payload).toEqual({ responseId: stored!.id, manageToken: token });
  });

  it("are sent by a worker, with a private link that works, and the job (the token in clear) is gone", async () => {
    const { email, reference } = await submit();
    expect(await job(reference)).toMatchObject({ attempts: 0, max_attempts: TASKS.sendReceipt.maxAttempts });
    await runJobs();
    const mail = await sink.waitFor(email);
    expect(mail.text).toContain(reference);
    const token = /\/manage\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? "")![1];
    expect((await db.response.findUniqueOrThrow({ where: { reference } })).manageTokenHash).toBe(hashToken(token));
    expect(await job(reference)).toBeNull();
  });

  it("are retried with exponential backoff when the mail server refuses, given up after the last attempt (health, failed list), and sent once retried", async () => {
    sink.setDown(true);
    const { email, reference } = await submit();
    await runJobs();
    const first = (await job(reference))!;
    expect(first).toMatchObject({ attempts: 1, locked: false });
    expect(first.last_error).toContain("unavailable");
    expect(first.due_in_s).toBeGreaterThan(1.5); // e^1 s
    expect(first.due_in_s).toBeLessThan(4);
    await runJobs();
    expect((await job(reference))!.attempts).toBe(1); // not due yet
    await skipBackoff();
    await runJobs();
    const second = (await job(reference))!;
    expect(second.attempts).toBe(2);
    expect(second.due_in_s).toBeGreaterThan(6); // e^2 s: longer each time
    for (let i = 3; i <= TASKS.sendReceipt.maxAttempts; i++) {
      await skipBackoff();
      await runJobs();
    }
    const last = (await job(reference))!;
    expect(last.attempts).toBe(TASKS.sendReceipt.maxAttempts);
    const { id } = await db.response.findUniqueOrThrow({ where: { reference }, select: { id: true } });
    expect(await receiptJob(id)).toEqual({ gaveUp: true });
    const { body } = await checkHealth({ details: true });
    const queue = "jobs" in body ? { jobs: body.jobs, receipts: body.receipts } : null;
    expect(queue?.jobs?.failed).toBeGreaterThanOrEqual(1);
    expect(queue?.receipts?.gaveUp).toBeGreaterThanOrEqual(1);
    expect((await listFailedJobs()).jobs).toContainEqual(
      expect.objectContaining({
        id: last.id,
        task: TASKS.sendReceipt.name,
        lastError: expect.stringContaining("unavailable"),
      }),
    );
    sink.setDown(false);
    await skipBackoff();
    await runJobs();
    expect(received(email)).toBe(0); // given up stays given up
    // The admin's retry (the Jobs page): past the deadline by then, the receipt goes without the private link.
    setNow(new Date(now().getTime() + 2 * 3_600_000));
    const admin = await staff("admin");
    expect(await retryFailedJob(admin.id, last.id)).toBe(true);
    expect(await retryFailedJob(admin.id, last.id)).toBe(false); // no longer failed
    await runJobs();
    const mail = await sink.waitFor(email);
    expect(mail.text).toContain(reference);
    expect(mail.text).not.toContain("/manage/");
    expect(await job(reference)).toBeNull();
    expect((await listFailedJobs()).jobs.map((j) => j.id)).not.toContain(last.id);
  });

  it("are sent once however many workers run at the same time", async () => {
    const { email, reference } = await submit();
    await Promise.all([runJobs(), runJobs(), runJobs()]);
    await sink.waitFor(email);
    expect(received(email)).toBe(1);
    expect(await job(reference)).toBeNull();
  });

  it("are not sent again when their job runs again after the mail server took them (a server killed before the job was marked done)", async () => {
    const { email, reference } = await submit();
    const [{ payload }] = await db.$queryRaw<{ payload: TReceiptPayload }[]>`
      SELECT j.payload FROM graphile_worker._private_jobs j JOIN response r ON j.key = 'receipt:' || r.id WHERE r.reference = ${reference}`;
    // The task, as a worker runs it; then again, as the worker that takes the freed job after a crash does.
    expect(await sendReceipt(payload)).toBe("sent");
    await sink.waitFor(email);
    expect(await sendReceipt(payload)).toBe("already_sent");
    await runJobs();
    expect(received(email)).toBe(1);
    expect((await db.response.findUniqueOrThrow({ where: { reference } })).receiptSentAt).toBeInstanceOf(Date);
  });

  it("are marked sent as their end is written, before the mail server answers: a server killed while waiting for the answer leaves no second copy to send", async () => {
    const { email, reference } = await submit();
    const [{ payload }] = await db.$queryRaw<{ payload: TReceiptPayload }[]>`
      SELECT j.payload FROM graphile_worker._private_jobs j JOIN response r ON j.key = 'receipt:' || r.id WHERE r.reference = ${reference}`;
    // The sink holds the whole receipt and has not answered yet: what would a crash at this moment leave?
    let markedBeforeAnswer: boolean | undefined;
    sink.setOnReceived(async () => {
      const until = Date.now() + 3_000;
      do {
        const [r] = await db.$queryRaw<{ marked: boolean }[]>`
          SELECT receipt_sent_at IS NOT NULL AS marked FROM response WHERE reference = ${reference}`;
        markedBeforeAnswer = r.marked;
        if (r.marked) return;
        await new Promise((res) => setTimeout(res, 25));
      } while (Date.now() < until);
    });
    expect(await sendReceipt(payload)).toBe("sent");
    expect(markedBeforeAnswer).toBe(true);
    await sink.waitFor(email);
    expect(await sendReceipt(payload)).toBe("already_sent");
    expect(received(email)).toBe(1);
  });

  it("a mail server that refuses the whole receipt after its end gets the mark taken back: it is sent on the next try", async () => {
    const { email, reference } = await submit();
    const [{ payload }] = await db.$queryRaw<{ payload: TReceiptPayload }[]>`
      SELECT j.payload FROM graphile_worker._private_jobs j JOIN response r ON j.key = 'receipt:' || r.id WHERE r.reference = ${reference}`;
    sink.setRefuseAtEnd(true);
    await expect(sendReceipt(payload)).rejects.toThrow(/554|refused/i);
    expect((await db.response.findUniqueOrThrow({ where: { reference } })).receiptSentAt).toBeNull();
    sink.setRefuseAtEnd(false);
    expect(await sendReceipt(payload)).toBe("sent");
    await sink.waitFor(email);
    expect(received(email)).toBe(1);
  });

  it("a mail server that drops the connection after the receipt's end: the attempt fails and its mark is taken back, and the SMTP pool does not send it again unseen", async () => {
    const { email, reference } = await submit();
    const [{ payload }] = await db.$queryRaw<{ payload: TReceiptPayload }[]>`
      SELECT j.payload FROM graphile_worker._private_jobs j JOIN response r ON j.key = 'receipt:' || r.id WHERE r.reference = ${reference}`;
    let ends = 0;
    sink.setOnReceived(async () => void (ends += 1));
    sink.setDropAtEnd(true);
    await expect(sendReceipt(payload)).rejects.toThrow();
    // A second try by nodemailer's pool would arrive here (50 ms after the close): none.
    await new Promise((r) => setTimeout(r, 500));
    expect(ends).toBe(1);
    expect((await db.response.findUniqueOrThrow({ where: { reference } })).receiptSentAt).toBeNull();
    sink.setDropAtEnd(false);
    expect(await sendReceipt(payload)).toBe("sent");
    await sink.waitFor(email);
    expect(received(email)).toBe(1);
  });

  it("are sent once when two attempts of one receipt run at the same time (a job freed while its first attempt still sends)", async () => {
    const { email, reference } = await submit();
    const [{ payload }] = await db.$queryRaw<{ payload: TReceiptPayload }[]>`
      SELECT j.payload FROM graphile_worker._private_jobs j JOIN response r ON j.key = 'receipt:' || r.id WHERE r.reference = ${reference}`;
    // A slow mail server: the second attempt starts while the first is still sending.
    sink.setDelay(500);
    const first = sendReceipt(payload);
    await new Promise((r) => setTimeout(r, 100));
    const second = await sendReceipt(payload).then(
      (outcome) => outcome,
      (e: Error) => e.message,
    );
    expect(await first).toBe("sent");
    await sink.waitFor(email);
    // The second is refused while the first holds the receipt (the queue tries it again later), or finds it sent.
    expect(second).toMatch(/being sent|already_sent/);
    expect(await sendReceipt(payload)).toBe("already_sent");
    await new Promise((r) => setTimeout(r, 700)); // a second copy would arrive by now
    expect(received(email)).toBe(1);
  });

  it("an erasure takes an unsent receipt with it: nothing is sent afterwards", async () => {
    const { email, reference } = await submit();
    expect(await job(reference)).not.toBeNull();
    expect(await eraseResponse((await staff("admin")).id, reference)).toMatchObject({ ok: true });
    expect(await job(reference)).toBeNull();
    await runJobs();
    expect(received(email)).toBe(0);
  });

  it("without an email address nothing is queued, and no worker is woken (add_jobs is not even called)", async () => {
    const c = await createConsultation();
    const before = await receiptJobs();
    // Workers wake on graphile-worker's channel: a statement that queues nothing must not notify it.
    const listener = new pg.Client({ connectionString: requireDatabaseUrl() });
    await listener.connect();
    const heard: string[] = [];
    listener.on("notification", (n) => heard.push(n.payload ?? ""));
    await listener.query(`LISTEN "jobs:insert"`);
    try {
      const input = ZResponseInput.parse({
        feedback: [{ clause: "1.1", clarity: { rating: 3 } }],
        respondent: { ...respondent, email: undefined },
      });
      const r = await submitResponse(c.slug, input, { locale: "en", channel: "web" });
      if (!r.ok) throw new Error("not stored");
      expect(await receiptJobs()).toBe(before);
      expect(await job(r.reference)).toBeNull();
      // The control: a response with an address notifies once its statement commits.
      await submit();
      for (let i = 0; i < 100 && !heard.length; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(heard).toHaveLength(1);
    } finally {
      await listener.end();
    }
  });
});
