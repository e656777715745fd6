// The one way a query is streamed to an HTTP client (moderation exports and the
// audit log, the open-data export, the results CSV): streamQuery runs a query on
// a cursor on a connection of its own pool, its rows through the format's encoder
// (CSV, JSON Lines or a JSON array) into a PassThrough, memory flat at any size;
// exportResponse answers with it.
// What keeps one client from stalling the service:
// - waiting for a connection is bounded (DATABASE_POOL_TIMEOUT_MS): 503 + Retry-After;
// - a client holds at most EXPORT_STREAMS_PER_CLIENT streams at once, counted in
//   PostgreSQL (a session advisory lock on the stream's own connection), so the
//   count holds across servers and ends with the connection: 429 + Retry-After;
// - a stream whose reader takes nothing for EXPORT_STALL_SECONDS while data waits
//   is destroyed and its connection returned.
import { type Duplex, PassThrough, Readable, Transform, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import QueryStream from "pg-query-stream";
import { env } from "@/lib/env";
import { exportPool, type TExportPool } from "@/lib/raw-pools";
import { CONTENT_TYPES, ENCODERS, type TExportFormat } from "./export-encoders";

export { neutraliseFormula, type TExportFormat } from "./export-encoders";

export type TExportSlot = { client: pg.PoolClient; lockKey: string | null };
export type TExportRefusal = {
  ok: false;
  status: 429 | 503;
  code: "too_many_streams" | "busy";
  retryAfterSeconds: number;
  message: string;
};

const RETRY_AFTER_SECONDS = 5;
/** A client's stream that has just ended may take a moment to give its slot back (its cursor closing). */
const SLOT_GRACE_MS = 1000;
const LOCK_KEY = "hashtextextended($1, 0)";
const BATCH_BYTES = 64 * 1024;

/**
 * A connection of the `kind` pool and, for `clientKey` (a client address; an account for staff),
 * one of its stream slots. Null `clientKey`: no per-client limit (scripts, tests).
 */
export async function claimExportSlot(
  kind: TExportPool,
  clientKey: string | null,
): Promise<{ ok: true; slot: TExportSlot } | TExportRefusal> {
  const busy: TExportRefusal = {
    ok: false,
    status: 503,
    code: "busy",
    retryAfterSeconds: RETRY_AFTER_SECONDS,
    message: "Every export connection is busy; try again shortly.",
  };
  let client: pg.PoolClient;
  try {
    client = await exportPool(kind).connect();
  } catch (e) {
    console.warn(`[export] no ${kind} connection: ${(e as Error).message}`);
    return busy;
  }
  const perClient = env().EXPORT_STREAMS_PER_CLIENT;
  if (clientKey === null || perClient === 0) return { ok: true, slot: { client, lockKey: null } };
  try {
    const until = Date.now() + SLOT_GRACE_MS;
    for (;;) {
      for (let i = 0; i < perClient; i++) {
        const lockKey = `export:${kind}:${clientKey}:${i}`;
        const r = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS ok`, [lockKey]);
        if (r.rows[0].ok) return { ok: true, slot: { client, lockKey } };
      }
      if (Date.now() >= until) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (e) {
    client.release(e as Error);
    return busy;
  }
  client.release();
  return {
    ok: false,
    status: 429,
    code: "too_many_streams",
    retryAfterSeconds: RETRY_AFTER_SECONDS,
    message: `At most ${perClient} export${perClient === 1 ? "" : "s"} at once per client; try again when the current one has finished.`,
  };
}

/** Gives the slot back: the lock first (a pooled connection outlives the stream), then the connection. */
export async function releaseSlot(slot: TExportSlot): Promise<void> {
  try {
    if (slot.lockKey) await slot.client.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`, [slot.lockKey]);
    slot.client.release();
  } catch (e) {
    slot.client.release(e as Error); // a broken connection is closed, and its lock with it
  }
}

export class ExportStalled extends Error {}

/** Where each of `columns` is among the query's output fields (known once its first row has arrived). */
function columnOrder(query: QueryStream, columns: readonly string[]): number[] {
  const fields: { name: string }[] = query._result?.fields ?? [];
  return columns.map((c) => {
    const i = fields.findIndex((f) => f.name === c);
    if (i < 0) throw new Error(`export: the query has no column "${c}"`);
    return i;
  });
}

/**
 * Streams `query` on the slot's connection through `encode` into `out` (a PassThrough
 * for a web Response by default). `done` resolves with the number of rows, or rejects
 * when the stream fails, is cancelled or stalls; the slot is released however it ends.
 */
function streamRows<T extends Writable = PassThrough>(
  slot: TExportSlot,
  query: QueryStream,
  encode: Transform,
  opts: { columns: readonly string[]; map?: (row: Record<string, unknown>) => Record<string, unknown>; out?: T },
): { stream: T; done: Promise<number> } {
  const out = opts.out ?? (new PassThrough() as unknown as T);
  let rows = 0;
  let written = 0;
  // Rows come as arrays when there is no `map` (no object per row: a quarter of a million-row export's time went to
  // building and reading objects); the first one tells where each column is in the query's output.
  let order: number[] | null = null;
  const count = new Transform({
    objectMode: true,
    transform(row: Record<string, unknown> | unknown[], _e, cb) {
      rows += 1;
      if (!Array.isArray(row)) return cb(null, opts.map ? opts.map(row) : row);
      try {
        order ??= columnOrder(query, opts.columns);
      } catch (e) {
        return cb(e as Error);
      }
      const out = new Array(order.length);
      for (let i = 0; i < order.length; i++) out[i] = row[order[i]];
      cb(null, out);
    },
  });
  // The encoder writes a chunk per row: batched into ~64 KB, the web stream's per-chunk work is paid hundreds of times less.
  let batch: Buffer[] = [];
  let batchBytes = 0;
  const takeBatch = () => {
    const b = Buffer.concat(batch, batchBytes);
    written += batchBytes;
    batch = [];
    batchBytes = 0;
    return b;
  };
  const meter = new Transform({
    transform(chunk: Buffer, _e, cb) {
      batch.push(chunk);
      batchBytes += chunk.length;
      if (batchBytes >= BATCH_BYTES) cb(null, takeBatch());
      else cb();
    },
    flush(cb) {
      if (batchBytes) cb(null, takeBatch());
      else cb();
    },
  });
  // Progress is what the reader took; the stream is stalled when data waits for it and it takes nothing.
  const stallMs = env().EXPORT_STALL_SECONDS * 1000;
  let taken = -1;
  let since = Date.now();
  const watchdog = setInterval(
    () => {
      const waiting = ((out as unknown as Readable).readableLength ?? 0) + out.writableLength;
      if (written - waiting !== taken || waiting === 0) {
        taken = written - waiting;
        since = Date.now();
      } else if (Date.now() - since >= stallMs) {
        console.warn(`[export] stalled: nothing read for ${stallMs / 1000} s; stream destroyed, connection returned`);
        out.destroy(new ExportStalled("export stalled"));
      }
    },
    Math.min(1000, stallMs / 4),
  );
  watchdog.unref();
  const done = (async () => {
    try {
      await pipeline(slot.client.query(query), count, encode, meter, out);
      return rows;
    } finally {
      clearInterval(watchdog);
      await releaseSlot(slot);
    }
  })();
  done.catch(() => undefined); // callers that care attach their own handler; pipeline already destroyed `out`
  return { stream: out, done };
}

/** A query as PostgreSQL takes it: text with $1… placeholders and their values (a Prisma.Sql is one). */
export type TQueryText = { text: string; values: readonly unknown[] };

/**
 * Any query streamed as `format` on a claimed slot: the columns, in this order, are the
 * CSV header and each JSON object's keys; `map` completes a row before it is encoded.
 */
export function streamQuery<T extends Writable = PassThrough>(
  slot: TExportSlot,
  query: TQueryText,
  opts: {
    format: TExportFormat;
    columns: readonly string[];
    map?: (row: Record<string, unknown>) => Record<string, unknown>;
    out?: T;
  },
): { stream: T; done: Promise<number> } {
  const cursor = new QueryStream(query.text, [...query.values], {
    batchSize: 2000,
    ...(opts.map ? {} : { rowMode: "array" as const }),
  });
  return streamRows(slot, cursor, ENCODERS[opts.format](opts.columns), {
    columns: opts.columns,
    map: opts.map,
    out: opts.out,
  });
}

/**
 * A query streamed through an encoder of the caller's (the XLSX workbook, lib/reports/): its rows arrive as arrays
 * in the columns' order, as the CSV encoder gets them, with the same cursor, slot release and stall watchdog.
 */
export function streamQueryThrough<T extends Writable = PassThrough>(
  slot: TExportSlot,
  query: TQueryText,
  opts: { columns: readonly string[]; encode: Transform | Duplex; out?: T },
): { stream: T; done: Promise<number> } {
  const cursor = new QueryStream(query.text, [...query.values], { batchSize: 2000, rowMode: "array" });
  return streamRows(slot, cursor, opts.encode as Transform, { columns: opts.columns, out: opts.out });
}

/** The HTTP answer carrying an export: its type, a download file name, and the caller's headers (caching, rate limits…). */
export function exportResponse(
  stream: Readable,
  format: TExportFormat,
  filename: string,
  headers: Record<string, string>,
): Response {
  return new Response(exportBody(stream), {
    headers: {
      "content-type": CONTENT_TYPES[format],
      "content-disposition": `attachment; filename="${filename}"`,
      ...headers,
    },
  });
}

/** The web body of an export: backpressure counted in bytes (1 MB buffered at most), so a reader that stops stops the cursor. */
export function exportBody(stream: Readable): ReadableStream {
  return Readable.toWeb(stream, {
    strategy: new ByteLengthQueuingStrategy({ highWaterMark: 1024 * 1024 }),
  }) as ReadableStream;
}
