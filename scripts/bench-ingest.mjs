#!/usr/bin/env node
// npm run bench:ingest: how many responses per second the JSON API takes in,
// against the ceiling of this machine. Run through scripts/with-db.mjs, which
// provides a fresh migrated+seeded database (DATABASE_URL, AUTH_SECRET).
//
//   1. builds the app if the production build is missing or stale;
//   2. baseline (scripts/bench-raw-server.mjs, port BENCH_PORT+1: bare
//      node:http, JSON.parse, one INSERT with pg): warm-up, then maximum
//      throughput (closed loop, 64 in flight): the machine's ceiling, B;
//   3. app (scripts/server.mjs, port BENCH_PORT): warm-up; a fixed arrival
//      rate of 20 % of B (open loop, latency from each request's due time, so
//      queueing counts); maximum throughput (closed loop, 64 in flight): A;
//      the web form's Server Action flat out (its own figure, and its ratio to
//      A); overload: an open loop at 2 × A, where every request must be
//      answered, 201 or 503 + Retry-After, within 1 s;
//   4. truth check: rows in `response` for this run == 201s (API) and 303s
//      (form) the app returned: each accepted response stored exactly once;
//   5. prints a table and a verdict, writes bench-results/ingest-<time>.json.
//
// The open loops never queue on this side: every request is sent at its due
// time on a socket of its own if none is free (no connection limit), and the
// report says how late this process was in sending ("send lag").
//
// Env: BENCH_SECONDS (fixed-rate phase, 60), BENCH_MAX_SECONDS (20),
// BENCH_FORM_SECONDS (10), BENCH_OVERLOAD_SECONDS (15), BENCH_RATE (fixed
// rate in requests/s instead of 20 % of B), BENCH_PORT (3200; the baseline
// uses the next port), BENCH_PROFILE (a directory: the app's CPU profile).
// Exit code: 0 with a report (even when the target is missed), 1 on a crash,
// 2 when the truth check finds a mismatch.
import http from "node:http";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
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

const FIXED_RATE = process.env.BENCH_RATE ? numEnv("BENCH_RATE", 0) : null;
const SECONDS = numEnv("BENCH_SECONDS", 60);
const MAX_SECONDS = numEnv("BENCH_MAX_SECONDS", 20);
const FORM_SECONDS = numEnv("BENCH_FORM_SECONDS", 10);
const OVERLOAD_SECONDS = numEnv("BENCH_OVERLOAD_SECONDS", 15);
const HOST = "127.0.0.1";
const APP_PORT = numEnv("BENCH_PORT", 3200);
const RAW_PORT = APP_PORT + 1;
const APP_PATH = "/api/consultations/dpsi/responses";
const FORM_PATH = "/en/c/dpsi/respond";
const CONCURRENCY = 64;
const FORM_CONCURRENCY = 16;
// Enough for the JIT to compile the whole path (a server meets a rush warm: it has served for hours), not
// only its first requests; at 200, the first second of the next phase still ran on cold code.
const WARMUP_REQUESTS = 3_000;
const WARMUP_CONCURRENCY = 16;
const TIMEOUT_MS = 10_000;
const HEALTH_TIMEOUT_MS = 60_000;
const TARGET = { share: 0.2, seconds: 60, p99Ms: 250, capacityRatio: 0.3, overloadFactor: 2, answeredWithinMs: 1_000, shedWithinMs: 100 };
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
const jsonPayload = (key) => ({ body: BODY_PREFIX + key + BODY_SUFFIX, headers: { "content-type": "application/json", "content-length": BODY_FIXED_BYTES + key.length } });

// The same response as the web form posts it without JavaScript: multipart, the form's field names, and
// the hidden fields of the page (the Server Action's reference among them), read from the page once.
function formFields(input) {
  const fields = [];
  const aspects = { clarity: ["rating", "comment"], language: ["term", "proposedWording", "reason"], feasibility: ["rating", "countryContext", "comment"] };
  for (const f of input.feedback) {
    for (const [aspect, names] of Object.entries(aspects)) {
      for (const name of names) if (f[aspect]?.[name] !== undefined) fields.push([`c:${f.clause}:${aspect}:${name}`, String(f[aspect][name])]);
    }
  }
  fields.push(["generalComment", input.generalComment]);
  const yesNo = (v) => (v === true ? "yes" : v === false ? "no" : v);
  for (const [name, value] of Object.entries(input.respondent)) fields.push([name, String(yesNo(value))]);
  return fields;
}

