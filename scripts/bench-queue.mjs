#!/usr/bin/env node
// npm run bench:queue: 1 M synthetic feedback items, then every timed case of
// scripts/bench-queue-child.ts (the queue's first page for each single filter
// and full-text searches, p95 of 20 runs each, …, the themes' read on the overview), each against its own target.
// Run through scripts/with-db.mjs (a fresh database; DATABASE_URL is set).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { root } from "./project.mjs";
import { seedSyntheticFeedback } from "./bench-seed.mjs";

const ITEMS = Number(process.env.BENCH_QUEUE_ITEMS ?? 1_000_000);
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const t0 = Date.now();
const id = await seedSyntheticFeedback(client, { slug: `bench-queue-${Date.now().toString(36)}`, items: ITEMS });
console.log(`seeded ${ITEMS.toLocaleString("en")} items in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
await client.end();

const r = spawnSync(
  process.execPath,
  ["--import", path.join(root, "scripts/ts-loader.mjs"), path.join(root, "scripts/bench-queue-child.ts"), id],
  { cwd: root, env: process.env, encoding: "utf8" },
);
if (r.status !== 0) throw new Error(`queue child failed: ${r.stderr}`);
const { queries: results, campaigns } = JSON.parse(r.stdout.trim().split("\n").pop());
console.log(`\n${"case".padEnd(34)}${"rows".padStart(6)}${"p50 ms".padStart(9)}${"p95 ms".padStart(9)}  target`);
let pass = true;
for (const x of results) {
  const limit = x.limit;
  const ok = limit === null || x.p95 <= limit;
  pass &&= ok;
  console.log(
    `${x.name.padEnd(34)}${String(x.rows).padStart(6)}${x.p50.toFixed(1).padStart(9)}${x.p95.toFixed(1).padStart(9)}  ${limit === null ? "baseline" : `${ok ? "PASS" : "FAIL"} (≤ ${limit})`}`,
  );
}
console.log(
  `\nFind campaigns (no target): ${campaigns.campaigns} campaigns, ${campaigns.grouped.toLocaleString("en")} items grouped in ${campaigns.seconds.toFixed(1)} s`,
);
console.log(`\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model}; overall ${pass ? "PASS" : "FAIL"}`);
mkdirSync(path.join(root, "bench-results"), { recursive: true });
const file = path.join(root, "bench-results", `queue-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(file, JSON.stringify({ items: ITEMS, results, campaigns }, null, 2) + "\n");
console.log(`results: ${path.relative(root, file)}`);
