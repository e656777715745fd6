#!/usr/bin/env node
// npm run test:crash — no acknowledged response is ever lost or stored twice.
// Under steady load from clients that retry with their idempotency key until
// they get an answer, the app is killed with SIGKILL five times (and started
// again), then PostgreSQL five times (the app must reconnect by itself).
// Afterwards every acknowledged response must be in the database exactly once,
// and every acknowledged response that gave an email address must have its
// receipt delivered (to a local SMTP sink) once, within RECEIPT_WAIT_MS of the
// last kill: a killed server's jobs are freed about a minute after its death
// (lib/jobs/worker-heartbeat.ts), not after graphile-worker's 4-hour expiry.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { dataDirFor, ensureDatabase, startEmbeddedDb } from "./embedded-db.mjs";
import { migrate } from "./migrate.mjs";
import { startMailSink } from "./mail-sink.mjs";
import { root } from "./project.mjs";
import { buildIfNeeded, fetchWithin, serverArgs, startProcess, waitHealthy } from "./processes.mjs";

const PORT = Number(process.env.CRASH_PORT || 3300);
const CLIENTS = 16;
const KILLS = 5;
const log = (m) => console.log(`[crash] ${m}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const dataDir = dataDirFor(root, `pg-crash-${process.pid}`);
let db = await startEmbeddedDb({ dataDir, quiet: true, log });
const dbPort = db.port;
await ensureDatabase(db.url(), "crash");
// Receipts: every message the app sends, counted by the reference it names.
const receipts = new Map();
const sink = await startMailSink({
  onMessage(raw) {
    const ref = /[A-Z]+-\d{4}-\d{6,}/.exec(raw)?.[0];
    if (ref) receipts.set(ref, (receipts.get(ref) ?? 0) + 1);
  },
});
const env = {
  ...process.env,
  DATABASE_URL: db.url("crash"),
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  PORT: String(PORT),
  NODE_ENV: "production",
  SUBMIT_RATE_LIMIT_PER_MINUTE: "0",
  SUBMIT_RATE_LIMIT_PER_EMAIL_PER_HOUR: "0",
  LOG_LEVEL: "warn",
  NEXT_TELEMETRY_DISABLED: "1",
  RETENTION_INTERVAL_HOURS: "0",
  DATABASE_POOL_TIMEOUT_MS: "2000",
  SMTP_URL: sink.url,
};
await migrate(env.DATABASE_URL);
const seeded = spawnSync(process.execPath, [path.join(root, "scripts/seed.mjs")], { env, stdio: "inherit" });
if (seeded.status !== 0) throw new Error("seed failed");
await buildIfNeeded(env, () => log("building…"));

let app;
const startApp = async () => {
  app = startProcess("app", serverArgs(), { env, output: "quiet" });
  await waitHealthy(`http://127.0.0.1:${PORT}/api/health`, { child: app, timeoutMs: 30_000, intervalMs: 100 });
};
await startApp();

// The clients: each sends responses one after another, retrying the same key until it gets 200 or 201.
const acknowledged = new Map(); // idempotency key → reference
const withEmail = new Set(); // idempotency keys of responses that gave an email address (one in four)
let sent = 0;
let retries = 0;
let running = true;
const body = (key) =>
  JSON.stringify({
    idempotencyKey: key,
    feedback: [{ clause: "1.1", clarity: { rating: 3, comment: `crash test ${key}` } }],
    respondent: {
      type: "individual",
      country: "FR",
      publicSector: false,
      publication: "none",
      privacyConsent: true,
      ...(withEmail.has(key) ? { email: `${key.toLowerCase()}@crash.invalid` } : {}),
    },
  });
async function client() {
  while (running) {
    const key = `crash-${randomBytes(12).toString("base64url")}`;
    if (sent % 4 === 0) withEmail.add(key);
    sent += 1;
    for (;;) {
      try {
        const request = { method: "POST", headers: { "content-type": "application/json" }, body: body(key) };
        const reference = await fetchWithin(
          `http://127.0.0.1:${PORT}/api/consultations/dpsi/responses`,
          request,
          10_000,
          async (r) =>
            r.status === 200 || r.status === 201 ? (await r.json()).reference : void (await r.body?.cancel()),
        );
        if (reference) {
          acknowledged.set(key, reference);
          break;
        }
      } catch {
        /* the app or the database is down: retry */
      }
      retries += 1;
      await sleep(200);
    }
  }
}
const clients = Array.from({ length: CLIENTS }, client);