const decodeHtml = (text) =>
  text.replace(/&(quot|amp|lt|gt|#39|#x27);/g, (_, e) => ({ quot: '"', amp: "&", lt: "<", gt: ">", "#39": "'", "#x27": "'" })[e]);

/** The hidden inputs of the page's response form (the one with an idempotency key). */
function hiddenFields(html) {
  const form = html.split("<form").find((part) => part.includes('name="idempotencyKey"'));
  if (!form) throw new Error(`${FORM_PATH}: no response form (no idempotencyKey field) in the page`);
  const fields = [];
  for (const [tag] of form.split("</form>")[0].matchAll(/<input\b[^>]*>/g)) {
    const attr = (n) => new RegExp(`\\s${n}="([^"]*)"`).exec(tag)?.[1];
    if (attr("type") !== "hidden" || !attr("name")) continue;
    fields.push([decodeHtml(attr("name")), decodeHtml(attr("value") ?? "")]);
  }
  return fields;
}

const getText = (port, urlPath) =>
  new Promise((resolve, reject) => {
    http.get({ host: HOST, port, path: urlPath, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode, retryAfter: Number(res.headers["retry-after"] ?? 1), text }));
    }).on("error", reject);
  });

async function formPayloadMaker(port) {
  let page = await getText(port, FORM_PATH);
  // A server just started may still be busy loading its code: it says when to come back.
  for (let i = 0; i < 10 && page.status === 503; i++) {
    await sleep(page.retryAfter * 1000);
    page = await getText(port, FORM_PATH);
  }
  if (page.status !== 200) throw new Error(`GET ${FORM_PATH}: ${page.status}`);
  const html = page.text;
  const fields = [...hiddenFields(html).filter(([name]) => name !== "idempotencyKey"), ...formFields(JSON.parse(TEMPLATE))];
  const boundary = "----bench" + randomBytes(8).toString("hex");
  const part = (name, value) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const [prefix, suffix] = (fields.map(([n, v]) => part(n, v)).join("") + part("idempotencyKey", KEY_MARK) + `--${boundary}--\r\n`).split(KEY_MARK);
  const fixed = Buffer.byteLength(prefix) + Buffer.byteLength(suffix);
  const origin = `http://${HOST}:${port}`;
  return (key) => ({ body: prefix + key + suffix, headers: { "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": fixed + key.length, origin } });
}

// ---------------------------------------------------------------- child processes

const children = new Set();

/**
 * Spawns `node <args>` in the project root, its output prefixed (and capped, so an error storm cannot flood the report).
 * With `logFile`, its output goes to that file instead, unread while the bench runs: the app logs a line per request, and
 * reading 100,000 lines here would take CPU from the app it measures. Its warnings are printed when it stops.
 */
function startChild(label, args, env, { logFile } = {}) {
  const fd = logFile ? openSync(logFile, "w") : null;
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", fd ?? "pipe", fd ?? "pipe"] });
  if (fd !== null) closeSync(fd);
  child.label = label;
  child.logFile = logFile;
  child.printed = 0;
  child.suppressed = 0;
  child.tail = [];
  child.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  children.add(child);
  child.exited.then(() => children.delete(child));
  const print = (line) => {
    child.tail.push(line);
    if (child.tail.length > 20) child.tail.shift();
    // Warnings and errors (e.g. the server's one line a second while it sheds load) are shown past the cap too.
    if (child.printed < 40 || (/"level":[456]0/.test(line) && child.printed < 400)) {
      child.printed++;
      console.log(`  [${label}] ${line}`);
    } else child.suppressed++;
  };
  child.replayLog = () => {
    if (!logFile) return;
    for (const line of readFileSync(logFile, "utf8").split("\n")) if (line) print(line);
    console.log(`  [${label}] (its whole output: ${path.relative(root, logFile)})`);
  };
  if (fd === null) for (const stream of [child.stdout, child.stderr]) readline.createInterface({ input: stream }).on("line", print);
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
  child.replayLog();
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
    if (!running(child)) {
      child.replayLog();
      throw new Error(`${child.label} exited before it was healthy:\n  ${child.tail.join("\n  ")}`);
    }
    if ((last = await getStatus(port, urlPath)) === 200) return;
    await sleep(250);
  }
  throw new Error(
    `${child.label}: GET http://${HOST}:${port}${urlPath} did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s ` +
      `(last answer: ${last || "no connection"}${last === 503 ? ", the database is unreachable" : ""})`,
  );
}

