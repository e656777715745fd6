// Integration-test data for email receipts (lib/responses/receipt-jobs.int.test.ts): a stored response with an
// email address, and its receipt's job on the queue.
import { db } from "@/lib/db";
import { receiptJobKey, TASKS } from "@/lib/jobs/job-names";
import { createConsultation, respondent, uniqueSlug } from "@/test/db-fixtures";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";

type TJob = {
  id: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  due_in_s: number;
  locked: boolean;
};
/** The receipt's job of the response `reference`, if there is one. */
export async function job(reference: string): Promise<TJob | null> {
  const { id } = await db.response.findUniqueOrThrow({ where: { reference }, select: { id: true } });
  const [j] = await db.$queryRaw<TJob[]>`
    SELECT id::text, attempts, max_attempts, last_error, extract(epoch FROM run_at - now())::float AS due_in_s, locked_at IS NOT NULL AS locked
    FROM graphile_worker.jobs WHERE key = ${receiptJobKey(id)}`;
  return j ?? null;
}
/** How many receipts are on the queue. */
export const receiptJobs = async () =>
  (
    await db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = ${TASKS.sendReceipt.name}`
  )[0].n;

/** A response with an email address, to a consultation that closes in `closesInMs`. */
export async function submit(closesInMs = 3_600_000) {
  const c = await createConsultation({ closesAt: new Date(Date.now() + closesInMs) });
  const email = `${uniqueSlug("o")}@example.org`;
  const input = ZResponseInput.parse({
    feedback: [{ clause: "1.1", clarity: { rating: 2, comment: "Who acts?" } }],
    respondent: { ...respondent, email },
  });
  const r = await submitResponse(c.slug, input, { locale: "en", channel: "web" });
  if (!r.ok) throw new Error("not stored");
  return { email, reference: r.reference };
}
