#!/usr/bin/env node
// npm run bench:read — the public pages under a reading crowd (issue 12, section 1).
// Run through scripts/with-db.mjs (a fresh, seeded database; DATABASE_URL is set).
//   1. seeds a closed synthetic consultation (BENCH_READ_ITEMS items) and publishes its results;
//   2. against the production build (built if missing or stale), two app servers (scripts/server.mjs) behind
//      nginx configured as the README says (scripts/nginx-pair.mjs, with its page cache), and measures with
//      autocannon, BENCH_READ_CONNECTIONS (32) connections for BENCH_READ_SECONDS (15) s each, on the first server
//      directly: the home page, the draft, the published comments, the results, the response form, and a
//      static script of the same server (the baseline); then the draft through nginx.
// Every request asks for gzip, as browsers do. One client address sends every request, so the per-client
// in-flight cap (MAX_IN_FLIGHT_PER_CLIENT) is lifted for the run; the global cap stays.
// Targets: draft, home, comments, results ≥ 0.8 × the static script with p99 ≤ 100 ms and no errors;
// the response form ≥ 0.5 ×.
// The baseline is measured before the first page and again after each page; a page's ratio is to the mean of the
// two static runs on either side of it, and the whole is done BENCH_READ_ROUNDS (2) times, a page's ratio the mean of
// its rounds' (on this kind of machine one 15 s figure varies by up to ±25 % from one run to the next, with the
// machine's neighbours, and drifts over a run as the server's code warms up).
// autocannon keeps every response's body as a string (for its expectBody and verifyBody options, which this bench
// does not use): it decodes each compressed body as UTF-8 on the bench's own core, one of the machine's two, so its
// figures measured the size of a body more than the server (a bare node:http server sending 15 KB: 10,400 req/s;
// 16 KB: 5,100; 17 KB: 3,600; without the strings 24,100, 19,700, 19,500). The bench counts the bytes and drops them.
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { root } from "./project.mjs";
import { buildIfNeeded, serverArgs, startProcess, stopProcess, waitHealthy } from "./processes.mjs";
import { closeWithDecisions, seedSyntheticFeedback } from "./bench-seed.mjs";
import { NGINX, startNginx } from "./nginx-pair.mjs";
import { phoneFigures } from "./phone-metrics.mjs";
import { compressStatic } from "./static-compressed.mjs";

