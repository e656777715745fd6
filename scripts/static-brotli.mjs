// The framework's and the app's script and style files, sent brotli-compressed to browsers that accept it:
// Next.js's own compression is gzip only, and on a phone the difference is most of the JavaScript budget
// (issue 12: ≤ 120 KB compressed for the draft; the same files are ~137 KB gzipped, ~116 KB as brotli).
// The files under .next/static are named by their content and never change, so each is compressed once,
// at the highest quality, into a `.br` beside it (start.mjs does it after a build), and served from memory.
import { readFileSync, statSync } from "node:fs";
import { readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const brotli = promisify(zlib.brotliCompress);
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

/** Writes `<file>.br` for every script and style under `dir` that lacks one (or has an older one). Returns how many. */
export async function compressStatic(dir) {
  let made = 0;
  for await (const file of filesUnder(dir)) {
    const source = await stat(file);
    const done = await stat(`${file}.br`).catch(() => null);
    if (done && done.mtimeMs >= source.mtimeMs) continue;
    const br = await brotli(await readFile(file), {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.size },
    });
    const tmp = `${file}.br.${process.pid}.tmp`;
    await writeFile(tmp, br);
    await rename(tmp, `${file}.br`); // whole or absent, even with two servers starting at once
    made += 1;
  }
  return made;
}

/**
 * A request handler for GET/HEAD /_next/static/…(.js|.css) from a browser that accepts brotli, when the
 * `.br` is there: answers it (the same headers as Next.js's, plus `extraHeaders`) and returns true;
 * otherwise returns false and Next.js answers (gzip). Each `.br` is read once (a few KB, the first time
 * its file is asked for) and then kept in memory.
 */
export function staticBrotli({ dir, extraHeaders = [] }) {
  const cache = new Map(); // url path → { body, etag } | null (no fresh .br)
  const load = (file) => {
    try {
      const source = statSync(file);
      if (statSync(`${file}.br`).mtimeMs < source.mtimeMs) return null;
      return {
        body: readFileSync(`${file}.br`),
        etag: `W/"br-${source.size.toString(16)}-${Math.floor(source.mtimeMs).toString(16)}"`,
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
    if (!m || !/\bbr\b/.test(String(req.headers["accept-encoding"] ?? ""))) return false;
    if (!cache.has(pathname)) cache.set(pathname, load(path.join(dir, m[1])));
    const entry = cache.get(pathname);
    if (!entry) return false;
    for (const { key, value } of extraHeaders) res.setHeader(key, value);
    res.setHeader("cache-control", "public, max-age=31536000, immutable");
    res.setHeader("content-type", TYPES[m[2]]);
    res.setHeader("vary", "Accept-Encoding");
    res.setHeader("etag", entry.etag);
    if (req.headers["if-none-match"] === entry.etag) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    res.setHeader("content-encoding", "br");
    res.setHeader("content-length", entry.body.length);
    res.end(req.method === "HEAD" ? undefined : entry.body);
    return true;
  };
}
