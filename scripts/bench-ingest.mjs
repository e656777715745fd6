#!/usr/bin/env node
// npm run bench:ingest: how many responses per second the JSON API takes in,
// against the ceiling of this machine. Run through scripts/with-db.mjs, which
// provides a fresh migrated+seeded database (DATABASE_URL, AUTH_SECRET).
//
//   1. builds the app if the production build is missing or stale;
//   2. app (scripts/server.mjs, port 3200): warm-up, then a fixed arrival
//      rate (open loop, latency from each request's due time, so queueing
//      counts), then maximum throughput (closed loop, 64 in flight);
//   3. truth check: rows in `response` for this run == 201s the app returned;
//   4. baseline (scripts/bench-raw-server.mjs, port 3201: bare node:http,
//      JSON.parse, one INSERT with pg): the same phases;
//   5. prints a table and a verdict, writes bench-results/ingest-<time>.json.
//
// Env: BENCH_RATE (300 requests/s), BENCH_SECONDS (60), BENCH_MAX_SECONDS (20).
// Exit code: 0 with a report (even when the target is missed), 1 on a crash,
// 2 when the truth check finds a mismatch.
import http from "node:http";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { needsBuild, root } from "./project.mjs";

// ---------------------------------------------------------------- settings

function numEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not ${JSON.stringify(raw)}`);
  return n;
}

const RATE = numEnv("BENCH_RATE", 300);
const SECONDS = numEnv("BENCH_SECONDS", 60);
const MAX_SECONDS = numEnv("BENCH_MAX_SECONDS", 20);
const HOST = "127.0.0.1";
const APP_PORT = 3200;
const RAW_PORT = 3201;
const APP_PATH = "/api/consultations/dpsi/responses";
const CONCURRENCY = 64;
const WARMUP_REQUESTS = 200;
const WARMUP_CONCURRENCY = 8;
const TIMEOUT_MS = 10_000;
const HEALTH_TIMEOUT_MS = 60_000;
const TARGET = { rate: 300, seconds: 60, p99Ms: 250, ratio: 0.7 };
const ITEMS_PER_RESPONSE = 7; // 2 clauses × (clarity, language, feasibility) + the general comment

// ---------------------------------------------------------------- the request body

// Pre-serialised once; each request only splices in its idempotency key.
const KEY_MARK = "__BENCH_IDEMPOTENCY_KEY__";
const TEMPLATE = JSON.stringify({
  idempotencyKey: KEY_MARK,
  feedback: [
    {
      clause: "1.1",
      clarity: {
        rating: 3,
        comment:
          "La définition est compréhensible, mais « information du secteur public » devrait préciser si les données produites par des délégataires de service public sont incluses.",
      },
      language: {
        term: "information du secteur public",
        proposedWording:
          "toute information détenue par un organisme du secteur public ou par une personne chargée d'une mission de service public, quel que soit son support",
        reason: "Aligner la définition sur celle de la directive (UE) 2019/1024 et éviter les lectures restrictives.",
      },
      feasibility: {
        rating: 4,
        countryContext:
          "En France, le code des relations entre le public et l'administration couvre déjà l'essentiel de ce périmètre.",
        comment: "Applicable sans changement législatif majeur ; un guide d'interprétation serait utile aux collectivités.",
      },
    },
    {
      clause: "2.1",
      clarity: { rating: 2, comment: "Le délai de mise à disposition n'est pas indiqué : « sans retard injustifié » reste flou." },
      language: {
        term: "sans retard injustifié",
        proposedWording: "dans un délai d'un mois à compter de la demande",
        reason: "Un délai chiffré facilite le contrôle et l'égalité de traitement entre demandeurs.",
      },
      feasibility: {
        rating: 3,
        countryContext: "Les petites communes disposent rarement d'un agent dédié à la diffusion des données.",
        comment: "Prévoir une mutualisation au niveau intercommunal et un accompagnement financier.",
      },
    },
  ],
  generalComment:
    "Nous soutenons l'objectif général du texte. Nos remarques portent surtout sur la précision des définitions et sur les moyens nécessaires aux administrations de petite taille.",
  respondent: {
    type: "organisation",
    country: "FR",
    organisationName: "Association des administrateurs territoriaux de données",
    publicSector: true,
    publication: "anonymous",
    privacyConsent: true,
  },
});
const [BODY_PREFIX, BODY_SUFFIX] = TEMPLATE.split(KEY_MARK);
const BODY_FIXED_BYTES = Buffer.byteLength(BODY_PREFIX) + Buffer.byteLength(BODY_SUFFIX);

// ---------------------------------------------------------------- child processes

const children = new Set();

/** Spawns `node <args>` in the project root, its output prefixed (and capped, so an error storm cannot flood the report). */
function startChild(label, args, env) {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  child.label = label;
  child.printed = 0;
  child.suppressed = 0;
  child.tail = [];
  child.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  children.add(child);
  child.exited.then(() => children.delete(child));
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on("line", (line) => {
      child.tail.push(line);
      if (child.tail.length > 20) child.tail.shift();
      if (child.printed < 40) {
        child.printed++;
        console.log(`  [${label}] ${line}`);
      } else child.suppressed++;
    });
  }
  return child;
}

const running = (child) => child.exitCode === null && child.signalCode === null;

/** SIGTERM, then waits for the exit (SIGKILL after 20 s). */
async function stopChild(child) {
  if (!child) return;
  if (running(child)) {
    child.kill("SIGTERM");
    const kill = setTimeout(() => running(child) && child.kill("SIGKILL"), 20_000);
    await child.exited;
    clearTimeout(kill);
  } else await child.exited;
  if (child.suppressed) console.log(`  [${child.label}] (${child.suppressed} more output lines not shown)`);
}

async function stopAll() {
  await Promise.all([...children].map((c) => stopChild(c)));
}

function runInherit(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

// ---------------------------------------------------------------- HTTP helpers

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function getStatus(port, urlPath) {
  return new Promise((resolve) => {
    const req = http.get({ host: HOST, port, path: urlPath, agent: false, timeout: 2_000 }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
      res.on("error", () => resolve(0));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve(0));
  });
}

function portInUse(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: HOST, port, path: "/", agent: false, timeout: 1_000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (e) => resolve(e.code !== "ECONNREFUSED"));
  });
}

async function waitHealthy(child, port, urlPath) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = 0;
  while (Date.now() < deadline) {
    if (!running(child)) throw new Error(`${child.label} exited before it was healthy:\n  ${child.tail.join("\n  ")}`);
    if ((last = await getStatus(port, urlPath)) === 200) return;
    await sleep(250);
  }
  throw new Error(
    `${child.label}: GET http://${HOST}:${port}${urlPath} did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s ` +
      `(last answer: ${last || "no connection"}${last === 503 ? ", the database is unreachable" : ""})`,
  );
}

