// Stores responses together: every response that arrives while earlier ones are being written goes into
// the next statement, up to MAX_BATCH per statement and MAX_STATEMENTS statements at once (group commit).
// Alone, a response is written at once, as before; in a rush, one statement and one commit serve dozens,
// which is most of PostgreSQL's cost per response (issue 12: bench:ingest). Each response is still whole
// or absent: the statement checks every row's deadline and writes its items and receipt in the same
// transaction, and the caller answers only once that transaction has committed.
//
// Batching is DataLoader's (cache off): it collects the loads of one tick into a batch, and our
// scheduler dispatches a batch only when fewer than MAX_STATEMENTS are running, so batches grow with load.
import DataLoader from "dataloader";
import { getPool, isDatabaseBusy } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { TASKS } from "@/lib/jobs/job-names";

/** One response ready to store: every value is computed by submitResponse(), the SQL only checks and writes. */
export type TResponseRow = {
  consultation_id: string;
  /** The instant of submission: the deadline is checked against it. */
  at: Date;
  /** Keyed in by staff and received before the deadline: stored even after closing. */
  in_time: boolean;
  year: string;
  idempotency_key: string;
  locale: string;
  channel: "web" | "api" | "staff" | "formal";
  respondent_type: string;
  country: string;
  organisation_name: string | null;
  respondent_name: string | null;
  public_sector: boolean;
  email: string | null;
  publication: string;
  manage_token_hash: string | null;
  ip_hash: string | null;
  in_extension: boolean;
  keyed_by_id: string | null;
  received_on: string | null;
  /** Null for an official response (no idempotent replays: its workspace is locked). */
  request_hash: string | null;
  /** The private link's token, for the receipt email (queued with the response), or null. */
  manage_token: string | null;
  /** The country's workspace, for an official response. */
  formal_response_id?: string;
  /** "Tell me when the results are published" (lib/country-tracker/notify-results.ts). */
  notify_results?: boolean;
  items: TItemRow[];
};

/** One feedback item as written: every response's items, whatever the channel (absent fields are null). */
export type TItemRow = {
  clause_id: string | null;
  aspect: "clarity" | "language" | "feasibility" | "general" | "position";
  position: number;
  rating?: number | null;
  stance?: string | null;
  comment: string | null;
  term: string | null;
  proposed_wording: string | null;
  country_context?: string | null;
  /** The language it is written in (withLanguages): its search vector is built in that language only. */
  language: "en" | "fr";
};

/** What was stored, or null when nothing was: the key was used before, or the consultation was not open. */
export type TStored = { id: string; reference: string } | null;

export const MAX_BATCH = 64;
export const MAX_STATEMENTS = 2;

// Every parameter is in one JSON document, typed by jsonb_to_recordset: one plan, whatever the batch size.
// The rows go in key order, so two statements holding some of the same keys (retries) wait for each other
// in the same order and cannot deadlock. This is the one place that inserts responses: the form, the JSON
// API and keyed-in responses through writeResponse() (batched), an official response through
// writeResponseIn() (in its workspace's transaction); a changed response's new items through writeItemsIn().
export function responsesSql(rowsJson: string): Prisma.Sql {
  return Prisma.sql`
WITH x AS (
  SELECT * FROM jsonb_to_recordset(${rowsJson}::jsonb) AS x(ord int, consultation_id uuid, at timestamptz, in_time boolean, year text,
    idempotency_key text, locale text, channel text, respondent_type respondent_type, country text, organisation_name text,
    respondent_name text, public_sector boolean, email text, publication publication, manage_token_hash text, ip_hash text,
    in_extension boolean, keyed_by_id uuid, received_on date, request_hash text, manage_token text, formal_response_id uuid, items jsonb, notify_results boolean)
), n AS (
  SELECT x.*, c.reference_prefix, nextval(pg_get_serial_sequence('response', 'number')) AS num
  FROM x JOIN consultation c ON c.id = x.consultation_id AND c.published_at IS NOT NULL AND c.opens_at <= x.at
    AND (c.closes_at > x.at OR x.in_time)
  ORDER BY x.consultation_id, x.idempotency_key
), r AS (
  INSERT INTO response (consultation_id, number, reference, idempotency_key, submitted_at, locale, channel,
    respondent_type, country, organisation_name, respondent_name, public_sector, email, publication, privacy_consent_at,
    manage_token_hash, ip_hash, in_extension, keyed_by_id, received_on, request_hash, formal_response_id, notify_results)
  SELECT consultation_id, num, reference_prefix || '-' || year || '-' || lpad(num::text, greatest(6, length(num::text)), '0'),
    idempotency_key, at, locale, channel, respondent_type, country, organisation_name, respondent_name, public_sector,
    email, publication, at, manage_token_hash, ip_hash, in_extension, keyed_by_id, received_on, request_hash, formal_response_id,
    COALESCE(notify_results, false)
  FROM n
  ON CONFLICT (consultation_id, idempotency_key) DO NOTHING
  RETURNING id, reference, consultation_id, idempotency_key
), j AS (
  SELECT r.id, r.reference, n.ord, n.at, n.manage_token, n.items FROM r JOIN n USING (consultation_id, idempotency_key)
), i AS (${insertItems})
, specs AS (
  -- The email receipts, as jobs of the queue (lib/responses/deliver-receipts.ts), one call for the batch;
  -- each keyed by its response (receiptJobKey), so the receipt page and an erasure find it.
  SELECT array_agg(ROW(${RECEIPT_TASK}, json_build_object('responseId', id, 'manageToken', manage_token), NULL, NULL,
    ${RECEIPT_ATTEMPTS}, 'receipt:' || id, NULL, NULL)::graphile_worker.job_spec) AS specs
  FROM j WHERE manage_token IS NOT NULL
), o AS (
  -- Called only when there is a receipt (the condition is on specs alone, so it filters before the call).
  SELECT count(*) AS queued FROM specs CROSS JOIN LATERAL graphile_worker.add_jobs(specs.specs) WHERE specs.specs IS NOT NULL
)
-- A CTE that only reads runs only if read: o is read here, so the receipts are queued.
SELECT ord, id, reference FROM j, o`;
}

