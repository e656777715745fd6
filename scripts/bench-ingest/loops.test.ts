import { meanOfRuns } from "./stats.mjs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runClosedLoop } from "./closed-loop.mjs";
import { makeTarget, openConnections, runFixedRate } from "./open-loop.mjs";
import { jsonPayload } from "./payload.mjs";

// A server that stores each idempotency key it is sent and answers 201 after 40 ms: what the truth check counts.
const stored: string[] = [];
let connections = 0;
const server = http.createServer((req, res) => {
  if (req.method === "GET") return void res.writeHead(200).end("ok");
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    stored.push(JSON.parse(body).idempotencyKey);
    setTimeout(() => res.writeHead(201, { "content-type": "application/json" }).end("{}"), 40);
  });
});
let port = 0;
beforeAll(
  () =>
    new Promise<void>((r) =>
      server.listen(0, "127.0.0.1", () => ((port = (server.address() as AddressInfo).port), r())),
    ),
);
server.on("connection", () => (connections += 1));
afterAll(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));
const target = () => makeTarget("test", process.pid, "127.0.0.1", port, "/", jsonPayload);
const keys = (prefix: string) => stored.filter((k) => k.startsWith(prefix));

describe("bench:ingest's load", () => {
  it("closed loop (autocannon), timed: awaits the requests in flight at the end, so every key sent was answered and counted once", async () => {
    const r = await runClosedLoop(target(), { concurrency: 8, seconds: 1, keyPrefix: "timed-" });
    expect(r.sent).toBeGreaterThan(50);
    expect(r.errorCount).toBe(0);
    expect(r.status201).toBe(r.sent);
    expect(keys("timed-")).toHaveLength(r.sent);
    expect(new Set(keys("timed-")).size).toBe(r.sent);
    expect(r.elapsedS).toBeLessThan(1.5);
  });

  it("closed loop (autocannon), counted: exactly that many requests", async () => {
    const r = await runClosedLoop(target(), { concurrency: 8, count: 30, keyPrefix: "count-" });
    expect([r.sent, r.status201, keys("count-").length]).toEqual([30, 30, 30]);
  });

  it("open loop: every request sent at its due time, with the send lag reported", async () => {
    const r = await runFixedRate(target(), { rate: 100, seconds: 1, keyPrefix: "open-" });
    expect([r.sent, r.status201, keys("open-").length]).toEqual([100, 100, 100]);
    expect(r.sendLagMs.max).toBeGreaterThanOrEqual(0);
    expect(r.mode).toBe("open loop, 100/s for 1 s");
  });

  it("opens connections before a phase, which the open loop then uses instead of opening its own", async () => {
    const t = target();
    const before = connections;
    await openConnections(t, 20);
    expect(connections - before).toBe(20);
    expect(t.pool.idleCount()).toBe(20);
    // 50 requests at 100/s, each answered in 40 ms: about 4 in flight at once, all on the open connections.
    const r = await runFixedRate(t, { rate: 100, seconds: 0.5, keyPrefix: "warm-" });
    expect(r.status201).toBe(50);
    expect(connections - before).toBe(20);
    expect(t.pool.openedCount()).toBe(20);
    t.pool.destroy();
  });
});

describe("the baseline measured on both sides of the app's flat-out phase", () => {
  it("counts as the mean of its two runs, with their CPU and responses added up", () => {
    const run = (throughput2xx: number, ok2xx: number, serverMs: number, postgresMs: number) => ({
      mode: "closed",
      throughput2xx,
      ok2xx,
      cpu: { serverMs, postgresMs, benchPctOfCore: 50, serverPctOfCore: 80, machineBusyPct: 90 },
    });
    const both = meanOfRuns(run(3000, 60_000, 6_000, 12_000), run(5000, 100_000, 8_000, 20_000));
    expect(both.throughput2xx).toBe(4000);
    expect(both.ok2xx).toBe(160_000);
    expect(both.cpu).toMatchObject({ serverMs: 14_000, postgresMs: 32_000 });
    expect(meanOfRuns(run(3000, 1, 1, 1), { ...run(5000, 1, 1, 1), cpu: null }).cpu).toBeNull();
  });
});
