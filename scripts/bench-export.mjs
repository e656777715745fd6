#!/usr/bin/env node
// npm run bench:export: seeds synthetic feedback (100 k and 1 M items) and
// times a streamed CSV export of each, with the exporting process's peak RSS; then the consultation
// workbook (XLSX, lib/reports/) of each, beside it (its time as a ratio to the CSV's in the same run).
// Target: 1 M items in ≤ 20 s, peak RSS ≤ 200 MB, RSS(1 M) ≤ 1.5 × RSS(100 k);
// the workbook within the same memory target (peak RSS ≤ 200 MB, RSS(1 M) ≤ 1.5 × RSS(100 k)).
// Run through scripts/with-db.mjs (a fresh database; DATABASE_URL is set).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { root } from "./project.mjs";
import { seedSyntheticFeedback } from "./bench-seed.mjs";

const SIZES = (process.env.BENCH_EXPORT_SIZES ?? "100000,1000000").split(",").map(Number);

function runExport(consultationId, format = "csv") {
  const r = spawnSync(
    process.execPath,
    [
      "--import",
      path.join(root, "scripts/ts-loader.mjs"),
      path.join(root, "scripts/bench-export-child.ts"),
      consultationId,
      format,
    ],
    {
      cwd: root,
      env: process.env,
      encoding: "utf8",
      maxBuffer: 1 << 20,
    },
  );
  if (r.status !== 0) throw new Error(`export child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const results = [];
try {
  for (const items of SIZES) {
    const slug = `bench-export-${items}-${Date.now().toString(36)}`;
    const t0 = Date.now();
    const id = await seedSyntheticFeedback(client, { slug, items });
    console.log(`seeded ${items.toLocaleString("en")} items in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    runExport(id); // warm the caches once; the measured run is the second
    const m = runExport(id);
    if (m.rows !== items) throw new Error(`exported ${m.rows} rows, expected ${items}`);
    const x = runExport(id, "xlsx");
    if (x.rows !== items) throw new Error(`workbook had ${x.rows} rows, expected ${items}`);
    results.push({ items, ...m, xlsx: x });
    console.log(
      `  export: ${m.rows.toLocaleString("en")} rows, ${(m.bytes / 1e6).toFixed(1)} MB in ${m.seconds.toFixed(2)} s, peak RSS ${(m.peakRssBytes / 1048576).toFixed(0)} MiB`,
    );
    console.log(
      `  workbook (XLSX): ${(x.bytes / 1e6).toFixed(1)} MB in ${x.seconds.toFixed(2)} s (${(x.seconds / m.seconds).toFixed(2)} × the CSV), peak RSS ${(x.peakRssBytes / 1048576).toFixed(0)} MiB`,
    );
  }
} finally {
  await client.end();
}

const big = results.find((r) => r.items === 1_000_000);
const small = results.find((r) => r.items === 100_000);
console.log(`\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model}`);
if (big && small) {
  const ratio = big.peakRssBytes / small.peakRssBytes;
  const checks = [
    [`1 M items in ≤ 20 s`, big.seconds <= 20, `${big.seconds.toFixed(2)} s`],
    [`peak RSS ≤ 200 MB`, big.peakRssBytes <= 200 * 1e6, `${(big.peakRssBytes / 1e6).toFixed(0)} MB`],
    [`RSS(1 M) ≤ 1.5 × RSS(100 k)`, ratio <= 1.5, `${ratio.toFixed(2)} ×`],
    [
      `workbook: peak RSS ≤ 200 MB`,
      big.xlsx.peakRssBytes <= 200 * 1e6,
      `${(big.xlsx.peakRssBytes / 1e6).toFixed(0)} MB`,
    ],
    [
      `workbook: RSS(1 M) ≤ 1.5 × RSS(100 k)`,
      big.xlsx.peakRssBytes / small.xlsx.peakRssBytes <= 1.5,
      `${(big.xlsx.peakRssBytes / small.xlsx.peakRssBytes).toFixed(2)} ×`,
    ],
  ];
  console.log(
    `workbook 1 M items: ${big.xlsx.seconds.toFixed(2)} s, ${(big.xlsx.seconds / big.seconds).toFixed(2)} × the CSV's time`,
  );
  for (const [what, pass, value] of checks) console.log(`${pass ? "PASS" : "FAIL"}  ${what}: ${value}`);
}
mkdirSync(path.join(root, "bench-results"), { recursive: true });
const file = path.join(root, "bench-results", `export-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(file, JSON.stringify({ results }, null, 2) + "\n");
console.log(`results: ${path.relative(root, file)}`);