function makeTarget(label, pid, port, urlPath) {
  return { label, pid, port, path: urlPath, agent: new http.Agent({ keepAlive: true, maxSockets: 512, maxFreeSockets: 512 }) };
}

/**
 * One POST; calls done(status, errorCode, endTime) once: status is 0 on a
 * network error or a timeout (TIMEOUT_MS from the call, body included).
 */
function fire(target, key, done) {
  let finished = false;
  let sample = null;
  const finish = (status, error) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    done(status, error, performance.now(), sample);
  };
  const req = http.request(
    {
      host: HOST,
      port: target.port,
      method: "POST",
      path: target.path,
      agent: target.agent,
      headers: { "content-type": "application/json", "content-length": BODY_FIXED_BYTES + key.length },
    },
    (res) => {
      const status = res.statusCode;
      if (status >= 200 && status < 300) res.on("data", () => {});
      else {
        sample = "";
        res.setEncoding("utf8");
        res.on("data", (c) => {
          if (sample.length < 400) sample += c;
        });
      }
      res.on("end", () => finish(status, null));
      res.on("error", (e) => finish(0, e.code || e.message));
      res.on("aborted", () => finish(0, "aborted"));
    },
  );
  const timer = setTimeout(() => {
    finish(0, "timeout");
    req.destroy();
  }, TIMEOUT_MS);
  req.on("error", (e) => finish(0, e.code || e.message));
  req.end(BODY_PREFIX + key + BODY_SUFFIX);
}

const fireP = (target, key) =>
  new Promise((resolve) => fire(target, key, (status, error, end, sample) => resolve({ status, error, end, sample })));

// ---------------------------------------------------------------- statistics

