// bench:ingest's report: the table of every phase, the CPU cost per stored
// response, and the machine it ran on.
import os from "node:os";
import path from "node:path";
import { mkdirSync, writeFileSync } from "node:fs";
import { root } from "../project.mjs";
import { fmtCounts, round } from "./stats.mjs";

export function fmtMs(x) {
  return x === null ? "–" : x.toFixed(1);
}

/** CPU (server + PostgreSQL) per stored response of the app's and the baseline's flat-out phases, and their ratio. */
export function costOf(app, raw) {
  const per = (p) => (p.cpu?.serverMs != null && p.ok2xx ? (p.cpu.serverMs + p.cpu.postgresMs) / p.ok2xx : null);
  const appMs = per(app);
  const baselineMs = per(raw);
  return {
    appMs: round(appMs, 2),
    baselineMs: round(baselineMs, 2),
    ratio: appMs && baselineMs ? round(baselineMs / appMs, 3) : null,
  };
}

export function printTable(columns) {
  const cpuCell = (c) => (c ? `${c.serverPctOfCore ?? "–"}/${c.benchPctOfCore}/${c.machineBusyPct}%` : "–");
  const lag = (p) =>
    p.sendLagMs ? `${fmtMs(p.sendLagMs.p99)} / ${fmtMs(p.sendLagMs.max)} (${p.sendLagMs.over10ms} >10 ms)` : "–";
  const rows = [
    ["load", (p) => p.mode],
    ["sent / stored", (p) => `${p.sent} / ${p.ok2xx}`],
    ["other statuses", (p) => fmtCounts(p.non2xx)],
    ["errors / timeouts", (p) => fmtCounts(p.errors)],
    ["stored per second", (p) => p.throughput2xx],
    ["latency p50 / p99 (ms)", (p) => `${fmtMs(p.latencyMs.p50)} / ${fmtMs(p.latencyMs.p99)}`],
    ["latency max (ms)", (p) => fmtMs(p.latencyMs.max)],
    ["answered within 1 s", (p) => `${p.answeredWithin1s} / ${p.sent}`],
    [
      "503: count, p99 (ms), no Retry-After",
      (p) => (p.shed503.count ? `${p.shed503.count}, ${fmtMs(p.shed503.p99)}, ${p.shed503.withoutRetryAfter}` : "0"),
    ],
    ["bench send lag p99 / max (ms)", lag],
    ["CPU server/bench/machine", (p) => cpuCell(p.cpu)],
    [
      "CPU ms per stored: server / PostgreSQL",
      (p) => (p.cpu && p.ok2xx ? `${fmtMs(p.cpu.serverMs / p.ok2xx)} / ${fmtMs(p.cpu.postgresMs / p.ok2xx)}` : "–"),
    ],
  ];
  const table = [
    ["", ...columns.map(([title]) => title)],
    ...rows.map(([label, f]) => [label, ...columns.map(([, p]) => String(f(p)))]),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)) + 2);
  console.log("");
  for (const r of table)
    console.log(r.map((cell, i) => (i === 0 ? "  " + cell : cell).padEnd(widths[i] + (i === 0 ? 2 : 0))).join(""));
  console.log(
    `(CPU: server and bench processes in % of one core, machine in % of all ${os.cpus().length} cores; PostgreSQL is the rest)`,
  );
}

export function machineInfo() {
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

/** Writes the run's figures to bench-results/ingest-<time>.json (never committed). */
export function writeResults(startedAt, results) {
  const dir = path.join(root, "bench-results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `ingest-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
  console.log(`\nresults: ${path.relative(root, file)}`);
}
