// The framework's and the app's script and style files, sent compressed from memory: brotli to browsers that
// accept it (Next.js's own compression is gzip only, and on a phone the difference is most of the JavaScript
// budget: issue 12, ≤ 120 KB compressed for the draft; the same files are ~137 KB gzipped, ~116 KB as brotli),
// gzip to the others. Next.js gzips a static file again for every request: 1,400 requests/s where the copy made
// once is sent 15,000 times a second (bench:read, 2026-12-01), and at that cost its event-loop gate refused some.
// The files under .next/static are named by their content and never change, so each is compressed once, at the
// highest quality, into a `.br` and a `.gz` beside it (start.mjs does it after a build).
import { readFileSync, statSync } from "node:fs";
import { readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /\.(js|css)$/;
const TYPES = { js: "application/javascript; charset=UTF-8", css: "text/css; charset=UTF-8" };

async function* filesUnder(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return; // no build yet
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* filesUnder(full);
    else if (COMPRESSIBLE.test(e.name)) yield full;
  }
}

/** Writes `<file>.br` and `<file>.gz` for every script and style under `dir` that lacks them (or has older ones). Returns how many files. */
export async function compressStatic(dir) {
  let made = 0;
  for await (const file of filesUnder(dir)) {
    const source = await stat(file);
    const fresh = async (ext) => ((await stat(`${file}.${ext}`).catch(() => null))?.mtimeMs ?? -1) >= source.mtimeMs;
    if ((await fresh("br")) && (await fresh("gz"))) continue;
    const content = await readFile(file);
    const copies = {
      br: await brotli(content, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.size },
      }),
      gz: await gzip(content, { level: 9 }),
    };
    for (const [ext, body] of Object.entries(copies)) {
      const tmp = `${file}.${ext}.${process.pid}.tmp`;
      await writeFile(tmp, body);
      await rename(tmp, `${file}.${ext}`); // whole or absent, even with two servers starting at once
    }
    made += 1;
  }
  return made;
}

/**
 * A request handler for GET/HEAD /_next/static/…(.js|.css) from a client that accepts brotli or gzip, when the
 * compressed copy is there: answers it (the same headers as Next.js's, plus `extraHeaders`) and returns true;
 * otherwise returns false and Next.js answers. Each copy is read once (a few KB, the first time its file is
 * asked for) and then kept in memory.
 * @param {{ dir: string; extraHeaders?: { key: string; value: string }[] }} options
 */
export function staticCompressed({ dir, extraHeaders = [] }) {
  const cache = new Map(); // "<encoding> <url path>" → { body, etag } | null (no fresh copy)
  const load = (file, ext) => {
    try {
      const source = statSync(file);
      if (statSync(`${file}.${ext}`).mtimeMs < source.mtimeMs) return null;
      return {
        body: readFileSync(`${file}.${ext}`),
        etag: `W/"${ext}-${source.size.toString(16)}-${Math.floor(source.mtimeMs).toString(16)}"`,
      };
    } catch {
      return null;
    }
  };
  return function serve(req, res, pathname) {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const m = /^\/_next\/static\/((?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*\/)*[A-Za-z0-9_~-][A-Za-z0-9._~-]*\.(js|css))$/.exec(
      pathname,
    );
    if (!m) return false;
    const accepted = String(req.headers["accept-encoding"] ?? "");
    const encoding = /\bbr\b/.test(accepted) ? "br" : /\bgzip\b/.test(accepted) ? "gzip" : null;
    if (!encoding) return false;
    const ext = encoding === "br" ? "br" : "gz";
    const key = `${ext} ${pathname}`;
    if (!cache.has(key)) cache.set(key, load(path.join(dir, m[1]), ext));
    const entry = cache.get(key);
    if (!entry) return false;
    for (const { key: name, value } of extraHeaders) res.setHeader(name, value);
    res.setHeader("cache-control", "public, max-age=31536000, immutable");
    res.setHeader("content-type", TYPES[m[2]]);
    res.setHeader("vary", "Accept-Encoding");
    res.setHeader("etag", entry.etag);
    if (req.headers["if-none-match"] === entry.etag) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    res.setHeader("content-encoding", encoding);
    res.setHeader("content-length", entry.body.length);
    res.end(req.method === "HEAD" ? undefined : entry.body);
    return true;
  };
}
