// CPU accounting for bench:ingest (Linux /proc): with the load generator, the
// server and PostgreSQL sharing the cores, who used the CPU during a phase says
// how far a figure is the server's own limit.
import os from "node:os";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { round } from "./stats.mjs";

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
function postgresPids(databaseUrl) {
  const port = (() => {
    try {
      return new URL(databaseUrl).port || "5432";
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
const postgresCpu = (databaseUrl) => new Map(postgresPids(databaseUrl).map((pid) => [pid, procCpuMs(pid) ?? 0]));

export function cpuStart(serverPid, databaseUrl) {
  return {
    t: performance.now(),
    bench: process.cpuUsage(),
    server: procCpuMs(serverPid),
    postgres: postgresCpu(databaseUrl),
    machine: machineTimes(),
    serverPid,
    databaseUrl,
  };
}

/** CPU used since `s`, in % of one core (bench, server) and % of the whole machine. */
export function cpuEnd(s) {
  const wall = performance.now() - s.t;
  const b = process.cpuUsage(s.bench);
  const server = procCpuMs(s.serverPid);
  const m = machineTimes();
  let postgresMs = 0;
  for (const [pid, ms] of postgresCpu(s.databaseUrl)) postgresMs += ms - (s.postgres.get(pid) ?? 0);
  return {
    serverMs: server === null || s.server === null ? null : server - s.server,
    postgresMs: round(postgresMs, 0),
    benchPctOfCore: round(((b.user + b.system) / 1000 / wall) * 100, 0),
    serverPctOfCore: server === null || s.server === null ? null : round(((server - s.server) / wall) * 100, 0),
    machineBusyPct: round(((m.busy - s.machine.busy) / Math.max(1, m.total - s.machine.total)) * 100, 0),
  };
}