const pgPid = () => Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
await sleep(3000);
for (let i = 1; i <= KILLS; i++) {
  process.kill(app.pid, "SIGKILL");
  log(`kill -9 app #${i} (acknowledged so far: ${acknowledged.size})`);
  await sleep(500);
  await startApp();
  await sleep(2500);
}
for (let i = 1; i <= KILLS; i++) {
  process.kill(pgPid(), "SIGKILL");
  log(`kill -9 PostgreSQL #${i} (acknowledged so far: ${acknowledged.size})`);
  await sleep(1000);
  db = await startEmbeddedDb({ dataDir, quiet: true, log, port: dbPort });
  await sleep(2500);
}
await sleep(3000);
running = false;
await Promise.all(clients);
// Receipts a killed server held are freed by the running server's sweep about a minute after the kill (or
// after PostgreSQL's last restart); those that failed while PostgreSQL was down wait for their backoff.
const RECEIPT_WAIT_MS = 180_000;
const owedRefs = () => [...acknowledged].filter(([k]) => withEmail.has(k)).map(([, ref]) => ref);
log(`waiting until every receipt owed is delivered (at most ${RECEIPT_WAIT_MS / 1000} s)…`);
const waitStart = Date.now();
while (Date.now() - waitStart < RECEIPT_WAIT_MS && owedRefs().some((ref) => !receipts.has(ref))) await sleep(1000);
await sleep(2000); // a receipt sent twice arrives late, if at all
log(`waited ${Math.round((Date.now() - waitStart) / 1000)} s for the receipts`);

// The truth: every acknowledged key once, with the reference the client was given.
const c = new pg.Client({ connectionString: env.DATABASE_URL });
await c.connect();
const { rows } = await c.query(`SELECT idempotency_key, reference FROM response WHERE idempotency_key LIKE 'crash-%'`);
const stored = new Map();
let duplicated = 0;
for (const r of rows) {
  if (stored.has(r.idempotency_key)) duplicated += 1;
  stored.set(r.idempotency_key, r.reference);
}
const lost = [...acknowledged].filter(([k, ref]) => stored.get(k) !== ref).length;
// Receipts: delivered, or still queued (late: a FAIL), or neither (lost).
const queued = new Set(
  (
    await c.query(`SELECT r.reference FROM graphile_worker.jobs j JOIN response r ON j.key = 'receipt:' || r.id
  WHERE j.task_identifier = 'send-receipt'`)
  ).rows.map((r) => r.reference),
);
// What is left in the queue, and who holds it: a live server (its pool beats in job_worker) or a dead one.
const queueState = await c.query(`SELECT attempts, CASE WHEN locked_by IS NULL THEN '' WHEN EXISTS
  (SELECT 1 FROM job_worker w WHERE w.id = locked_by) THEN ', locked by a live server' ELSE ', locked by a dead server' END
  AS held, count(*)::int AS n, round(extract(epoch FROM min(run_at - now())))::int AS due_in_s, round(extract(epoch FROM
  max(now() - locked_at)))::int AS locked_s FROM graphile_worker.jobs WHERE task_identifier = 'send-receipt' GROUP BY 1, 2 ORDER BY 1, 2`);
for (const r of queueState.rows)
  log(
    `queue: ${r.n} receipt jobs after ${r.attempts} attempts${r.held}, due ${-r.due_in_s} s ago, locked ${r.locked_s ?? 0} s`,
  );
const sessions = await c.query(`SELECT state, left(query, 60) AS q, count(*)::int AS n FROM pg_stat_activity
  WHERE datname = current_database() AND pid <> pg_backend_pid() GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 8`);
for (const r of sessions.rows) log(`session: ${r.n} × ${r.state}: ${r.q.replace(/\s+/g, " ")}`);
const owed = owedRefs();
const delivered = owed.filter((ref) => receipts.has(ref)).length;
const pending = owed.filter((ref) => !receipts.has(ref) && queued.has(ref)).length;
const receiptsLost = owed.length - delivered - pending;
const twice = owed.filter((ref) => (receipts.get(ref) ?? 0) > 1).length;
const settings = await c.query(
  `SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sync`,
);
await c.end();
process.kill(app.pid, "SIGTERM");
await db.stop();
await sink.stop();
rmSync(dataDir, { recursive: true, force: true });

log(`PostgreSQL fsync=${settings.rows[0].fsync}, synchronous_commit=${settings.rows[0].sync}`);
log(
  `clients: ${CLIENTS}; responses sent: ${sent}; retries: ${retries}; acknowledged: ${acknowledged.size}; stored: ${rows.length}`,
);
log(`app killed: ${KILLS}; PostgreSQL killed: ${KILLS}; lost: ${lost}; duplicated: ${duplicated}`);
log(
  `receipts owed: ${owed.length}; delivered: ${delivered}; still queued: ${pending}; lost: ${receiptsLost}; delivered twice (at least once): ${twice}`,
);
const ok =
  lost === 0 && duplicated === 0 && acknowledged.size > 0 && delivered === owed.length && delivered > 0 && twice === 0;
log(
  ok
    ? `PASS: every acknowledged response is stored exactly once, and its receipt delivered once within ${RECEIPT_WAIT_MS / 1000} s`
    : "FAIL",
);
process.exit(ok ? 0 : 1);
