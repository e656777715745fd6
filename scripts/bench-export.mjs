#!/usr/bin/env node
// npm run bench:export: seeds synthetic feedback (100 k and 1 M items) and
// times a streamed CSV export of each, with the exporting process's peak RSS.
// Target: 1 M items in ≤ 20 s, peak RSS ≤ 200 MB, RSS(1 M) ≤ 1.5 × RSS(100 k).
// Run through scripts/with-db.mjs (a fresh database; DATABASE_URL is set).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { root } from "./project.mjs";

const SIZES = (process.env.BENCH_EXPORT_SIZES ?? "100000,1000000").split(",").map(Number);

async function seedItems(client, slug, items) {
  const { rows } = await client.query(
    `INSERT INTO consultation (slug, reference_prefix, title_en, title_fr, summary_en, summary_fr, asked_for_en, asked_for_fr, audience_en, audience_fr, opens_at, closes_at, time_zone)
     VALUES ($1, 'BENCH', 'Bench', 'Bench', 's', 's', 'a', 'a', 'x', 'x', now() - interval '1 day', now() + interval '1 day', 'Europe/Paris') RETURNING id`,
    [slug],
  );
  const id = rows[0].id;
  await client.query(
    `INSERT INTO clause (consultation_id, key, kind, number, position, heading_en, heading_fr, body_en, body_fr)
     SELECT $1, g::text, 'principle', g::text, g, 'Principle ' || g, 'Principe ' || g, 'Body', 'Corps' FROM generate_series(1, 5) g`,
    [id],
  );
  const responses = items / 2; // two items each
  await client.query(
    `INSERT INTO response (consultation_id, reference, idempotency_key, submitted_at, locale, channel, respondent_type, country, organisation_name, public_sector, publication, privacy_consent_at)
     SELECT $1, 'BENCH-' || $3 || '-' || lpad(g::text, 7, '0'), 'bench-' || $2 || '-' || g, now() - (g || ' seconds')::interval, 'en', 'api',
       (ARRAY['individual','organisation','group','local_government']::respondent_type[])[1 + g % 4], (ARRAY['FR','DE','CA','JP','BR'])[1 + g % 5],
       CASE WHEN g % 4 = 0 THEN NULL ELSE 'Organisation ' || g END, g % 2 = 0, 'anonymous', now()
     FROM generate_series(1, $3::int) g`,
    [id, slug, responses],
  );
  await client.query(
    `INSERT INTO feedback_item (response_id, clause_id, aspect, position, rating, comment)
     SELECT r.id, c.id, 'clarity', 0, 1 + (r.number % 5)::int,
       'Synthetic comment ' || r.number || ': the wording of this principle, "weak signals", could be clearer; = not a formula'
     FROM response r JOIN clause c ON c.consultation_id = r.consultation_id AND c.key = (1 + r.number % 5)::text
     WHERE r.consultation_id = $1`,
    [id],
  );
  await client.query(
    `INSERT INTO feedback_item (response_id, clause_id, aspect, position, term, proposed_wording, comment)
     SELECT r.id, c.id, 'language', 1, 'weak signals', 'early signs of change', '=SUM(A1:A9) should be neutralised'
     FROM response r JOIN clause c ON c.consultation_id = r.consultation_id AND c.key = '1'
     WHERE r.consultation_id = $1`,
    [id],
  );
  await client.query("ANALYZE response; ANALYZE feedback_item");
  return id;
}

function runExport(consultationId) {
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "scripts/bench-export-child.ts"), consultationId, "csv"], {
    cwd: root,
    env: process.env,
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
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
    const id = await seedItems(client, slug, items);
    console.log(`seeded ${items.toLocaleString("en")} items in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    runExport(id); // warm the caches once; the measured run is the second
    const m = runExport(id);
    if (m.rows !== items) throw new Error(`exported ${m.rows} rows, expected ${items}`);
    results.push({ items, ...m });
    console.log(`  export: ${m.rows.toLocaleString("en")} rows, ${(m.bytes / 1e6).toFixed(1)} MB in ${m.seconds.toFixed(2)} s, peak RSS ${(m.peakRssBytes / 1048576).toFixed(0)} MiB`);
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
  ];
  for (const [what, pass, value] of checks) console.log(`${pass ? "PASS" : "FAIL"}  ${what}: ${value}`);
}
mkdirSync(path.join(root, "bench-results"), { recursive: true });
const file = path.join(root, "bench-results", `export-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(file, JSON.stringify({ results }, null, 2) + "\n");
console.log(`results: ${path.relative(root, file)}`);
