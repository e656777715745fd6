// The event-loop gate of scripts/server.mjs: it must say "saturated" while the loop is blocked (so the
// request that waited behind the block is refused at once), and open again once the loop is free.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { eventLoopGate } from "./overload.mjs";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const block = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

const gates: { stop(): void }[] = [];
afterEach(() => gates.splice(0).forEach((g) => g.stop()));

describe("eventLoopGate", () => {
  it("does not shut for one pause of the whole loop shorter than two windows (a garbage collection, the process descheduled on a busy machine)", async () => {
    // bench:ingest at 20 % of capacity: one 100–150 ms pause shut the gate, and the ~100 requests that arrived meanwhile
    // were all refused, though the server clears such a backlog in milliseconds.
    const gate = eventLoopGate({ maxDelayMs: 40, maxUtilisation: 1, holdMs: 1_000 });
    gates.push(gate);
    await expect.poll(() => gate.saturated(), { timeout: 3_000 }).toBe(false);
    for (let i = 0; i < 3; i++) {
      block(150);
      await new Promise((r) => setTimeout(r, 0));
      expect(gate.saturated()).toBe(false);
      await sleep(300);
      expect(gate.saturated()).toBe(false);
    }
  });

  it("shuts when the loop is late in two windows in a row, and once shut, on one late window for the next second", async () => {
    const gate = eventLoopGate({ maxDelayMs: 40, maxUtilisation: 1, windowMs: 100, holdMs: 100 });
    gates.push(gate);
    await expect.poll(() => gate.saturated(), { timeout: 3_000 }).toBe(false);
    // 60 ms of work in every 70: each 10 ms timer is late by ~50 ms, window after window.
    const busyFor = async (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        block(60);
        await sleep(10);
      }
    };
    await busyFor(450);
    expect(gate.saturated()).toBe(true);
    // Opened again, then late in a single window: shut at once (no 100 ms of admissions each time it reopens).
    await expect.poll(() => gate.saturated(), { timeout: 3_000, interval: 5 }).toBe(false);
    await busyFor(150);
    expect(gate.saturated()).toBe(true);
  });

  it("shuts once the loop has been blocked longer than two windows, and opens again once it is free", async () => {
    const gate = eventLoopGate({ maxDelayMs: 40, maxUtilisation: 1, holdMs: 1_000 });
    gates.push(gate);
    await expect.poll(() => gate.saturated(), { timeout: 3_000 }).toBe(false);
    block(250);
    // A request waiting behind the block is handled after the timers of the loop's next turn: the gate's sample among them.
    await new Promise((r) => setTimeout(r, 0));
    expect(gate.saturated()).toBe(true);
    expect(gate.state().delayMs).toBeGreaterThan(40);
    await sleep(20);
    expect(gate.saturated()).toBe(true); // held for holdMs, so it does not flap
    await expect.poll(() => gate.saturated(), { timeout: 5_000 }).toBe(false);
  });

  it("does not shut for one long task now and then (a page rendered in 60 ms)", async () => {
    // A window of 1 s: only a pause of the whole process of that length (a very busy machine) could shut it.
    const gate = eventLoopGate({ maxDelayMs: 40, maxUtilisation: 1, windowMs: 1_000 });
    gates.push(gate);
    for (let i = 0; i < 12; i++) {
      await sleep(150);
      block(60);
      await new Promise((r) => setTimeout(r, 0));
      expect(gate.saturated()).toBe(false);
    }
  });

  it("shuts when the loop is busy more than the utilisation limit, though each turn is short", async () => {
    const gate = eventLoopGate({ maxDelayMs: 0, maxUtilisation: 0.5, windowMs: 100, holdMs: 100 });
    gates.push(gate);
    await expect.poll(() => gate.saturated(), { timeout: 3_000 }).toBe(false);
    // 15 ms of work per turn (under any delay limit one would set), without pause, for 400 ms.
    const until = performance.now() + 400;
    while (performance.now() < until) {
      block(15);
      await new Promise((r) => setImmediate(r));
    }
    expect(gate.saturated()).toBe(true);
    expect(gate.state().utilisation).toBeGreaterThan(0.5);
    await expect.poll(() => gate.saturated(), { timeout: 3_000 }).toBe(false);
  });

  it("turned off (delay 0, utilisation 100 %), never shuts", async () => {
    const gate = eventLoopGate({ maxDelayMs: 0, maxUtilisation: 1 });
    gates.push(gate);
    block(150);
    expect(gate.saturated()).toBe(false);
  });

  it("lets a server answer a request that waited behind a blocked loop with 503 + Retry-After at once", async () => {
    const gate = eventLoopGate({ maxDelayMs: 40, maxUtilisation: 1 });
    gates.push(gate);
    // Another process sends the request while this one is blocked (here, nothing could run until the block ends).
    const script = `const http=require("http");console.log("ready");process.stdin.once("data",()=>{const t=Date.now();http.get({host:"127.0.0.1",port:Number(process.argv[1]),path:"/",agent:false},r=>{r.resume();r.on("end",()=>{console.log(JSON.stringify({status:r.statusCode,retryAfter:r.headers["retry-after"],ms:Date.now()-t}));process.exit(0)})})})`;
    let child: ChildProcessWithoutNullStreams | undefined;
    const server = http.createServer((req, res) => {
      if (req.url === "/block") {
        child!.stdin.write("go\n"); // a pipe write is attempted at once, before the block
        block(400);
        return void res.end("blocked");
      }
      if (gate.saturated()) {
        res.writeHead(503, { "retry-after": "2" });
        return void res.end();
      }
      res.end("ok");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    const get = (path: string) =>
      new Promise<number>((resolve, reject) => {
        http
          .get({ host: "127.0.0.1", port, path, agent: false }, (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode!));
          })
          .on("error", reject);
      });
    try {
      await expect.poll(() => get("/"), { timeout: 3_000 }).toBe(200);
      child = spawn(process.execPath, ["-e", script, String(port)]);
      const lines: string[] = [];
      const exited = new Promise((r) => child!.once("exit", r));
      await new Promise<void>((r) =>
        child!.stdout.on("data", (c) => (lines.push(...String(c).trim().split("\n")), r())),
      );
      expect(lines[0]).toBe("ready");
      expect(await get("/block")).toBe(200);
      await exited;
      const answer = JSON.parse(lines.at(-1)!);
      expect(answer).toMatchObject({ status: 503, retryAfter: "2" });
      await expect.poll(() => get("/"), { timeout: 3_000 }).toBe(200);
    } finally {
      child?.kill();
      server.close();
    }
  });
});