// Constants of the statement's text, not parameters: the statement keeps its one parameter (the rows).
const RECEIPT_TASK = Prisma.raw(`'${TASKS.sendReceipt.name}'`);
const RECEIPT_ATTEMPTS = Prisma.raw(String(Number(TASKS.sendReceipt.maxAttempts)));

// The one INSERT of feedback items, from a relation `j` of (id: the response, items: jsonb).
const insertItems = Prisma.sql`
  INSERT INTO feedback_item (response_id, clause_id, clause_version, aspect, position, rating, stance, comment, term, proposed_wording,
    country_context, language)
  SELECT j.id, y.clause_id, cl.text_version, y.aspect, y.position, y.rating, y.stance, y.comment, y.term, y.proposed_wording,
    y.country_context, y.language
  FROM j CROSS JOIN jsonb_to_recordset(j.items) AS y(clause_id uuid, aspect feedback_aspect, position int, rating smallint,
    stance stance, comment text, term text, proposed_wording text, country_context text, language text)
  -- The clause's text version, read here once for the batch (feedback_item_clause_version would look it up row by row).
  LEFT JOIN clause cl ON cl.id = y.clause_id`;

// The statement's text does not depend on its one parameter: a named prepared statement, planned once per connection.
const STATEMENT = responsesSql("[]").text;

/** Statements run and rows sent since start: how much the batching saves (tests and the bench read it). */
export const writerStats = { statements: 0, rows: 0 };

async function runStatement(rows: readonly TResponseRow[]): Promise<TStored[]> {
  const stored: TStored[] = rows.map(() => null);
  // A key twice in one batch (a double submit arriving in the same instant): only its first row is written;
  // the caller finds the other already stored, as any later replay does.
  const seen = new Set<string>();
  const send: (TResponseRow & { ord: number })[] = [];
  rows.forEach((row, ord) => {
    const key = `${row.consultation_id} ${row.idempotency_key}`;
    if (seen.has(key)) return;
    seen.add(key);
    send.push({ ...row, ord });
  });
  writerStats.statements++;
  writerStats.rows += send.length;
  const result = await getPool().query<{ ord: number; id: string; reference: string }>({
    name: "store-responses-v3",
    text: STATEMENT,
    values: [JSON.stringify(send)],
  });
  for (const r of result.rows) stored[r.ord] = { id: r.id, reference: r.reference };
  return stored;
}

/** A batch that fails as a whole is written again row by row, so one bad row cannot fail the others. */
async function storeBatch(rows: readonly TResponseRow[]): Promise<(TStored | Error)[]> {
  try {
    return await runStatement(rows);
  } catch (err) {
    if (rows.length === 1 || isDatabaseBusy(err)) return rows.map(() => err as Error);
    // One after the other: a rare path, and 64 at once would take every connection of the pool.
    const out: (TStored | Error)[] = [];
    for (const row of rows)
      out.push(
        await runStatement([row]).then(
          (r) => r[0],
          (e: Error) => e,
        ),
      );
    return out;
  }
}

/**
 * Dispatches a batch when fewer than `maxStatements` are running, else when one ends: the first response
 * of a quiet moment goes out on the next tick, and the ones that arrive meanwhile wait together.
 */
export function createBatcher<K, V>(
  store: (keys: readonly K[]) => Promise<(V | Error)[]>,
  opts: { maxBatch: number; maxStatements: number },
) {
  let running = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    while (running < opts.maxStatements && waiting.length) waiting.shift()!();
  };
  return new DataLoader<K, V>(
    async (keys) => {
      running++;
      try {
        return await store(keys);
      } finally {
        running--;
        process.nextTick(next);
      }
    },
    {
      cache: false,
      maxBatchSize: opts.maxBatch,
      batchScheduleFn: (dispatch) => {
        waiting.push(dispatch);
        process.nextTick(next);
      },
    },
  );
}

const globalForWriter = globalThis as unknown as { clausewiseResponseWriter?: DataLoader<TResponseRow, TStored> };

/** Stores one response (with others arriving at the same time); resolves once it is committed. */
export function writeResponse(row: TResponseRow): Promise<TStored> {
  globalForWriter.clausewiseResponseWriter ??= createBatcher(storeBatch, {
    maxBatch: MAX_BATCH,
    maxStatements: MAX_STATEMENTS,
  });
  return globalForWriter.clausewiseResponseWriter.load(row);
}

type TTx = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

/**
 * Stores one response inside the caller's transaction, with the same statement: for an official response,
 * written in the transaction that locks and closes its workspace.
 */
export async function writeResponseIn(tx: TTx, row: TResponseRow): Promise<TStored> {
  const [stored] = await tx.$queryRaw<{ id: string; reference: string }[]>(
    responsesSql(JSON.stringify([{ ...row, ord: 0 }])),
  );
  return stored ? { id: stored.id, reference: stored.reference } : null;
}

/** Adds items to a stored response (a change through the private link), with the same INSERT as a new response's. */
export async function writeItemsIn(tx: TTx, responseId: string, items: TItemRow[]): Promise<void> {
  if (!items.length) return;
  await tx.$executeRaw`WITH j AS (SELECT ${responseId}::uuid AS id, ${JSON.stringify(items)}::jsonb AS items) ${insertItems}`;
}
