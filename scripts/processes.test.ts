import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { fetchWithin, startProcess, statusOf, stopProcess, waitHealthy } from "./processes.mjs";

describe("scripts/processes.mjs", () => {
  it("waitHealthy fails at once, with the child's last lines, when the child exits before it is healthy", async () => {
    const child = startProcess("broken", ["-e", "console.error('cannot start: MAX_IN_FLIGHT=abc'); process.exit(1)"], {
      output: "prefixed",
    });
    const started = Date.now();
    await expect(waitHealthy("http://127.0.0.1:9/api/health", { child, timeoutMs: 20_000 })).rejects.toThrow(
      /broken exited before it was healthy:\n\s+cannot start: MAX_IN_FLIGHT=abc/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("waitHealthy resolves once the address answers 200, and says what it last got otherwise", async () => {
    let status = 503;
    const server = http.createServer((_q, res) => res.writeHead(status).end());
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
    await expect(waitHealthy(url, { timeoutMs: 600, intervalMs: 100 })).rejects.toThrow(
      /last answer: 503, the database is unreachable/,
    );
    setTimeout(() => (status = 200), 200);
    await expect(waitHealthy(url, { timeoutMs: 5_000, intervalMs: 100 })).resolves.toBeUndefined();
    server.close();
  });

  it("stopProcess sends the signal, and SIGKILL to a child that ignores it", async () => {
    const stubborn = startProcess(
      "stubborn",
      ["-e", "process.on('SIGTERM', () => {}); console.log('up'); setInterval(() => {}, 1000)"],
      { output: "prefixed" },
    );
    await new Promise((r) => stubborn.stdout!.once("data", r));
    await stopProcess(stubborn, { killAfterMs: 300 });
    expect(await stubborn.exited).toEqual({ code: null, signal: "SIGKILL" });
    const polite = startProcess("polite", ["-e", "setInterval(() => {}, 1000)"], { output: "quiet" });
    await stopProcess(polite, { signal: "SIGINT" });
    expect(await polite.exited).toEqual({ code: null, signal: "SIGINT" });
  });

  it("fetchWithin gives up within its time on a server that never answers, or whose body never ends (statusOf: 0)", async () => {
    const server = http.createServer((req, res) => {
      if (req.url === "/half") res.writeHead(200).write("never ends"); // headers, then nothing more
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const path of ["/silent", "/half"]) {
        const started = Date.now();
        await expect(fetchWithin(`${base}${path}`, {}, 300, (r) => r.text())).rejects.toThrow(/within 300 ms/);
        expect(Date.now() - started).toBeLessThan(2_000);
      }
      expect(await statusOf(`${base}/half`)).toBe(0);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