/** No limit on sockets: a request never waits on this side for a connection (the open loop stays open). */
function makeTarget(label, pid, port, urlPath, payload = jsonPayload, okStatus = null) {
  return { label, pid, port, path: urlPath, payload, okStatus, agent: new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 1024 }) };
}

/**
 * One POST; calls done(status, errorCode, endTime) once: status is 0 on a
 * network error or a timeout (TIMEOUT_MS from the call, body included);
 * retryAfter is the Retry-After header of the answer.
 */
function fire(target, key, done) {
  let finished = false;
  let sample = null;
  const finish = (status, error) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    done(status, error, performance.now(), sample, retryAfter);
  };
  let retryAfter;
  const { body, headers } = target.payload(key);
  const req = http.request(
    {
      host: HOST,
      port: target.port,
      method: "POST",
      path: target.path,
      agent: target.agent,
      headers,
    },
    (res) => {
      const status = res.statusCode;
      retryAfter = res.headers["retry-after"];
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
  req.end(body);
}

const fireP = (target, key) =>
  new Promise((resolve) => fire(target, key, (status, error, end, sample, retryAfter) => resolve({ status, error, end, sample, retryAfter })));

// ---------------------------------------------------------------- statistics

/** okStatus: the one status that means "stored" (the form's 303), else any 2xx. */
function newStats(expected = 0, okStatus = null) {
  return {
    okStatus,
    shedLatencies: [], // 503s only: how fast a refusal comes
    noRetryAfter: 0, // 503s without Retry-After
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

function record(stats, status, error, latencyMs, sample, retryAfter) {
  if (status === 0) {
    stats.errorCount++;
    stats.errors[error] = (stats.errors[error] ?? 0) + 1;
    return;
  }
  stats.completed++;
  stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
  if (stats.okStatus ? status === stats.okStatus : status >= 200 && status < 300) stats.ok++;
  if (status === 503) {
    stats.shedLatencies.push(latencyMs);
    if (!retryAfter) stats.noRetryAfter++;
  }
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
  const okStatus = (s) => (stats.okStatus ? Number(s) === stats.okStatus : s >= 200 && s < 300);
  const non2xx = Object.fromEntries(Object.entries(stats.byStatus).filter(([s]) => !okStatus(s)));
  const shed = Float64Array.from(stats.shedLatencies).sort();
  let within1s = 0;
  for (const l of sorted) if (l <= TARGET.answeredWithinMs) within1s++;
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
    answeredWithin1s: within1s,
    shed503: { count: shed.length, p50: round(pct(shed, 0.5)), p99: round(pct(shed, 0.99)), max: round(shed.length ? shed[shed.length - 1] : null), withoutRetryAfter: stats.noRetryAfter },
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

/** The processes of this run's PostgreSQL: the postmaster listening on DATABASE_URL's port, and its children. */
function postgresPids() {
  const port = (() => {
    try {
      return new URL(process.env.DATABASE_URL).port || "5432";
    } catch {
      return null;
    }
  })();
  const parents = new Map();
  let postmaster = null;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
      if (postmaster === null && stat.includes("(postgres)")) {
        const args = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
        if (args[args.indexOf("-p") + 1] === port) postmaster = Number(entry);
      }
    } catch {
      // gone meanwhile
    }
  }
  if (postmaster === null) return [];
  return [postmaster, ...[...parents].filter(([, ppid]) => ppid === postmaster).map(([pid]) => pid)];
}

/** CPU of PostgreSQL's processes in ms, by pid (backends come and go: compared pid by pid). */
const postgresCpu = () => new Map(postgresPids().map((pid) => [pid, procCpuMs(pid) ?? 0]));

function cpuStart(serverPid) {
  return { t: performance.now(), bench: process.cpuUsage(), server: procCpuMs(serverPid), postgres: postgresCpu(), machine: machineTimes(), serverPid };
}

/** CPU used since `s`, in % of one core (bench, server) and % of the whole machine. */
function cpuEnd(s) {
  const wall = performance.now() - s.t;
  const b = process.cpuUsage(s.bench);
  const server = procCpuMs(s.serverPid);
  const m = machineTimes();
  let postgresMs = 0;
  for (const [pid, ms] of postgresCpu()) postgresMs += ms - (s.postgres.get(pid) ?? 0);
  return {
    serverMs: server === null || s.server === null ? null : server - s.server,
    postgresMs: round(postgresMs, 0),
    benchPctOfCore: round(((b.user + b.system) / 1000 / wall) * 100, 0),
    serverPctOfCore: server === null || s.server === null ? null : round(((server - s.server) / wall) * 100, 0),
    machineBusyPct: round(((m.busy - s.machine.busy) / Math.max(1, m.total - s.machine.total)) * 100, 0),
  };
}

// ---------------------------------------------------------------- load generators

/**
 * Open loop: request i is due at t0 + i/rate and sent as soon as the event
 * loop gets there; its latency runs from the due time, so a server that falls
 * behind is charged for the queue (no coordinated omission). Nothing waits
 * on this side for a free connection (makeTarget's agent has no limit), so
 * the only queue is this process's own event loop: sendLag shows how late it
 * was in sending (p50/p99/max, and how many requests left over 10 ms late).
 */
function runFixedRate(target, { rate, seconds, keyPrefix }) {
  const total = Math.max(1, Math.round(rate * seconds));
  const interval = 1000 / rate;
  const stats = newStats(total, target.okStatus);
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
        fire(target, keyPrefix + next, (status, error, end, sample, retryAfter) => {
          record(stats, status, error, end - due, sample, retryAfter);
          if (end > lastEnd) lastEnd = end;
          if (++done === total) {
            const sortedLags = lags.sort();
            resolve(
              summarize(stats, lastEnd - t0, {
                mode: `open loop, ${rate}/s for ${seconds} s`,
                due: total,
                sendLagMs: {
                  p50: round(pct(sortedLags, 0.5)),
                  p99: round(pct(sortedLags, 0.99)),
                  max: round(sortedLags[total - 1]),
                  over10ms: sortedLags.findIndex((l) => l > 10) < 0 ? 0 : total - sortedLags.findIndex((l) => l > 10),
                },
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
  const stats = newStats(0, target.okStatus);
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  let n = 0;
  let lastEnd = t0;
  const worker = async () => {
    while (performance.now() < end) {
      const start = performance.now();
      stats.sent++;
      const r = await fireP(target, keyPrefix + n++);
      record(stats, r.status, r.error, r.end - start, r.sample, r.retryAfter);
      if (r.end > lastEnd) lastEnd = r.end;
      // A dead server must not turn this into a busy loop, nor a refusal (503) into a storm of retries.
      if (r.status === 0 || r.status === 503) await sleep(50);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summarize(stats, lastEnd - t0, { mode: `closed loop, ${concurrency} in flight for ${seconds} s` });
}

/** Warm-up: `count` requests, `concurrency` at a time. */
async function runCount(target, { count, concurrency, keyPrefix }) {
  const stats = newStats(0, target.okStatus);
  const t0 = performance.now();
  let n = 0;
  const worker = async () => {
    while (n < count) {
      const i = n++;
      const start = performance.now();
      stats.sent++;
      const r = await fireP(target, keyPrefix + i);
      record(stats, r.status, r.error, r.end - start, r.sample, r.retryAfter);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summarize(stats, performance.now() - t0, { mode: `warm-up, ${count} requests, ${concurrency} in flight` });
}

async function warmUp(target, keyPrefix, count = WARMUP_REQUESTS) {
  console.log(`\n== ${target.label}: warm-up (${count} requests)`);
  const warmup = await runCount(target, { count, concurrency: WARMUP_CONCURRENCY, keyPrefix });
  console.log(`   ${warmup.ok2xx}/${warmup.sent} stored, p50 ${warmup.latencyMs.p50} ms${problems(warmup)}`);
  await sleep(1_000);
  return warmup;
}

async function openLoop(target, label, { rate, seconds, keyPrefix }) {
  console.log(`== ${target.label}: ${label}, ${rate}/s for ${seconds} s (open loop)`);
  const cpu = cpuStart(target.pid);
  const r = await runFixedRate(target, { rate, seconds, keyPrefix });
  r.cpu = cpuEnd(cpu);
  console.log(
    `   ${r.ok2xx}/${r.sent} stored, ${r.throughput2xx}/s, p99 ${r.latencyMs.p99} ms, max ${r.latencyMs.max} ms, ` +
      `send lag p99 ${r.sendLagMs.p99} ms max ${r.sendLagMs.max} ms${problems(r)}`,
  );
  await sleep(2_000);
  return r;
}

async function closedLoop(target, label, { concurrency, seconds, keyPrefix }) {
  console.log(`== ${target.label}: ${label} (${concurrency} in flight for ${seconds} s)`);
  const cpu = cpuStart(target.pid);
  const r = await runClosedLoop(target, { concurrency, seconds, keyPrefix });
  r.cpu = cpuEnd(cpu);
  console.log(`   ${r.ok2xx}/${r.sent} stored, ${r.throughput2xx}/s, p99 ${r.latencyMs.p99} ms${problems(r)}`);
  await sleep(2_000);
  return r;
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

async function truthCheck(runId, api, form) {
  const sum = (phases, f) => phases.reduce((n, p) => n + f(p), 0);
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const count = async (pattern) => ({
      rows: Number((await client.query("SELECT count(*) AS n FROM response WHERE idempotency_key LIKE $1", [pattern])).rows[0].n),
      items: Number(
        (await client.query("SELECT count(*) AS n FROM feedback_item f JOIN response r ON r.id = f.response_id WHERE r.idempotency_key LIKE $1", [pattern])).rows[0].n,
      ),
    });
    const a = await count(`bench-${runId}-api-%`);
    const f = await count(`bench-${runId}-form-%`);
    const returned201 = sum(api, (p) => p.status201);
    const returned303 = sum(form, (p) => p.ok2xx);
    const rows = a.rows + f.rows;
    // Phase by phase (the key's phase letter): a phase whose client gave up on nothing must match exactly.
    const phases = {};
    for (const p of api) {
      const stored = (await count(`bench-${runId}-api-${p.phase}%`)).rows;
      phases[p.phase] = { rows: stored, returned201: p.status201, ok: stored === p.status201, clientGaveUp: p.errorCount };
    }
    return {
      phases,
      returned201,
      returned303,
      apiRows: a.rows,
      formRows: f.rows,
      ok: a.rows === returned201 && f.rows === returned303,
      feedbackItems: a.items + f.items,
      expectedItems: rows * ITEMS_PER_RESPONSE,
      itemsOk: a.items + f.items === rows * ITEMS_PER_RESPONSE,
      clientErrorsAndTimeouts: sum([...api, ...form], (p) => p.errorCount),
    };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- report

function fmtMs(x) {
  return x === null ? "–" : x.toFixed(1);
}

/** CPU (server + PostgreSQL) per stored response of the app's and the baseline's flat-out phases, and their ratio. */
function costOf(app, raw) {
  const per = (p) => (p.cpu?.serverMs != null && p.ok2xx ? (p.cpu.serverMs + p.cpu.postgresMs) / p.ok2xx : null);
  const appMs = per(app);
  const baselineMs = per(raw);
  return { appMs: round(appMs, 2), baselineMs: round(baselineMs, 2), ratio: appMs && baselineMs ? round(baselineMs / appMs, 3) : null };
}

function printTable(columns) {
  const cpuCell = (c) => (c ? `${c.serverPctOfCore ?? "–"}/${c.benchPctOfCore}/${c.machineBusyPct}%` : "–");
  const lag = (p) => (p.sendLagMs ? `${fmtMs(p.sendLagMs.p99)} / ${fmtMs(p.sendLagMs.max)} (${p.sendLagMs.over10ms} >10 ms)` : "–");
  const rows = [
    ["load", (p) => p.mode],
    ["sent / stored", (p) => `${p.sent} / ${p.ok2xx}`],
    ["other statuses", (p) => fmtCounts(p.non2xx)],
    ["errors / timeouts", (p) => fmtCounts(p.errors)],
    ["stored per second", (p) => p.throughput2xx],
    ["latency p50 / p99 (ms)", (p) => `${fmtMs(p.latencyMs.p50)} / ${fmtMs(p.latencyMs.p99)}`],
    ["latency max (ms)", (p) => fmtMs(p.latencyMs.max)],
    ["answered within 1 s", (p) => `${p.answeredWithin1s} / ${p.sent}`],
    ["503: count, p99 (ms), no Retry-After", (p) => (p.shed503.count ? `${p.shed503.count}, ${fmtMs(p.shed503.p99)}, ${p.shed503.withoutRetryAfter}` : "0")],
    ["bench send lag p99 / max (ms)", lag],
    ["CPU server/bench/machine", (p) => cpuCell(p.cpu)],
    ["CPU ms per stored: server / PostgreSQL", (p) => (p.cpu && p.ok2xx ? `${fmtMs(p.cpu.serverMs / p.ok2xx)} / ${fmtMs(p.cpu.postgresMs / p.ok2xx)}` : "–")],
  ];
  const table = [["", ...columns.map(([title]) => title)], ...rows.map(([label, f]) => [label, ...columns.map(([, p]) => String(f(p)))])];
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)) + 2);
  console.log("");
  for (const r of table) console.log(r.map((cell, i) => (i === 0 ? "  " + cell : cell).padEnd(widths[i] + (i === 0 ? 2 : 0))).join(""));
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
  const key = (kind, phase) => `bench-${runId}-${kind}-${phase}`;
  const machine = machineInfo();
  console.log(`bench:ingest run ${runId}`);
  console.log(`machine: ${machine.cpus} × ${machine.model}, ${machine.memoryGiB} GiB, ${machine.platform}, node ${machine.node}, load ${machine.loadAvgAtStart.join(" ")}`);
  console.log(
    `config: fixed rate ${FIXED_RATE ? `${FIXED_RATE}/s` : `${TARGET.share * 100} % of the baseline's capacity`} for ${SECONDS} s, max ${CONCURRENCY} in flight for ${MAX_SECONDS} s, ` +
      `form ${FORM_CONCURRENCY} in flight for ${FORM_SECONDS} s, overload ${TARGET.overloadFactor} × capacity for ${OVERLOAD_SECONDS} s, timeout ${TIMEOUT_MS / 1000} s, body ≈${BODY_FIXED_BYTES + 20} bytes`,
  );

  if (needsBuild()) {
    console.log("\n== production build missing or stale: building");
    const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
    if ((await runInherit(["scripts/prisma.mjs", "generate"], env)) !== 0) throw new Error("prisma generate failed");
    if ((await runInherit(["node_modules/next/dist/bin/next", "build"], env)) !== 0) throw new Error("next build failed");
  } else console.log("production build is up to date");

  for (const port of [APP_PORT, RAW_PORT]) {
    if (await portInUse(port)) throw new Error(`port ${port} on ${HOST} is already in use: stop whatever listens there first (or set BENCH_PORT)`);
  }

  // ---- the baseline first: its capacity sets the app's fixed rate
  console.log(`\n== starting the baseline on ${HOST}:${RAW_PORT}`);
  const raw = startChild("baseline", ["scripts/bench-raw-server.mjs"], { ...process.env, NODE_ENV: "production", PORT: String(RAW_PORT) });
  await waitHealthy(raw, RAW_PORT, "/health");
  const rawTarget = makeTarget("baseline", raw.pid, RAW_PORT, "/");
  await warmUp(rawTarget, key("raw", "w"));
  const rawMax = await closedLoop(rawTarget, "max throughput", { concurrency: CONCURRENCY, seconds: MAX_SECONDS, keyPrefix: key("raw", "m") });
  rawTarget.agent.destroy();
  await stopChild(raw);
  const rate = FIXED_RATE ?? Math.max(1, Math.round(TARGET.share * rawMax.throughput2xx));

  // ---- the app
  console.log(`\n== starting the app on ${HOST}:${APP_PORT}`);
  // BENCH_PROFILE=<dir>: the app writes a CPU profile there when it stops (open it in Chrome's DevTools).
  mkdirSync(path.join(root, "bench-results"), { recursive: true });
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const app = startChild("app", [...profile, "scripts/server.mjs"], {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(APP_PORT),
    HOSTNAME: HOST, // listen on loopback only (server.mjs defaults to 0.0.0.0)
    SUBMIT_RATE_LIMIT_PER_MINUTE: "0",
    MAX_IN_FLIGHT_PER_CLIENT: "0", // one load generator stands for many clients
    NEXT_TELEMETRY_DISABLED: "1",
  }, { logFile: path.join(root, "bench-results", `ingest-app-${process.pid}.log`) });
  await waitHealthy(app, APP_PORT, "/api/health");
  const api = makeTarget("app", app.pid, APP_PORT, APP_PATH);
  const form = makeTarget("app form", app.pid, APP_PORT, FORM_PATH, await formPayloadMaker(APP_PORT), 303);
  const apiWarmup = await warmUp(api, key("api", "w"));
  const fixed = await openLoop(api, `fixed rate (${FIXED_RATE ? "BENCH_RATE" : `${TARGET.share * 100} % of the baseline's ${rawMax.throughput2xx}/s`})`, { rate, seconds: SECONDS, keyPrefix: key("api", "f") });
  const max = await closedLoop(api, "max throughput", { concurrency: CONCURRENCY, seconds: MAX_SECONDS, keyPrefix: key("api", "m") });
  const formWarmup = await warmUp(form, key("form", "w"), 50);
  const formMax = await closedLoop(form, "form posts (Server Action), max throughput", { concurrency: FORM_CONCURRENCY, seconds: FORM_SECONDS, keyPrefix: key("form", "m") });
  const overloadRate = Math.max(1, Math.round(TARGET.overloadFactor * max.throughput2xx));
  const overload = await openLoop(api, `overload (${TARGET.overloadFactor} × its capacity)`, { rate: overloadRate, seconds: OVERLOAD_SECONDS, keyPrefix: key("api", "o") });
  api.agent.destroy();
  form.agent.destroy();
  // Stopping drains every request the server still holds, so the count below is final.
  await stopChild(app);

  apiWarmup.phase = "w";
  fixed.phase = "f";
  max.phase = "m";
  overload.phase = "o";
  const truth = await truthCheck(runId, [apiWarmup, fixed, max, overload], [formWarmup, formMax]);
  console.log(
    `\n== truth check: API ${truth.apiRows} rows for ${truth.returned201} 201s, form ${truth.formRows} rows for ${truth.returned303} 303s → ${truth.ok ? "OK" : "MISMATCH"}` +
      (truth.ok || !truth.clientErrorsAndTimeouts ? "" : ` (the client gave up on ${truth.clientErrorsAndTimeouts} requests, which the server may still have stored)`),
  );
  console.log(`   by phase: ${Object.entries(truth.phases).map(([k, v]) => `${k} ${v.rows}/${v.returned201}${v.ok ? "" : " MISMATCH"}`).join(", ")} (w warm-up, f fixed rate, m max, o overload)`);
  console.log(`   feedback items: ${truth.feedbackItems}, expected ${truth.expectedItems} (${ITEMS_PER_RESPONSE} per response) → ${truth.itemsOk ? "OK" : "MISMATCH"}`);

  // ---- report
  const ratio = rawMax.throughput2xx > 0 ? max.throughput2xx / rawMax.throughput2xx : null;
  const formRatio = max.throughput2xx > 0 ? formMax.throughput2xx / max.throughput2xx : null;
  printTable([
    ["baseline max", rawMax],
    ["app fixed rate", fixed],
    ["app max", max],
    ["form max", formMax],
    ["app overload", overload],
  ]);

  const fixedErrors = fixed.non2xxCount + fixed.errorCount + (fixed.due - fixed.sent);
  const latencyPass = fixed.latencyMs.p99 !== null && fixed.latencyMs.p99 <= TARGET.p99Ms && fixedErrors === 0;
  const capacityPass = ratio !== null && ratio >= TARGET.capacityRatio;
  const notAnswered = overload.sent - overload.answeredWithin1s; // late answers, timeouts and errors
  const otherStatuses = Object.entries(overload.byStatus).filter(([s]) => s !== "201" && s !== "503").reduce((n, [, c]) => n + c, 0);
  const overloadPass = notAnswered === 0 && otherStatuses === 0 && overload.errorCount === 0 && overload.shed503.withoutRetryAfter === 0 && truth.phases.o.ok;
  const shedPass = overload.shed503.count === 0 || overload.shed503.p99 <= TARGET.shedWithinMs;
  const verdict = {
    capacity: { pass: capacityPass, ratio: round(ratio, 3), appMax: max.throughput2xx, baselineMax: rawMax.throughput2xx, target: `app flat out ≥ ${TARGET.capacityRatio} × the baseline's` },
    latency: { pass: latencyPass, rate, p99Ms: fixed.latencyMs.p99, errors: fixedErrors, target: `p99 ≤ ${TARGET.p99Ms} ms with 0 errors at ${TARGET.share * 100} % of the baseline's capacity` },
    overload: { pass: overloadPass, rate: overloadRate, notAnsweredWithin1s: notAnswered, otherStatuses, target: `at ${TARGET.overloadFactor} × the app's capacity every request answered 201 or 503 + Retry-After within ${TARGET.answeredWithinMs} ms, each 201 stored once` },
    shedding: { pass: shedPass, p99Ms: overload.shed503.p99, count: overload.shed503.count, target: `503s answered within ${TARGET.shedWithinMs} ms (p99)` },
    form: { perSecond: formMax.throughput2xx, ratioToApi: round(formRatio, 3), note: "informative: the web form's Server Action flat out" },
    cost: costOf(max, rawMax),
    pass: latencyPass && capacityPass && overloadPass && shedPass,
    asTargeted: !FIXED_RATE && SECONDS >= TARGET.seconds,
  };
  const machineEnd = { ...machine, loadAvgAtEnd: os.loadavg().map((x) => round(x, 2)) };

  console.log(`\nmachine: ${machine.cpus} × ${machine.model}; load average at start ${machine.loadAvgAtStart.join(" ")}, at end ${machineEnd.loadAvgAtEnd.join(" ")}`);
  console.log(`truth check: ${truth.ok ? "OK" : "MISMATCH"} (API ${truth.apiRows} rows, ${truth.returned201} 201s; form ${truth.formRows} rows, ${truth.returned303} 303s); feedback items ${truth.itemsOk ? "OK" : "MISMATCH"}`);
  const pf = (b) => (b ? "PASS" : "FAIL");
  console.log("Verdict:");
  console.log(`  capacity ${pf(capacityPass)}  flat out: app ${max.throughput2xx}/s vs baseline ${rawMax.throughput2xx}/s = ${ratio === null ? "–" : ratio.toFixed(2)} (target: ≥ ${TARGET.capacityRatio})`);
  console.log(`  latency  ${pf(latencyPass)}  at ${rate}/s: p99 ${fmtMs(fixed.latencyMs.p99)} ms, ${fixedErrors} errors (target: ${verdict.latency.target})`);
  console.log(
    `  overload ${pf(overloadPass)}  at ${overloadRate}/s: ${overload.sent - notAnswered}/${overload.sent} answered within 1 s, ${overload.status201} 201s, ` +
      `${truth.phases.o.rows} rows stored (${truth.phases.o.ok ? "each once" : "MISMATCH"}), ${overload.shed503.count} refused, ${otherStatuses} other, ${overload.errorCount} errors`,
  );
  console.log(`  shedding ${pf(shedPass)}  503 p99 ${fmtMs(overload.shed503.p99)} ms (target: ≤ ${TARGET.shedWithinMs} ms)`);
  console.log(`  form     (informative) ${formMax.throughput2xx}/s = ${formRatio === null ? "–" : formRatio.toFixed(2)} × the JSON API`);
  console.log(
    `  cost     (informative, less sensitive to a busy machine) CPU per stored response, server + PostgreSQL, flat out: ` +
      `app ${fmtMs(verdict.cost.appMs)} ms vs baseline ${fmtMs(verdict.cost.baselineMs)} ms = ${verdict.cost.ratio === null ? "–" : verdict.cost.ratio.toFixed(2)}`,
  );
  console.log(`  overall  ${pf(verdict.pass)}`);
  if (!verdict.asTargeted) console.log(`  note: this run's fixed-rate phase lasted ${SECONDS} s${FIXED_RATE ? ` at BENCH_RATE=${FIXED_RATE}/s` : ""}, not the target's ${TARGET.seconds} s at ${TARGET.share * 100} %: indicative only`);

  const dir = path.join(root, "bench-results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `ingest-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  const results = {
    runId,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: machineEnd,
    config: { rate, seconds: SECONDS, maxSeconds: MAX_SECONDS, formSeconds: FORM_SECONDS, overloadSeconds: OVERLOAD_SECONDS, overloadRate, concurrency: CONCURRENCY, formConcurrency: FORM_CONCURRENCY, warmupRequests: WARMUP_REQUESTS, timeoutMs: TIMEOUT_MS, bodyBytes: BODY_FIXED_BYTES + 20 },
    baseline: { max: rawMax },
    app: { warmup: apiWarmup, fixed, max, overload },
    form: { warmup: formWarmup, max: formMax },
    capacityRatio: round(ratio, 3),
    formRatio: round(formRatio, 3),
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
