#!/usr/bin/env node
// npm run bench:ingest: how many responses per second the JSON API takes in,
// against the ceiling of this machine. Run through scripts/with-db.mjs, which
// provides a fresh migrated+seeded database (DATABASE_URL, AUTH_SECRET).
//
//   1. builds the app if the production build is missing or stale;
//   2. baseline (scripts/bench-raw-server.mjs, port BENCH_PORT+1: bare node:http, JSON.parse, one INSERT with pg):
//      warm-up, then maximum throughput (closed loop, 64 in flight): the machine's ceiling, B;
//   3. app (scripts/server.mjs, port BENCH_PORT): warm-up; a fixed arrival rate of 20 % of B (open loop, latency
//      from each request's due time, so queueing counts); maximum throughput (closed loop, 64 in flight): A; then
//      the baseline flat out again: B is the mean of its two runs (the machine's speed drifts within minutes); the
//      web form's Server Action flat out (its own figure, and its ratio to A); overload: an open loop at 2 × A,
//      where every request must be answered, 201 or 503 + Retry-After, within 1 s. Every flat-out phase and the
//      overload start on a settled database (every item derived, CHECKPOINT, no autovacuum: bench-ingest/settle.mjs);
//   4. truth check: rows in `response` for this run == 201s (API) and 303s (form) the app returned: each accepted
//      response stored exactly once;
//   5. prints a table and a verdict, writes bench-results/ingest-<time>.json.
//
// The closed loops (warm-ups, flat out) are autocannon's; the open loops never queue on this side: every request is
// sent at its due time on a connection of its own if none is free (no limit; bench-ingest/raw-http.mjs), and the
// report says how late this process was in sending ("send lag"). See scripts/bench-ingest/.
//
// Env: BENCH_SECONDS (fixed-rate phase, 60), BENCH_MAX_SECONDS (20),
// BENCH_FORM_SECONDS (10), BENCH_OVERLOAD_SECONDS (15), BENCH_RATE (fixed
// rate in requests/s instead of 20 % of B), BENCH_PORT (3200; the baseline
// uses the next port), BENCH_PROFILE (a directory: the app's CPU profile).
// Exit code: 0 with a report (even when the target is missed), 1 on a crash,
// 2 when the truth check finds a mismatch.
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { root } from "./project.mjs";
import {
  buildIfNeeded,
  onStopSignal,
  serverArgs,
  startProcess,
  stopAll,
  stopProcess,
  waitHealthy,
} from "./processes.mjs";
import { BODY_FIXED_BYTES, formPayloadMaker, jsonPayload } from "./bench-ingest/payload.mjs";
import { makeTarget, TIMEOUT_MS } from "./bench-ingest/open-loop.mjs";
import { closedLoop, openLoop, warmUp, WARMUP_REQUESTS } from "./bench-ingest/phases.mjs";
import { meanOfRuns, round } from "./bench-ingest/stats.mjs";
import { printTruth, truthCheck } from "./bench-ingest/truth.mjs";
import { machineInfo, printTable, writeResults } from "./bench-ingest/report.mjs";
import { judge, TARGET } from "./bench-ingest/verdict.mjs";
import { settleAndSay } from "./bench-ingest/settle.mjs";
import { numEnv, portInUse } from "./bench-ingest/settings.mjs";