const ITEMS = Number(process.env.BENCH_READ_ITEMS ?? 20_000);
const SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_READ_CONNECTIONS ?? 32);
const ROUNDS = Math.max(1, Number(process.env.BENCH_READ_ROUNDS ?? 2));
const PORT = Number(process.env.BENCH_READ_PORT ?? 3260); // nginx; the app servers on PORT + 1 and PORT + 2
const APP = `http://127.0.0.1:${PORT + 1}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const queue = createRequire(import.meta.url)("autocannon/lib/pipelinedRequestsQueue.js");
if (typeof queue.prototype.addBody !== "function") throw new Error("autocannon changed: see the comment at the top");
queue.prototype.addBody = function () {};

/** 32 connections for SECONDS, asking for gzip. */
async function measure(url, seconds = SECONDS) {
  const res = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { "accept-encoding": "gzip" },
  });
  await sleep(1000);
  return {
    rps: res.requests.average,
    p50: res.latency.p50,
    p99: res.latency.p99,
    errors: res.errors + res.timeouts + res.non2xx,
    kinds: `${res.non2xx} not 2xx, ${res.timeouts} timeouts, ${res.errors} others`,
    bytes: Math.round(res.throughput.average / Math.max(1, res.requests.average)),
  };
}
const line = (name, m) =>
  `${name.padEnd(28)} ${m.rps.toFixed(0).padStart(6)} req/s  p50 ${String(m.p50).padStart(5)} ms  p99 ${String(m.p99).padStart(5)} ms  errors ${m.errors}${m.errors ? ` (${m.kinds})` : ""}  ${String(m.bytes).padStart(6)} B`;

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const slug = `bench-read-${Date.now().toString(36)}`;
const id = await seedSyntheticFeedback(client, { slug, items: ITEMS });
const adminId = await closeWithDecisions(client, id, slug);
const sample = (
  await client.query(
    `SELECT slug FROM consultation WHERE slug <> $1 AND published_at IS NOT NULL ORDER BY opens_at LIMIT 1`,
    [slug],
  )
).rows[0]?.slug;
await client.end();
if (!sample) throw new Error("the seeded sample consultation is missing");
const r = spawnSync(
  process.execPath,
  ["--import", path.join(root, "scripts/ts-loader.mjs"), path.join(root, "scripts/bench-read-child.ts"), id, adminId],
  { cwd: root, env: process.env, encoding: "utf8" },
);
if (r.status !== 0) throw new Error(`publishing the results failed: ${r.stderr}`);
console.log(`seeded ${ITEMS.toLocaleString("en")} items in a closed consultation (${slug}) and published its results`);

await buildIfNeeded();
// As scripts/start.mjs does after a build: the brotli copies the server sends to browsers that take them.
await compressStatic(path.join(root, ".next/static"));
const serverEnv = {
  ...process.env,
  HOSTNAME: "127.0.0.1",
  NODE_ENV: "production",
  LOG_LEVEL: "error",
  RETENTION_INTERVAL_HOURS: "0",
  TRUST_PROXY: "true",
  MAX_IN_FLIGHT_PER_CLIENT: "0",
  APP_URL: `http://127.0.0.1:${PORT}`,
};
const children = [1, 2].map((n) =>
  startProcess(`app ${n}`, serverArgs(), { output: "quiet", env: { ...serverEnv, PORT: String(PORT + n) } }),
);
const prefix = path.join(root, ".data", `nginx-bench-read-${process.pid}`);
const results = {};
try {
  for (const n of [1, 2]) await waitHealthy(`http://127.0.0.1:${PORT + n}/api/health`, { child: children[n - 1] });
  if (NGINX) children.push(startNginx({ port: PORT, upstreams: [PORT + 1, PORT + 2], prefix, cache: true }));
  const draft = await (await fetch(`${APP}/en/c/${sample}`)).text();
  const script = draft.match(/<script src="(\/_next\/static\/chunks\/[^"]+\.js)"/)?.[1];
  if (!script) throw new Error("no script found in the draft page");
  const targets = [
    { name: "static script", url: `${APP}${script}` },
    { name: "home", url: `${APP}/en`, min: 0.8, p99Max: 100 },
    { name: "draft", url: `${APP}/en/c/${sample}`, min: 0.8, p99Max: 100 },
    { name: "comments", url: `${APP}/en/c/${sample}/comments`, min: 0.8, p99Max: 100 },
    { name: "results", url: `${APP}/en/c/${slug}/results`, min: 0.8, p99Max: 100 },
    { name: "response form", url: `${APP}/en/c/${sample}/respond`, min: 0.5 },
  ];
  if (NGINX) targets.push({ name: "draft via nginx (2 servers)", url: `http://127.0.0.1:${PORT}/en/c/${sample}` });
  for (const t of targets) {
    const warm = await fetch(t.url, { headers: { "accept-encoding": "gzip" } });
    if (warm.status !== 200) throw new Error(`${t.url}: ${warm.status}`);
    t.cacheControl = warm.headers.get("cache-control");
    await warm.arrayBuffer();
  }
  // Warm-up, not counted: each address 3 s, so that the first figures are not those of code still being compiled.
  for (const t of targets) await measure(t.url, Math.min(3, SECONDS));
  const [staticScript, ...pages] = targets;
  staticScript.runs = [];
  for (const t of pages) t.rounds = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    if (ROUNDS > 1) console.log(`round ${round} of ${ROUNDS}`);
    staticScript.runs.push(await measure(staticScript.url));
    console.log(line(`${staticScript.name} (${staticScript.runs.length})`, staticScript.runs.at(-1)));
    for (const t of pages) {
      const m = await measure(t.url);
      console.log(`${line(t.name, m)}  (${t.cacheControl})`);
      staticScript.runs.push(await measure(staticScript.url));
      console.log(line(`${staticScript.name} (${staticScript.runs.length})`, staticScript.runs.at(-1)));
      m.baseline = (staticScript.runs.at(-2).rps + staticScript.runs.at(-1).rps) / 2;
      m.ratio = m.rps / m.baseline;
      t.rounds.push(m);
    }
  }
  const mean = (xs) => xs.reduce((n, x) => n + x, 0) / xs.length;
  staticScript.rps = mean(staticScript.runs.map((r) => r.rps));
  staticScript.errors = staticScript.runs.reduce((n, r) => n + r.errors, 0);
  console.log(
    `static script: ${staticScript.runs.map((r) => r.rps.toFixed(0)).join(", ")} req/s (mean ${staticScript.rps.toFixed(0)}), errors ${staticScript.errors}`,
  );
  let failed = staticScript.errors > 0 ? 1 : 0;
  for (const t of pages) {
    // Each round's ratio to the static runs beside it, then their mean; the worst p99 and every error count.
    t.ratio = mean(t.rounds.map((m) => m.ratio));
    t.rps = mean(t.rounds.map((m) => m.rps));
    t.p99 = Math.max(...t.rounds.map((m) => m.p99));
    t.errors = t.rounds.reduce((n, m) => n + m.errors, 0);
    const of = `${t.ratio.toFixed(2)} × the static script (${t.rounds.map((m) => m.ratio.toFixed(2)).join(", ")})`;
    if (!t.min) {
      console.log(`      ${t.name}: ${of}, p99 ${t.p99} ms, errors ${t.errors}`);
      continue;
    }
    const pass = t.ratio >= t.min && (!t.p99Max || t.p99 <= t.p99Max) && t.errors === 0;
    if (!pass) failed += 1;
    console.log(
      `${pass ? "PASS" : "FAIL"}  ${t.name}: ${of} (target ≥ ${t.min})${t.p99Max ? `, p99 ${t.p99} ms (≤ ${t.p99Max})` : ""}, errors ${t.errors}`,
    );
  }
  results.targets = targets;
  // The phone figures (issue 12 §3), the load over: LCP and total blocking time on an emulated mid-range
  // phone (CPU 4× slower, 1.6 Mbps, 150 ms), and what it downloads; the same module as e2e/phone.spec.ts.
  await sleep(1000);
  results.phone = await phoneFigures(APP, { paths: ["/en", `/en/c/${sample}`, `/en/c/${sample}/respond`] });
  failed += results.phone.filter((p) => !p.pass).length;
  results.failed = failed;
} finally {
  // nginx (the third) stops gracefully on SIGQUIT.
  for (const c of children.slice().reverse())
    await stopProcess(c, { signal: c === children[2] ? "SIGQUIT" : "SIGTERM" });
  rmSync(prefix, { recursive: true, force: true });
}
console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, load ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}; ${CONNECTIONS} connections, ${SECONDS} s each`,
);
mkdirSync(path.join(root, "bench-results"), { recursive: true });
const file = path.join(root, "bench-results", `read-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(
  file,
  JSON.stringify({ items: ITEMS, seconds: SECONDS, connections: CONNECTIONS, rounds: ROUNDS, ...results }, null, 2) +
    "\n",
);
console.log(`results: ${path.relative(root, file)}`);