function newStats(expected = 0) {
  return {
    sent: 0,
    completed: 0, // an HTTP response, whatever its status
    ok: 0, // 2xx
    byStatus: {},
    errors: {}, // network errors and timeouts, by code
    errorCount: 0,
    samples: {}, // first body per non-2xx status
    latencies: expected ? new Float64Array(expected) : [],
    nLat: 0,
  };
}

function record(stats, status, error, latencyMs, sample) {
  if (status === 0) {
    stats.errorCount++;
    stats.errors[error] = (stats.errors[error] ?? 0) + 1;
    return;
  }
  stats.completed++;
  stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
  if (status >= 200 && status < 300) stats.ok++;
  else if (sample !== null && !(status in stats.samples)) stats.samples[status] = sample;
  if (Array.isArray(stats.latencies)) stats.latencies.push(latencyMs);
  else stats.latencies[stats.nLat] = latencyMs;
  stats.nLat++;
}

/** Nearest-rank percentile of a sorted array. */
const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] : null);
const round = (x, d = 1) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

function summarize(stats, elapsedMs, extra = {}) {
  const sorted = Float64Array.from(stats.latencies.slice(0, stats.nLat)).sort();
  const non2xx = Object.fromEntries(Object.entries(stats.byStatus).filter(([s]) => s < 200 || s >= 300));
  return {
    sent: stats.sent,
    completed: stats.completed,
    ok2xx: stats.ok,
    status201: stats.byStatus[201] ?? 0,
    byStatus: stats.byStatus,
    non2xx,
    non2xxCount: stats.completed - stats.ok,
    errors: stats.errors,
    errorCount: stats.errorCount,
    elapsedS: round(elapsedMs / 1000, 3),
    throughput2xx: round(stats.ok / (elapsedMs / 1000), 1),
    latencyMs: {
      over: "responses received (any status); errors and timeouts excluded",
      p50: round(pct(sorted, 0.5)),
      p90: round(pct(sorted, 0.9)),
      p99: round(pct(sorted, 0.99)),
      max: round(sorted.length ? sorted[sorted.length - 1] : null),
    },
    samples: stats.samples,
    ...extra,
  };
}

// ---------------------------------------------------------------- CPU accounting

// With the generator, the server and PostgreSQL sharing the cores, who used
// the CPU during a phase says how far a number is the server's own limit.
let CLK_TCK = 100;
try {
  CLK_TCK = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
} catch {}

/** utime+stime of a process in ms (Linux /proc), or null. */
function procCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK;
  } catch {
    return null;
  }
}

function machineTimes() {
  let busy = 0;
  let total = 0;
  for (const c of os.cpus()) {
    const t = c.times;
    busy += t.user + t.nice + t.sys + t.irq;
    total += t.user + t.nice + t.sys + t.irq + t.idle;
  }
  return { busy, total };
}

function cpuStart(serverPid) {
  return { t: performance.now(), bench: process.cpuUsage(), server: procCpuMs(serverPid), machine: machineTimes(), serverPid };
}

/** CPU used since `s`, in % of one core (bench, server) and % of the whole machine. */
function cpuEnd(s) {
  const wall = performance.now() - s.t;
  const b = process.cpuUsage(s.bench);
  const server = procCpuMs(s.serverPid);
  const m = machineTimes();
  return {
    benchPctOfCore: round(((b.user + b.system) / 1000 / wall) * 100, 0),
    serverPctOfCore: server === null || s.server === null ? null : round(((server - s.server) / wall) * 100, 0),
    machineBusyPct: round(((m.busy - s.machine.busy) / Math.max(1, m.total - s.machine.total)) * 100, 0),
  };
}

// ---------------------------------------------------------------- load generators

/**
 * Open loop: request i is due at t0 + i/rate and sent as soon as the event
 * loop gets there; its latency runs from the due time, so a server that falls
 * behind is charged for the queue (no coordinated omission). sendLag shows how
 * late this process itself was in sending.
 */
