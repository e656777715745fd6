// The phases of bench:ingest, each printed as it ends: a warm-up, an open loop
// at a fixed rate (open-loop.mjs), a closed loop flat out (closed-loop.mjs,
// autocannon), with the CPU each process used meanwhile.
import { cpuEnd, cpuStart } from "./cpu.mjs";
import { runClosedLoop } from "./closed-loop.mjs";
import { openConnections, runFixedRate } from "./open-loop.mjs";
import { problems } from "./stats.mjs";

// Enough for the JIT to compile the whole path (a server meets a rush warm: it has served for hours), not only
// its first requests; at 200, the first second of the next phase still ran on cold code and was refused.
export const WARMUP_REQUESTS = 3_000;
const WARMUP_CONCURRENCY = 16;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function warmUp(target, keyPrefix, count = WARMUP_REQUESTS) {
  console.log(`\n== ${target.label}: warm-up (${count} requests)`);
  const warmup = await runClosedLoop(target, { count, concurrency: WARMUP_CONCURRENCY, keyPrefix });
  console.log(`   ${warmup.ok2xx}/${warmup.sent} stored, p50 ${warmup.latencyMs.p50} ms${problems(warmup)}`);
  await sleep(1_000);
  return warmup;
}

// Connections open before an open-loop phase (see openConnections): about what nginx keeps to an app server.
export const OPEN_CONNECTIONS = 1_024;

export async function openLoop(target, label, { rate, seconds, keyPrefix }) {
  console.log(
    `== ${target.label}: ${label}, ${rate}/s for ${seconds} s (open loop, ${OPEN_CONNECTIONS} connections open at the start)`,
  );
  await openConnections(target, OPEN_CONNECTIONS);
  // A thousand requests at once trip the app's event-loop gate for a moment (it refuses for 200 ms after a
  // saturated 100 ms window): the phase starts once that is over.
  await sleep(1_000);
  const cpu = cpuStart(target.pid, target.databaseUrl);
  const r = await runFixedRate(target, { rate, seconds, keyPrefix });
  r.cpu = cpuEnd(cpu);
  console.log(
    `   ${r.ok2xx}/${r.sent} stored, ${r.throughput2xx}/s, p99 ${r.latencyMs.p99} ms, max ${r.latencyMs.max} ms, ` +
      `send lag p99 ${r.sendLagMs.p99} ms max ${r.sendLagMs.max} ms${problems(r)}`,
  );
  await sleep(2_000);
  return r;
}

export async function closedLoop(target, label, { concurrency, seconds, keyPrefix }) {
  console.log(`== ${target.label}: ${label} (${concurrency} in flight for ${seconds} s)`);
  const cpu = cpuStart(target.pid, target.databaseUrl);
  const r = await runClosedLoop(target, { concurrency, seconds, keyPrefix });
  r.cpu = cpuEnd(cpu);
  console.log(`   ${r.ok2xx}/${r.sent} stored, ${r.throughput2xx}/s, p99 ${r.latencyMs.p99} ms${problems(r)}`);
  await sleep(2_000);
  return r;
}
