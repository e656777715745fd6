import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressStatic, staticCompressed } from "./static-compressed.mjs";

// A build's static files, compressed once; a server that answers them as scripts/server.mjs does.
const dir = mkdtempSync(path.join(os.tmpdir(), "static-compressed-"));
const script = "console.log('a script of the build');\n".repeat(200);
mkdirSync(path.join(dir, "chunks"));
writeFileSync(path.join(dir, "chunks", "abc123.js"), script);
const serve = staticCompressed({ dir, extraHeaders: [{ key: "x-content-type-options", value: "nosniff" }] });
const server = http.createServer((req, res) => {
  if (!serve(req, res, (req.url ?? "/").split("?")[0])) res.writeHead(404).end("not served");
});
let base = "";
beforeAll(async () => {
  expect(await compressStatic(dir)).toBe(1);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

function get(
  url: string,
  acceptEncoding?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on("error", reject);
  });
}

describe("static files compressed once (scripts/static-compressed.mjs)", () => {
  it("sends brotli to a client that accepts it, gzip to one that accepts only gzip, and leaves the rest to Next.js", async () => {
    const br = await get(`${base}/_next/static/chunks/abc123.js`, "gzip, deflate, br");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(script);
    expect(br.headers["x-content-type-options"]).toBe("nosniff");
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");

    const gz = await get(`${base}/_next/static/chunks/abc123.js`, "gzip, deflate");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gz.body).toString()).toBe(script);
    expect(gz.headers.etag).not.toBe(br.headers.etag);

    expect((await get(`${base}/_next/static/chunks/abc123.js`)).status).toBe(404);
    expect((await get(`${base}/_next/static/chunks/missing.js`, "gzip")).status).toBe(404);
    expect((await get(`${base}/_next/static/../secret.js`, "gzip")).status).toBe(404);
  });

  it("compresses each file once: a second pass finds nothing to do", async () => {
    expect(await compressStatic(dir)).toBe(0);
  });
});
