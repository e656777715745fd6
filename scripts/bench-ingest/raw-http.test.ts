import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionPool, parseResponse } from "./raw-http.mjs";

const b = (s: string) => Buffer.from(s, "latin1");

describe("the open loop's HTTP client: reading a response", () => {
  it("reads a body of Content-Length bytes, and says when it has not all arrived", () => {
    const whole = "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 2\r\nContent-Length: 5\r\n\r\nbusy!";
    expect(parseResponse(b(whole.slice(0, 20)))).toBeNull();
    expect(parseResponse(b(whole.slice(0, -1)))).toBeNull();
    const r = parseResponse(b(whole + "HTTP/1.1 201"))!;
    expect(r).toMatchObject({ status: 503, used: whole.length, close: false });
    expect(r.headers["retry-after"]).toBe("2");
    expect(r.body.toString()).toBe("busy!");
  });

  it("reads a chunked body, with or without trailers", () => {
    const chunked =
      "HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n";
    expect(parseResponse(b(chunked.slice(0, -2)))).toBeNull();
    expect(parseResponse(b(chunked))).toMatchObject({ status: 400, used: chunked.length, close: true });
    expect(parseResponse(b(chunked))!.body.toString()).toBe("abcde");
    const trailers = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nz\r\n0\r\nX-T: 1\r\n\r\n";
    expect(parseResponse(b(trailers))).toMatchObject({ status: 200, used: trailers.length });
  });

  it("refuses what it cannot read", () => {
    expect(() => parseResponse(b("SSH-2.0-OpenSSH\r\n\r\n"))).toThrow("unreadable");
    expect(() => parseResponse(b("HTTP/1.1 200 OK\r\n\r\nuntil close"))).toThrow("unreadable");
    expect(() => parseResponse(b("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"))).toThrow("unreadable");
  });
});

// A server answering in the ways node:http does: Content-Length, chunked, closing, or not at all.
const server = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    if (req.url === "/chunked") {
      res.write("a");
      return void res.end(body);
    }
    if (req.url === "/close") return void res.writeHead(503, { connection: "close" }).end("bye");
    if (req.url === "/never") return;
    res.writeHead(201, { "retry-after": "1" }).end(`${req.method} ${body}`);
  });
});
let port = 0;
beforeAll(
  () =>
    new Promise<void>((r) =>
      server.listen(0, "127.0.0.1", () => ((port = (server.address() as AddressInfo).port), r())),
    ),
);
afterAll(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));

type Result = { status: number; error: string | null; body?: string; retryAfter?: string };
const ask = (pool: ReturnType<typeof connectionPool>, path: string, body = "") =>
  new Promise<Result>((resolve) =>
    pool.request("POST", path, { "content-type": "text/plain" }, body, (status, error, res) =>
      resolve({ status, error, body: res?.body.toString(), retryAfter: res?.headers["retry-after"] }),
    ),
  );

describe("the open loop's HTTP client against node:http", () => {
  it("sends a body, reads the answer, and keeps the connection for the next request", async () => {
    const pool = connectionPool("127.0.0.1", port, { timeoutMs: 2_000 });
    expect(await ask(pool, "/", "héllo")).toEqual({ status: 201, error: null, body: "POST héllo", retryAfter: "1" });
    expect(await ask(pool, "/chunked", "bc")).toMatchObject({ status: 200, body: "abc" });
    expect(pool.openedCount()).toBe(1);
    expect(pool.idleCount()).toBe(1);
    // Three at once: none waits for another, two more connections are opened.
    const three = await Promise.all([ask(pool, "/", "1"), ask(pool, "/", "2"), ask(pool, "/", "3")]);
    expect(three.map((r) => r.body)).toEqual(["POST 1", "POST 2", "POST 3"]);
    expect(pool.openedCount()).toBe(3);
    pool.destroy();
  });

  it("does not reuse a connection the server closes, and fails a request nobody answers after its timeout", async () => {
    const pool = connectionPool("127.0.0.1", port, { timeoutMs: 300 });
    expect(await ask(pool, "/close")).toMatchObject({ status: 503, body: "bye" });
    expect(pool.idleCount()).toBe(0);
    expect(await ask(pool, "/never")).toEqual({ status: 0, error: "timeout" });
    expect(await ask(pool, "/", "again")).toMatchObject({ status: 201, body: "POST again" });
    expect(pool.openedCount()).toBe(3);
    pool.destroy();
  });

  it("warms connections that the next requests use", async () => {
    const pool = connectionPool("127.0.0.1", port, { timeoutMs: 2_000 });
    await pool.warm(5, "/");
    expect([pool.openedCount(), pool.idleCount()]).toEqual([5, 5]);
    await Promise.all([ask(pool, "/"), ask(pool, "/")]);
    expect(pool.openedCount()).toBe(5);
    pool.destroy();
  });

  it("fails a request whose connection is refused", async () => {
    const closed = http.createServer();
    const freePort = await new Promise<number>((r) =>
      closed.listen(0, "127.0.0.1", () => r((closed.address() as AddressInfo).port)),
    );
    await new Promise((r) => closed.close(r));
    const pool = connectionPool("127.0.0.1", freePort, { timeoutMs: 2_000 });
    expect(await ask(pool, "/")).toEqual({ status: 0, error: "ECONNREFUSED" });
  });
});