function runFixedRate(target, { rate, seconds, keyPrefix }) {
  const total = Math.max(1, Math.round(rate * seconds));
  const interval = 1000 / rate;
  const stats = newStats(total);
  const lags = new Float64Array(total);
  return new Promise((resolve) => {
    const t0 = performance.now() + 20;
    let next = 0;
    let done = 0;
    let lastEnd = t0;
    const tick = () => {
      while (next < total) {
        const due = t0 + next * interval;
        const now = performance.now();
        if (due > now) break;
        lags[next] = now - due;
        stats.sent++;
        fire(target, keyPrefix + next, (status, error, end, sample) => {
          record(stats, status, error, end - due, sample);
          if (end > lastEnd) lastEnd = end;
          if (++done === total) {
            const sortedLags = lags.sort();
            resolve(
              summarize(stats, lastEnd - t0, {
                mode: `open loop, ${rate}/s for ${seconds} s`,
                due: total,
                sendLagMs: { p99: round(pct(sortedLags, 0.99)), max: round(sortedLags[total - 1]) },
              }),
            );
          }
        });
        next++;
      }
      if (next < total) setTimeout(tick, Math.max(0, t0 + next * interval - performance.now()));
    };
    setTimeout(tick, Math.max(0, t0 - performance.now()));
  });
}

