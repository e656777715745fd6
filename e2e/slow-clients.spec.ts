import net from "node:net";
import http from "node:http";
import { expect, test, type APIRequestContext } from "@playwright/test";

// One app server, reached directly (behind nginx in the pair, nginx buffers bodies and would protect it):
// what it does on its own when clients send headers and then their body slowly, or never, or too much of it.
test.describe.configure({ mode: "serial" });

/** The port of one app server: behind nginx, the first server (port + 1); alone, the server itself. */
async function appPort(request: APIRequestContext, baseURL: string): Promise<number> {
  const viaNginx = String((await request.get("/api/health")).headers()["server"] ?? "").includes("nginx");
  return Number(new URL(baseURL).port) + (viaNginx ? 1 : 0);
}

/** A form post whose headers arrive and whose body never does, from another loopback address than the test's own requests. */
function slowPost(port: number) {
  const state = { answer: "", closed: false };
  const socket = net.connect({ port, host: "127.0.0.1", localAddress: "127.0.0.2" });
  socket.setEncoding("latin1");
  socket.on("data", (d) => (state.answer += d));
  socket.on("close", () => (state.closed = true));
  socket.on("error", () => {});
  socket.write(
    `POST /en/c/dpsi/respond HTTP/1.1\r\nHost: localhost:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nslug=`,
  );
  return { state, socket };
}

/** Sends `size` bytes of a form body in chunks (no Content-Length); resolves to the answer's status. */
function chunkedPost(port: number, type: string, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/en/c/dpsi/respond",
        headers: { "content-type": type, "transfer-encoding": "chunked" },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const write = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      req.end();
    };
    if (type.startsWith("multipart")) req.write('--zzz\r\nContent-Disposition: form-data; name="a"\r\n\r\n');
    else req.write("a=");
    write();
  });
}

test("slow request bodies from one address do not make other clients' pages answer 503; they are cut after 10 s and /api/health counts the refusals", async ({
  request,
  baseURL,
}) => {
  const port = await appPort(request, baseURL!);
  const perClient = Number(process.env.MAX_IN_FLIGHT_PER_CLIENT || 24);
  const slow = Array.from({ length: 120 }, () => slowPost(port));
  const answered = () => slow.filter((s) => s.state.answer.startsWith("HTTP/1.1 503")).length;
  // Beyond its own share, the slow client is refused at once (before: 96 were let in, the site's whole capacity).
  await expect
    .poll(answered, { message: "slow connections beyond the per-client limit refused at once", timeout: 8000 })
    .toBeGreaterThanOrEqual(slow.length - perClient);
  // Meanwhile another client is served.
  const page = await request.get(`http://127.0.0.1:${port}/en`);
  expect(page.status()).toBe(200);
  const health = await request.get(`http://127.0.0.1:${port}/api/health`);
  expect(health.status()).toBe(200);
  expect((await health.json()).shedding.refusedLastMinute).toBeGreaterThanOrEqual(slow.length - perClient);
  // The ones let in are answered 408 and closed once their body is 10 s late (not a minute).
  await expect.poll(() => slow.filter((s) => s.state.closed).length, { timeout: 16_000 }).toBe(slow.length);
  const timedOut = slow.filter((s) => !s.state.answer.startsWith("HTTP/1.1 503"));
  expect(timedOut.length).toBeGreaterThan(0);
  for (const s of timedOut) expect(s.state.answer).toMatch(/^HTTP\/1\.1 408/);
  expect((await request.get(`http://127.0.0.1:${port}/en`)).status()).toBe(200);
});

test("a form body over its limit sent in chunks (2 MB; 28 MB for a multipart post, which may carry attachments) is refused with 413, by the app alone and behind nginx, and the server stays healthy", async ({
  request,
  baseURL,
}) => {
  const port = await appPort(request, baseURL!);
  const front = Number(new URL(baseURL!).port);
  for (const p of new Set([port, front])) {
    expect(await chunkedPost(p, "application/x-www-form-urlencoded", 2 * 1024 * 1024), `urlencoded → :${p}`).toBe(413);
    // The response form's multipart post carries its attachments: ATTACHMENT_MAX_RESPONSE_MB (25) + 2 MB.
    expect(await chunkedPost(p, "multipart/form-data; boundary=zzz", 28 * 1024 * 1024), `multipart → :${p}`).toBe(413);
  }
  // A small form sent in chunks still reaches the page.
  expect(await chunkedPost(port, "application/x-www-form-urlencoded", 1000)).toBeLessThan(500);
  expect((await request.get(`http://127.0.0.1:${port}/api/health`)).status()).toBe(200);
});