// ---------------------------------------------------------------- settings

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
const HEALTH_TIMEOUT_MS = 60_000;

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl)
    throw new Error("DATABASE_URL is not set: run through `npm run bench:ingest` (scripts/with-db.mjs).");
  const startedAt = new Date();
  const runId = Date.now().toString(36) + randomBytes(3).toString("hex"); // [a-z0-9] only: safe inside LIKE
  const key = (kind, phase) => `bench-${runId}-${kind}-${phase}`;
  const machine = machineInfo();
  console.log(`bench:ingest run ${runId}`);
  console.log(
    `machine: ${machine.cpus} × ${machine.model}, ${machine.memoryGiB} GiB, ${machine.platform}, node ${machine.node}, load ${machine.loadAvgAtStart.join(" ")}`,
  );
  console.log(
    `config: fixed rate ${FIXED_RATE ? `${FIXED_RATE}/s` : `${TARGET.share * 100} % of the baseline's capacity`} for ${SECONDS} s, max ${CONCURRENCY} in flight for ${MAX_SECONDS} s, ` +
      `form ${FORM_CONCURRENCY} in flight for ${FORM_SECONDS} s, overload ${TARGET.overloadFactor} × capacity for ${OVERLOAD_SECONDS} s, timeout ${TIMEOUT_MS / 1000} s, body ≈${BODY_FIXED_BYTES + 20} bytes`,
  );

  if (!(await buildIfNeeded(process.env, (line) => console.log(`\n== ${line}`))))
    console.log("production build is up to date");

  for (const port of [APP_PORT, RAW_PORT]) {
    if (await portInUse(HOST, port))
      throw new Error(
        `port ${port} on ${HOST} is already in use: stop whatever listens there first (or set BENCH_PORT)`,
      );
  }

  // ---- the baseline first: its capacity sets the app's fixed rate
  console.log(`\n== starting the baseline on ${HOST}:${RAW_PORT}`);
  const raw = startProcess("baseline", ["scripts/bench-raw-server.mjs"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(RAW_PORT) },
    output: "prefixed",
  });
  await waitHealthy(`http://${HOST}:${RAW_PORT}/health`, { child: raw, timeoutMs: HEALTH_TIMEOUT_MS });
  const rawTarget = {
    ...makeTarget("baseline", raw.pid, HOST, RAW_PORT, "/", jsonPayload),
    databaseUrl,
    warmPath: "/health",
  };
  await warmUp(rawTarget, key("raw", "w"));
  const settle = () => settleAndSay(databaseUrl);
  await settle();
  const rawBefore = await closedLoop(rawTarget, "max throughput", {
    concurrency: CONCURRENCY,
    seconds: MAX_SECONDS,
    keyPrefix: key("raw", "m"),
  });
  // The baseline stays up (idle) to be measured again right after the app's own flat-out phase.
  const rate = FIXED_RATE ?? Math.max(1, Math.round(TARGET.share * rawBefore.throughput2xx));

  // ---- the app
  console.log(`\n== starting the app on ${HOST}:${APP_PORT}`);
  // Its log (a line per request) goes to a file, unread while it runs: reading 100,000 lines here took CPU from the
  // app it measures; its warnings (e.g. a line a second while it sheds load) are printed once it stops.
  // BENCH_PROFILE=<dir>: the app writes a CPU profile there when it stops (open it in Chrome's DevTools).
  mkdirSync(path.join(root, "bench-results"), { recursive: true });
  const appLog = path.join(root, "bench-results", `ingest-app-${process.pid}.log`);
  // BENCH_APP_FLAGS: more flags for the app's node (e.g. --trace-gc: its lines go to the app's log).
  const profile = [
    ...(process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
    ...(process.env.BENCH_APP_FLAGS ?? "").split(" ").filter(Boolean),
  ];
  const app = startProcess("app", [...profile, ...serverArgs()], {
    logFile: appLog,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(APP_PORT),
      HOSTNAME: HOST, // listen on loopback only (server.mjs defaults to 0.0.0.0)
      SUBMIT_RATE_LIMIT_PER_MINUTE: "0",
      MAX_IN_FLIGHT_PER_CLIENT: "0", // one load generator stands for many clients
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  await waitHealthy(`http://${HOST}:${APP_PORT}/api/health`, { child: app, timeoutMs: HEALTH_TIMEOUT_MS }).catch(
    (e) => {
      throw new Error(
        `${e.message}\n  its log's last lines:\n  ${readFileSync(appLog, "utf8").trim().split("\n").slice(-15).join("\n  ")}`,
      );
    },
  );
  // openConnections' request: a malformed address, which scripts/server.mjs refuses (400) before the framework.
  const warmPath = "/%E0%A4%A";
  const api = { ...makeTarget("app", app.pid, HOST, APP_PORT, APP_PATH, jsonPayload), databaseUrl, warmPath };
  const form = {
    ...makeTarget(
      "app form",
      app.pid,
      HOST,
      APP_PORT,
      FORM_PATH,
      await formPayloadMaker(HOST, APP_PORT, FORM_PATH),
      303,
    ),
    databaseUrl,
    warmPath,
  };
  const apiWarmup = await warmUp(api, key("api", "w"));
  const fixed = await openLoop(
    api,
    `fixed rate (${FIXED_RATE ? "BENCH_RATE" : `${TARGET.share * 100} % of the baseline's ${rawBefore.throughput2xx}/s`})`,
    { rate, seconds: SECONDS, keyPrefix: key("api", "f") },
  );
  await settle();
  const max = await closedLoop(api, "max throughput", {
    concurrency: CONCURRENCY,
    seconds: MAX_SECONDS,
    keyPrefix: key("api", "m"),
  });
  // The machine's speed drifts within minutes (this kind of machine: 2,800–5,000/s for the baseline within an
  // hour): the baseline is measured on both sides of the app's flat-out phase, and the ratio uses their mean.
  await settle();
  const rawAfter = await closedLoop(rawTarget, "max throughput, again after the app's", {
    concurrency: CONCURRENCY,
    seconds: MAX_SECONDS,
    keyPrefix: key("raw", "a"),
  });
  rawTarget.pool.destroy();
  await stopProcess(raw);
  const rawMax = meanOfRuns(rawBefore, rawAfter);
  const formWarmup = await warmUp(form, key("form", "w"), 50);
  const formMax = await closedLoop(form, "form posts (Server Action), max throughput", {
    concurrency: FORM_CONCURRENCY,
    seconds: FORM_SECONDS,
    keyPrefix: key("form", "m"),
  });
  await settle();
  const overloadRate = Math.max(1, Math.round(TARGET.overloadFactor * max.throughput2xx));
  const overload = await openLoop(api, `overload (${TARGET.overloadFactor} × its capacity)`, {
    rate: overloadRate,
    seconds: OVERLOAD_SECONDS,
    keyPrefix: key("api", "o"),
  });
  api.pool.destroy();
  form.pool.destroy();
  // Stopping drains every request the server still holds, so the count below is final.
  await stopProcess(app);
  const warnings = readFileSync(appLog, "utf8")
    .split("\n")
    .filter((l) => /"level":[456]0/.test(l));
  for (const line of warnings.slice(0, 100)) console.log(`  [app] ${line}`);
  console.log(`  [app] ${warnings.length} warnings or errors; its whole log: ${path.relative(root, appLog)}`);

  apiWarmup.phase = "w";
  fixed.phase = "f";
  max.phase = "m";
  overload.phase = "o";
  const truth = await truthCheck(databaseUrl, runId, [apiWarmup, fixed, max, overload], [formWarmup, formMax]);
  printTruth(truth);

  // ---- report
  const ratio = rawMax.throughput2xx > 0 ? max.throughput2xx / rawMax.throughput2xx : null;
  const formRatio = max.throughput2xx > 0 ? formMax.throughput2xx / max.throughput2xx : null;
  printTable([
    ["baseline max (before)", rawBefore],
    ["baseline max (after)", rawAfter],
    ["app fixed rate", fixed],
    ["app max", max],
    ["form max", formMax],
    ["app overload", overload],
  ]);

  const machineEnd = { ...machine, loadAvgAtEnd: os.loadavg().map((x) => round(x, 2)) };

  console.log(
    `\nmachine: ${machine.cpus} × ${machine.model}; load average at start ${machine.loadAvgAtStart.join(" ")}, at end ${machineEnd.loadAvgAtEnd.join(" ")}`,
  );
  console.log(
    `truth check: ${truth.ok ? "OK" : "MISMATCH"} (API ${truth.apiRows} rows, ${truth.returned201} 201s; form ${truth.formRows} rows, ${truth.returned303} 303s); feedback items ${truth.itemsOk ? "OK" : "MISMATCH"}`,
  );
  const verdict = judge({
    rawMax,
    rawRuns: [rawBefore.throughput2xx, rawAfter.throughput2xx],
    fixed,
    max,
    formMax,
    overload,
    truth,
    rate,
    overloadRate,
    ratio,
    formRatio,
    fixedRate: FIXED_RATE,
    seconds: SECONDS,
  });

  writeResults(startedAt, {
    runId,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: machineEnd,
    config: {
      rate,
      seconds: SECONDS,
      maxSeconds: MAX_SECONDS,
      formSeconds: FORM_SECONDS,
      overloadSeconds: OVERLOAD_SECONDS,
      overloadRate,
      concurrency: CONCURRENCY,
      formConcurrency: FORM_CONCURRENCY,
      warmupRequests: WARMUP_REQUESTS,
      loadTool: "autocannon (closed loops), scripts/bench-ingest/open-loop.mjs (open loops)",
      timeoutMs: TIMEOUT_MS,
      bodyBytes: BODY_FIXED_BYTES + 20,
    },
    baseline: { max: rawMax, before: rawBefore, after: rawAfter },
    app: { warmup: apiWarmup, fixed, max, overload },
    form: { warmup: formWarmup, max: formMax },
    capacityRatio: round(ratio, 3),
    formRatio: round(formRatio, 3),
    truth,
    verdict,
  });
  return truth.ok && truth.itemsOk ? 0 : 2;
}

let exitCode = 1;
onStopSignal(async (signal) => {
  console.error(`\nbench:ingest: ${signal}, stopping the servers`);
  await stopAll();
  process.exit(130);
});
try {
  exitCode = await main();
} catch (err) {
  console.error("\nbench:ingest failed:", err?.stack ?? err);
  exitCode = 1;
} finally {
  await stopAll();
}
process.exit(exitCode);