/** Closed loop: `concurrency` workers, each sending its next request when the previous one answers, for `seconds`. */
async function runClosedLoop(target, { concurrency, seconds, keyPrefix }) {
  const stats = newStats();
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  let n = 0;
  let lastEnd = t0;
  const worker = async () => {
    while (performance.now() < end) {
      const start = performance.now();
      stats.sent++;
      const r = await fireP(target, keyPrefix + n++);
      record(stats, r.status, r.error, r.end - start, r.sample);
      if (r.end > lastEnd) lastEnd = r.end;
      if (r.status === 0) await sleep(50); // a dead server must not turn this into a busy loop
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summarize(stats, lastEnd - t0, { mode: `closed loop, ${concurrency} in flight for ${seconds} s` });
}

/** Warm-up: `count` requests, `concurrency` at a time. */
async function runCount(target, { count, concurrency, keyPrefix }) {
  const stats = newStats();
  const t0 = performance.now();
  let n = 0;
  const worker = async () => {
    while (n < count) {
      const i = n++;
      const start = performance.now();
      stats.sent++;
      const r = await fireP(target, keyPrefix + i);
      record(stats, r.status, r.error, r.end - start, r.sample);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summarize(stats, performance.now() - t0, { mode: `warm-up, ${count} requests, ${concurrency} in flight` });
}

async function benchServer(target, runId) {
  const key = (phase) => `bench-${runId}-${phase}`;
  console.log(`\n== ${target.label}: warm-up (${WARMUP_REQUESTS} requests)`);
  const warmup = await runCount(target, { count: WARMUP_REQUESTS, concurrency: WARMUP_CONCURRENCY, keyPrefix: key("w") });
  console.log(`   ${warmup.ok2xx}/${warmup.sent} 2xx, p50 ${warmup.latencyMs.p50} ms${problems(warmup)}`);
  await sleep(1_000);

  console.log(`== ${target.label}: fixed rate ${RATE}/s for ${SECONDS} s`);
  let cpu = cpuStart(target.pid);
  const fixed = await runFixedRate(target, { rate: RATE, seconds: SECONDS, keyPrefix: key("f") });
  fixed.cpu = cpuEnd(cpu);
  console.log(`   ${fixed.ok2xx}/${fixed.sent} 2xx, ${fixed.throughput2xx}/s, p99 ${fixed.latencyMs.p99} ms${problems(fixed)}`);
  await sleep(2_000);

  console.log(`== ${target.label}: max throughput (${CONCURRENCY} in flight for ${MAX_SECONDS} s)`);
  cpu = cpuStart(target.pid);
  const max = await runClosedLoop(target, { concurrency: CONCURRENCY, seconds: MAX_SECONDS, keyPrefix: key("m") });
  max.cpu = cpuEnd(cpu);
  console.log(`   ${max.ok2xx}/${max.sent} 2xx, ${max.throughput2xx}/s, p99 ${max.latencyMs.p99} ms${problems(max)}`);
  return { warmup, fixed, max };
}

function problems(s) {
  const parts = [];
  if (s.non2xxCount) parts.push(`non-2xx ${fmtCounts(s.non2xx)}`);
  if (s.errorCount) parts.push(`errors ${fmtCounts(s.errors)}`);
  return parts.length ? ` — ${parts.join(", ")}` : "";
}

const fmtCounts = (o) =>
  Object.keys(o).length
    ? Object.entries(o)
        .map(([k, v]) => `${k}×${v}`)
        .join(" ")
    : "0";

// ---------------------------------------------------------------- truth check

async function truthCheck(runId, app) {
  const returned201 = app.warmup.status201 + app.fixed.status201 + app.max.status201;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const pattern = `bench-${runId}-%`;
    const rows = Number((await client.query("SELECT count(*) AS n FROM response WHERE idempotency_key LIKE $1", [pattern])).rows[0].n);
    const items = Number(
      (
        await client.query(
          "SELECT count(*) AS n FROM feedback_item f JOIN response r ON r.id = f.response_id WHERE r.idempotency_key LIKE $1",
          [pattern],
        )
      ).rows[0].n,
    );
    const gaveUp = app.warmup.errorCount + app.fixed.errorCount + app.max.errorCount;
    return {
      returned201,
      rows,
      ok: rows === returned201,
      feedbackItems: items,
      expectedItems: rows * ITEMS_PER_RESPONSE,
      itemsOk: items === rows * ITEMS_PER_RESPONSE,
      clientErrorsAndTimeouts: gaveUp,
    };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- report

function fmtMs(x) {
  return x === null ? "–" : x.toFixed(1);
}

function printTable(app, raw, ratio) {
  const rows = [];
  const section = (title) => rows.push([title]);
  const row = (label, a, b) => rows.push([label, String(a), String(b)]);
  const cpuCell = (c) => `${c.serverPctOfCore ?? "–"}% / ${c.benchPctOfCore}% / ${c.machineBusyPct}%`;
  section(`Fixed rate ${RATE}/s for ${SECONDS} s (open loop, latency from due time)`);
  row("due / sent", `${app.fixed.due} / ${app.fixed.sent}`, `${raw.fixed.due} / ${raw.fixed.sent}`);
  row("completed", app.fixed.completed, raw.fixed.completed);
  row("2xx", app.fixed.ok2xx, raw.fixed.ok2xx);
  row("non-2xx (by status)", fmtCounts(app.fixed.non2xx), fmtCounts(raw.fixed.non2xx));
  row("errors / timeouts", fmtCounts(app.fixed.errors), fmtCounts(raw.fixed.errors));
  row("throughput (2xx/s)", app.fixed.throughput2xx, raw.fixed.throughput2xx);
  row("latency p50 (ms)", fmtMs(app.fixed.latencyMs.p50), fmtMs(raw.fixed.latencyMs.p50));
  row("latency p90 (ms)", fmtMs(app.fixed.latencyMs.p90), fmtMs(raw.fixed.latencyMs.p90));
  row("latency p99 (ms)", fmtMs(app.fixed.latencyMs.p99), fmtMs(raw.fixed.latencyMs.p99));
  row("latency max (ms)", fmtMs(app.fixed.latencyMs.max), fmtMs(raw.fixed.latencyMs.max));
  row("bench send lag p99/max (ms)", `${fmtMs(app.fixed.sendLagMs.p99)} / ${fmtMs(app.fixed.sendLagMs.max)}`, `${fmtMs(raw.fixed.sendLagMs.p99)} / ${fmtMs(raw.fixed.sendLagMs.max)}`);
  row("CPU server / bench / machine", cpuCell(app.fixed.cpu), cpuCell(raw.fixed.cpu));
  section(`Max throughput (closed loop, ${CONCURRENCY} in flight for ${MAX_SECONDS} s)`);
  row("sent / 2xx", `${app.max.sent} / ${app.max.ok2xx}`, `${raw.max.sent} / ${raw.max.ok2xx}`);
  row("non-2xx / errors", `${fmtCounts(app.max.non2xx)} / ${fmtCounts(app.max.errors)}`, `${fmtCounts(raw.max.non2xx)} / ${fmtCounts(raw.max.errors)}`);
  row("max throughput (2xx/s)", app.max.throughput2xx, raw.max.throughput2xx);
  row("latency p50 (ms)", fmtMs(app.max.latencyMs.p50), fmtMs(raw.max.latencyMs.p50));
  row("latency p99 (ms)", fmtMs(app.max.latencyMs.p99), fmtMs(raw.max.latencyMs.p99));
  row("CPU server / bench / machine", cpuCell(app.max.cpu), cpuCell(raw.max.cpu));
  row("capacity ratio app / baseline", ratio === null ? "–" : ratio.toFixed(2), "");

  const w0 = Math.max(...rows.filter((r) => r.length > 1).map((r) => r[0].length)) + 4;
  const w1 = Math.max(20, ...rows.filter((r) => r.length > 1).map((r) => r[1].length)) + 2;
  console.log("\n" + "".padEnd(w0) + "app (Next.js)".padEnd(w1) + "baseline (node:http + pg)");
  for (const r of rows) {
    if (r.length === 1) console.log(r[0]);
    else console.log(("  " + r[0]).padEnd(w0) + r[1].padEnd(w1) + r[2]);
  }
  console.log(`(CPU: server and bench processes in % of one core, machine in % of all ${os.cpus().length} cores; PostgreSQL is the rest)`);
}

function machineInfo() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model?.trim() ?? "unknown",
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAvgAtStart: os.loadavg().map((x) => round(x, 2)),
  };
}

// ---------------------------------------------------------------- main

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set: run through `npm run bench:ingest` (scripts/with-db.mjs).");
  const startedAt = new Date();
  const runId = Date.now().toString(36) + randomBytes(3).toString("hex"); // [a-z0-9] only: safe inside LIKE
  const machine = machineInfo();
  console.log(`bench:ingest run ${runId}`);
  console.log(`machine: ${machine.cpus} × ${machine.model}, ${machine.memoryGiB} GiB, ${machine.platform}, node ${machine.node}, load ${machine.loadAvgAtStart.join(" ")}`);
  console.log(`config: fixed ${RATE}/s for ${SECONDS} s, max ${CONCURRENCY} in flight for ${MAX_SECONDS} s, timeout ${TIMEOUT_MS / 1000} s, body ≈${BODY_FIXED_BYTES + 20} bytes`);

  if (needsBuild()) {
    console.log("\n== production build missing or stale: building");
    const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
    if ((await runInherit(["scripts/prisma.mjs", "generate"], env)) !== 0) throw new Error("prisma generate failed");
    if ((await runInherit(["node_modules/next/dist/bin/next", "build"], env)) !== 0) throw new Error("next build failed");
  } else console.log("production build is up to date");

  for (const port of [APP_PORT, RAW_PORT]) {
    if (await portInUse(port)) throw new Error(`port ${port} on ${HOST} is already in use: stop whatever listens there first`);
  }

  // ---- the app
  console.log(`\n== starting the app on ${HOST}:${APP_PORT}`);
  const app = startChild("app", ["scripts/server.mjs"], {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(APP_PORT),
    HOSTNAME: HOST, // listen on loopback only (server.mjs defaults to 0.0.0.0)
    SUBMIT_RATE_LIMIT_PER_MINUTE: "0",
    MAX_IN_FLIGHT_PER_CLIENT: "0", // one load generator stands for many clients
    NEXT_TELEMETRY_DISABLED: "1",
  });
  await waitHealthy(app, APP_PORT, "/api/health");
  const appTarget = makeTarget("app", app.pid, APP_PORT, APP_PATH);
  const appResults = await benchServer(appTarget, runId);
  appTarget.agent.destroy();
  // Stopping drains every request the server still holds, so the count below is final.
  await stopChild(app);

  const truth = await truthCheck(runId, appResults);
  console.log(
    `\n== truth check: ${truth.rows} rows in response for this run, ${truth.returned201} 201s returned → ${truth.ok ? "OK" : "MISMATCH"}` +
      (truth.ok || !truth.clientErrorsAndTimeouts ? "" : ` (the client gave up on ${truth.clientErrorsAndTimeouts} requests, which the server may still have stored)`),
  );
  console.log(`   feedback items: ${truth.feedbackItems}, expected ${truth.expectedItems} (${ITEMS_PER_RESPONSE} per response) → ${truth.itemsOk ? "OK" : "MISMATCH"}`);

  // ---- the baseline
  console.log(`\n== starting the baseline on ${HOST}:${RAW_PORT}`);
  const raw = startChild("baseline", ["scripts/bench-raw-server.mjs"], { ...process.env, NODE_ENV: "production", PORT: String(RAW_PORT) });
  await waitHealthy(raw, RAW_PORT, "/health");
  const rawTarget = makeTarget("baseline", raw.pid, RAW_PORT, "/");
  const rawResults = await benchServer(rawTarget, runId);
  rawTarget.agent.destroy();
  await stopChild(raw);

  // ---- report
  // The ratio: the same fixed-rate load against both, app throughput over the baseline's.
  const sameLoadRatio = rawResults.fixed.throughput2xx > 0 ? appResults.fixed.throughput2xx / rawResults.fixed.throughput2xx : null;
  // For information: what each can do flat out (a bare node:http server has no framework, no validation).
  const ratio = rawResults.max.throughput2xx > 0 ? appResults.max.throughput2xx / rawResults.max.throughput2xx : null;
  printTable(appResults, rawResults, ratio);

  const f = appResults.fixed;
  const fixedErrors = f.non2xxCount + f.errorCount + (f.due - f.sent);
  const latencyPass = f.latencyMs.p99 !== null && f.latencyMs.p99 <= TARGET.p99Ms && fixedErrors === 0;
  const capacityPass = sameLoadRatio !== null && sameLoadRatio >= TARGET.ratio;
  const asTargeted = RATE === TARGET.rate && SECONDS === TARGET.seconds;
  const verdict = {
    latency: { pass: latencyPass, p99Ms: f.latencyMs.p99, errors: fixedErrors, target: `p99 ≤ ${TARGET.p99Ms} ms with 0 errors at ${TARGET.rate}/s for ${TARGET.seconds} s` },
    ratio: { pass: capacityPass, sameLoad: round(sameLoadRatio, 3), target: `app throughput ≥ ${TARGET.ratio} × baseline throughput under the same load` },
    capacity: { ratio: round(ratio, 3), appMax: appResults.max.throughput2xx, baselineMax: rawResults.max.throughput2xx, note: "informative: closed-loop maximum of each" },
    pass: latencyPass && capacityPass,
    asTargeted,
  };
  const machineEnd = { ...machine, loadAvgAtEnd: os.loadavg().map((x) => round(x, 2)) };

  console.log(`\nmachine: ${machine.cpus} × ${machine.model}; load average at start ${machine.loadAvgAtStart.join(" ")}, at end ${machineEnd.loadAvgAtEnd.join(" ")}`);
  console.log(`truth check: ${truth.ok ? "OK" : "MISMATCH"} (${truth.rows} rows, ${truth.returned201} 201s); feedback items ${truth.itemsOk ? "OK" : "MISMATCH"}`);
  console.log("Verdict:");
  console.log(`  latency  ${latencyPass ? "PASS" : "FAIL"}  app p99 ${fmtMs(f.latencyMs.p99)} ms, ${fixedErrors} errors (target: ${verdict.latency.target})`);
  console.log(`  ratio    ${capacityPass ? "PASS" : "FAIL"}  same load: app ${appResults.fixed.throughput2xx}/s vs baseline ${rawResults.fixed.throughput2xx}/s = ${sameLoadRatio === null ? "–" : sameLoadRatio.toFixed(2)} (target: ≥ ${TARGET.ratio})`);
  console.log(`  capacity (informative) flat out: app ${appResults.max.throughput2xx}/s vs baseline ${rawResults.max.throughput2xx}/s = ${ratio === null ? "–" : ratio.toFixed(2)}`);
  console.log(`  overall  ${verdict.pass ? "PASS" : "FAIL"}`);
  if (!asTargeted) console.log(`  note: this run was ${RATE}/s for ${SECONDS} s, not the target's ${TARGET.rate}/s for ${TARGET.seconds} s: indicative only`);

  const dir = path.join(root, "bench-results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `ingest-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  const results = {
    runId,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: machineEnd,
    config: { rate: RATE, seconds: SECONDS, maxSeconds: MAX_SECONDS, concurrency: CONCURRENCY, warmupRequests: WARMUP_REQUESTS, timeoutMs: TIMEOUT_MS, bodyBytes: BODY_FIXED_BYTES + 20 },
    app: appResults,
    baseline: rawResults,
    sameLoadRatio: round(sameLoadRatio, 3),
    capacityRatio: round(ratio, 3),
    truth,
    verdict,
  };
  writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
  console.log(`\nresults: ${path.relative(root, file)}`);
  return truth.ok && truth.itemsOk ? 0 : 2;
}

let exitCode = 1;
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.error(`\nbench:ingest: ${signal}, stopping the servers`);
    await stopAll();
    process.exit(130);
  });
}
try {
  exitCode = await main();
} catch (err) {
  console.error("\nbench:ingest failed:", err?.stack ?? err);
  exitCode = 1;
} finally {
  await stopAll();
}
process.exit(exitCode);
