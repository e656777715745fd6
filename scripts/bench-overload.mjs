#!/usr/bin/env node
// npm run bench:overload — the deadline-day flash crowd. Run through
// scripts/with-db.mjs (a fresh migrated, seeded database).
//   1. the sustainable rate: responses/s the app takes flat out (64 in flight, 15 s);
//   2. twice that rate, offered for 60 s at a fixed rate (autocannon's overallRate over many connections);
//      accepted requests must keep p99 ≤ 1 s, the rest must be refused cleanly (429/503, never a crash or a hang);
//   3. after the load stops, how long until a response is accepted again in under 500 ms (target ≤ 10 s).
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { root } from "./project.mjs";
import { buildIfNeeded, fetchWithin, serverArgs, startProcess, stopProcess, waitHealthy } from "./processes.mjs";

const PORT = 3210;
const URL = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS || 60);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (m) => console.log(m);

const body = () =>
  JSON.stringify({
    idempotencyKey: `ovl-${randomBytes(12).toString("base64url")}`,
    feedback: [
      {
        clause: "1.1",
        clarity: { rating: 2, comment: "Who acts first?" },
        feasibility: { rating: 4, countryContext: "Federal state" },
      },
    ],
    respondent: { type: "individual", country: "FR", publicSector: true, publication: "none", privacyConsent: true },
  });
const request = {
  method: "POST",
  path: "/api/consultations/dpsi/responses",
  headers: { "content-type": "application/json" },
  setupRequest: (r) => ({ ...r, body: body() }),
};

await buildIfNeeded();
const app = startProcess("app", serverArgs(), {
  output: "quiet",
  env: {
    ...process.env,
    PORT: String(PORT),
    NODE_ENV: "production",
    LOG_LEVEL: "error",
    SUBMIT_RATE_LIMIT_PER_MINUTE: "0",
    SUBMIT_RATE_LIMIT_PER_EMAIL_PER_HOUR: "0",
    RETENTION_INTERVAL_HOURS: "0",
    // One load generator stands for a crowd of clients: the per-client limit would refuse it alone.
    MAX_IN_FLIGHT_PER_CLIENT: "0",
  },
});
await waitHealthy(`${URL}/api/health`, { child: app });

/** Runs autocannon; latencies of accepted (2xx) and refused answers are kept apart. */
async function run(opts) {
  const accepted = [];
  const refused = {};
  const instance = autocannon({ url: URL, requests: [request], timeout: 10, ...opts });
  instance.on("response", (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) accepted.push(ms);
    else refused[status] = (refused[status] ?? 0) + 1;
  });
  const result = await instance;
  accepted.sort((a, b) => a - b);
  const p = (q) =>
    accepted.length ? accepted[Math.min(accepted.length - 1, Math.ceil(q * accepted.length) - 1)] : null;
  const ms = (x) => (x === null ? null : Math.round(x));
  return {
    accepted: accepted.length,
    refused,
    errors: result.errors,
    timeouts: result.timeouts,
    p50: ms(p(0.5)),
    p99: ms(p(0.99)),
    max: ms(accepted.at(-1) ?? null),
    seconds: result.duration,
  };
}

log("== warm-up");
await run({ connections: 8, amount: 300 });
log("== sustainable rate: flat out, 64 in flight, 15 s");
const flat = await run({ connections: 64, duration: 15 });
const sustainable = Math.round(flat.accepted / flat.seconds);
log(`   ${sustainable} responses/s accepted (p99 ${flat.p99} ms)`);

const offered = sustainable * 2;
log(`== overload: ${offered}/s offered for ${SECONDS} s`);
const over = await run({ connections: 1000, overallRate: offered, duration: SECONDS });
log(
  `   accepted ${over.accepted} (p50 ${over.p50} ms, p99 ${over.p99} ms, max ${over.max} ms); refused ${JSON.stringify(over.refused)}; errors ${over.errors}, timeouts ${over.timeouts}`,
);

log("== recovery");
const stoppedAt = Date.now();
let recoveredMs = null;
while (Date.now() - stoppedAt < 30_000) {
  const t0 = Date.now();
  try {
    const status = await fetchWithin(
      `${URL}${request.path}`,
      { method: "POST", headers: request.headers, body: body() },
      5000,
      async (r) => (await r.body?.cancel(), r.status),
    );
    if (status === 201 && Date.now() - t0 < 500) {
      recoveredMs = Date.now() - stoppedAt;
      break;
    }
  } catch {
    /* not yet */
  }
  await sleep(100);
}
const alive = (await fetch(`${URL}/api/health`).catch(() => null))?.status === 200;
await stopProcess(app);

const refusedTotal = Object.values(over.refused).reduce((a, b) => a + b, 0);
const clean = Object.keys(over.refused).every((s) => s === "429" || s === "503");
const verdict = {
  latency: over.p99 !== null && over.p99 <= 1000,
  refusals: clean && over.errors === 0 && over.timeouts === 0,
  recovery: recoveredMs !== null && recoveredMs <= 10_000 && alive,
};
log(`\nsustainable ${sustainable}/s; offered ${offered}/s for ${SECONDS} s`);
log(`  ${verdict.latency ? "PASS" : "FAIL"}  accepted ${over.accepted}, p99 ${over.p99} ms (target ≤ 1000 ms)`);
log(
  `  ${verdict.refusals ? "PASS" : "FAIL"}  refused ${refusedTotal} cleanly ${JSON.stringify(over.refused)}; network errors ${over.errors}, timeouts ${over.timeouts}`,
);
log(
  `  ${verdict.recovery ? "PASS" : "FAIL"}  serving normally again ${recoveredMs} ms after the load stopped (target ≤ 10 s); process alive: ${alive}`,
);
mkdirSync(path.join(root, "bench-results"), { recursive: true });
writeFileSync(
  path.join(root, "bench-results", `overload-${new Date().toISOString().replace(/[:.]/g, "-")}.json`),
  JSON.stringify({ sustainable, offered, flat, over, recoveredMs, verdict }, null, 2),
);
process.exit(Object.values(verdict).every(Boolean) ? 0 : 1);
