#!/usr/bin/env node
// npm run bench:results — the public results page at 1 M items (issue 10, item 7).
// Run through scripts/with-db.mjs (a fresh database; DATABASE_URL is set).
//   1. seeds 1 M synthetic items (scripts/bench-seed.mjs), decides and clears a fifth of them, closes the consultation;
//   2. publishes the results, timing the copy's build (scripts/bench-results-child.ts), and times the page's data
//      functions against SELECT 1;
//   3. against the production build (built if missing or stale), times GET /en/c/{slug}/results, RUNS times one
//      after another, against GET /api/health and the privacy page (dynamic, one primary-key read) in the same run,
//      and the middle page of the published comments of the clause that has most (/results/{clause}?page=N).
// Target: the page's server time p95 ≤ 50 ms at 1 M items (the clause's page too).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { root } from "./project.mjs";
import { buildIfNeeded, serverArgs, startProcess, stopProcess, waitHealthy } from "./processes.mjs";
import { closeWithDecisions, seedSyntheticFeedback } from "./bench-seed.mjs";

const ITEMS = Number(process.env.BENCH_RESULTS_ITEMS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RESULTS_RUNS ?? 200);
const PORT = Number(process.env.BENCH_RESULTS_PORT ?? 3230);
const URL = `http://127.0.0.1:${PORT}`;
const f1 = (x) => x.toFixed(1);

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const slug = `bench-results-${Date.now().toString(36)}`;
const t0 = Date.now();
const id = await seedSyntheticFeedback(client, { slug, items: ITEMS });
const adminId = await closeWithDecisions(client, id, slug);
await client.end();
console.log(
  `seeded ${ITEMS.toLocaleString("en")} items (a fifth decided, a tenth cleared) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
);

const r = spawnSync(
  process.execPath,
  [
    "--import",
    path.join(root, "scripts/ts-loader.mjs"),
    path.join(root, "scripts/bench-results-child.ts"),
    id,
    slug,
    adminId,
  ],
  {
    cwd: root,
    env: process.env,
    encoding: "utf8",
  },
);
if (r.status !== 0) throw new Error(`results child failed: ${r.stderr}`);
const data = JSON.parse(r.stdout.trim().split("\n").pop());
console.log(
  `live aggregation the page used to run per view: ${f1(data.liveAggregateSeconds * 1000)} ms (once, for comparison)`,
);
console.log(
  `copy built at publication: ${data.rows.toLocaleString("en")} matrix rows in ${data.buildSeconds.toFixed(2)} s`,
);
console.log(
  `page data (consultation + copy): p50 ${f1(data.data.p50)} ms, p95 ${f1(data.data.p95)} ms; SELECT 1: p50 ${f1(data.baseline.p50)} ms, p95 ${f1(data.baseline.p95)} ms`,
);
console.log(
  `clause page data (copy + page ${data.clause.page} of ${data.clause.pages} of ${data.clause.key}'s ${data.clause.listed.toLocaleString("en")} published comments): p50 ${f1(data.clauseData.p50)} ms, p95 ${f1(data.clauseData.p95)} ms`,
);

await buildIfNeeded();
const app = startProcess("app", serverArgs(), {
  output: "quiet",
  env: {
    ...process.env,
    PORT: String(PORT),
    HOSTNAME: "127.0.0.1",
    NODE_ENV: "production",
    LOG_LEVEL: "error",
    RETENTION_INTERVAL_HOURS: "0",
  },
});
let http;
try {
  await waitHealthy(`${URL}/api/health`, { child: app });
  /** Sequential GETs: ms from request to the last byte (loopback, so the server's time). */
  async function times(p, runs) {
    const ms = [];
    for (let i = 0; i < runs + 10; i++) {
      const s = performance.now();
      const res = await fetch(`${URL}${p}`);
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${p}: ${res.status}`);
      if (p.endsWith("/results") && !body.includes("Results:"))
        throw new Error("the results page has no results heading");
      if (p.includes("?page=") && !body.includes("Published comments on"))
        throw new Error("the clause's page has no heading");
      if (i >= 10) ms.push(performance.now() - s);
    }
    ms.sort((a, b) => a - b);
    const q = (x) => ms[Math.min(ms.length - 1, Math.ceil(x * ms.length) - 1)];
    return { p50: q(0.5), p95: q(0.95) };
  }
  const page = await times(`/en/c/${slug}/results`, RUNS);
  const health = await times("/api/health", RUNS);
  const privacy = await times(`/en/c/${slug}/privacy`, RUNS);
  const clausePath = `/en/c/${slug}/results/${encodeURIComponent(data.clause.key)}?page=${data.clause.page}`;
  const clausePage = await times(clausePath, RUNS);
  http = { page, health, privacy, clausePage, ratioP50: page.p50 / health.p50 };
  console.log(`GET /en/c/${slug}/results: p50 ${f1(page.p50)} ms, p95 ${f1(page.p95)} ms  (${RUNS} runs)`);
  console.log(
    `GET /api/health (baseline): p50 ${f1(health.p50)} ms, p95 ${f1(health.p95)} ms; page/health at p50: ${http.ratioP50.toFixed(1)} ×`,
  );
  console.log(
    `GET /en/c/${slug}/privacy (a dynamic page with one primary-key read, for comparison): p50 ${f1(privacy.p50)} ms, p95 ${f1(privacy.p95)} ms`,
  );
  console.log(`GET ${clausePath}: p50 ${f1(clausePage.p50)} ms, p95 ${f1(clausePage.p95)} ms`);
  console.log(
    `${page.p95 <= 50 ? "PASS" : "FAIL"}  the results page's server time p95 ≤ 50 ms at ${ITEMS.toLocaleString("en")} items: ${f1(page.p95)} ms`,
  );
  console.log(
    `${clausePage.p95 <= 50 ? "PASS" : "FAIL"}  a clause's page of published comments p95 ≤ 50 ms: ${f1(clausePage.p95)} ms`,
  );
} finally {
  await stopProcess(app);
}
console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, load ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
mkdirSync(path.join(root, "bench-results"), { recursive: true });
const file = path.join(root, "bench-results", `results-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(file, JSON.stringify({ items: ITEMS, runs: RUNS, ...data, http }, null, 2) + "\n");
console.log(`results: ${path.relative(root, file)}`);
