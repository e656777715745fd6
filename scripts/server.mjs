// The production HTTP server: Next.js's request handler behind a plain Node
// server, so that the client's address comes from the socket (a client can
// send any X-Forwarded-For; Next.js would keep it) and shutdown drains
// requests before the database goes away.
import http from "node:http";
import { randomUUID } from "node:crypto";
import next from "next";
import pino from "pino";
import { clientKey } from "../lib/http/client-key.mjs";
import { isForeignOrigin } from "../lib/http/origin-check.mjs";
import { eventLoopGate } from "../lib/http/overload.mjs";
import { overloadSignal } from "../lib/http/overload-signal.mjs";
import { createPageCache } from "../lib/http/page-cache.mjs";
import { readServerSettings, SettingError } from "./server-settings.mjs";
import { staticCompressed } from "./static-compressed.mjs";
import { bodyDeadline, readBodyThen, refuse, refuseIn, validPath } from "./server-requests.mjs";
import { securityHeaders } from "../lib/http/security-headers.mjs";
import { RESPONSE_UPLOAD } from "../lib/http/upload-paths.mjs";

let settings;
try {
  settings = readServerSettings();
} catch (e) {
  if (!(e instanceof SettingError)) throw e;
  console.error(`[server] cannot start, an environment variable is not valid: ${e.message.replaceAll("\n", "; ")}`);
  process.exit(1);
}
const {
  port,
  hostname,
  trustProxy,
  appUrl,
  maxInFlight,
  maxInFlightPerClient,
  maxEventLoopDelayMs,
  maxEventLoopUtilisation,
  uploadBodyLimit,
} = settings;
const dev = process.argv.includes("--dev");
// Structured JSON logs, one line per request (LOG_LEVEL=warn keeps only problems).
const log = pino(
  { level: settings.logLevel, base: { service: "clausewise", pid: process.pid } },
  pino.destination({ sync: false }),
);
// Load shedding: above this many requests in progress, answer 503 at once (cheap) instead of queueing
// until every request is slow; and above maxInFlightPerClient from one client address (IPv6: one /64),
// so that one client cannot take every place; and while the event loop is saturated (late by more than
// maxEventLoopDelayMs, or busy more than maxEventLoopUtilisation of the time) with more than a few requests
// in progress (with fewer, the loop is late for another reason, a long page or a busy machine, and refusing
// would not help). The health check is always served.
const loop = eventLoopGate({ maxDelayMs: maxEventLoopDelayMs, maxUtilisation: maxEventLoopUtilisation });
const LOOP_SHEDS_FROM = 8;
let inFlight = 0;
const inFlightByClient = new Map();
let shed = 0;
// Refusals per second over the last minute, for /api/health (lib/health/check-health.ts reads it).
const shedSeconds = new Array(60).fill(0);
const shedCounts = new Array(60).fill(0);
// Of those, how many for each cause (the warning says which limit a rush met).
const shedBy = { inFlight: 0, eventLoop: 0, client: 0 };
function countShed(cause) {
  shedBy[cause] += 1;
  const second = Math.floor(Date.now() / 1000);
  if (shedSeconds[second % 60] !== second) {
    shedSeconds[second % 60] = second;
    shedCounts[second % 60] = 0;
  }
  shedCounts[second % 60] += 1;
  shed += 1;
}
globalThis[Symbol.for("clausewise.refusedLastMinute")] = () => {
  const second = Math.floor(Date.now() / 1000);
  return shedCounts.reduce((sum, n, i) => (second - shedSeconds[i] < 60 ? sum + n : sum), 0);
};
// When this server last refused a request for its own load (not one client's share): background jobs in this process
// wait for the rush to pass, and work under way stops (lib/http/overload-signal.mjs, read by lib/http/load-state.ts).
const overload = overloadSignal({ onError: (err) => log.error({ err }, "overload listener") });
globalThis[Symbol.for("clausewise.overloadedWithin")] = overload.overloadedWithin;
globalThis[Symbol.for("clausewise.onOverload")] = overload.onOverload;
globalThis[Symbol.for("clausewise.requestsInFlight")] = () => inFlight;
// One line a second while shedding, not one per refused request.
setInterval(() => {
  if (shed)
    log.warn(
      { shed, shedBy: { ...shedBy }, inFlight, maxInFlight, maxInFlightPerClient, eventLoop: loop.state() },
      "overload: requests refused with 503 in the last second",
    );
  shed = 0;
  shedBy.inFlight = shedBy.eventLoop = shedBy.client = 0;
}, 1000).unref();
// Slow clients: headers must arrive within 10 s, and a request body within 10 s of its headers (each server
// reads it whole, at most 1 MB, before Next.js sees the request). The signed letter (10 MB) streams to its
// route instead, within the request timeout. Checked every second (Node's default: every 30 s).
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 120_000;
const STREAMED_UPLOAD = /^\/api\/delegation\/[^/]+\/letter\/?$/;
// A response with its attachments (lib/attachments/): the forms' Server Actions (respond, the private link, key-in)
// and the API's multipart variant read up to uploadBodyLimit (ATTACHMENT_MAX_RESPONSE_MB + 2 MB), with a body
// deadline that grows with the length (RESPONSE_UPLOAD, lib/http/upload-paths.mjs).
// Submissions to the JSON API: answered here, by the same code as its Next.js route (lib/api/post-response.ts,
// registered by instrumentation.ts), without Next.js's per-request work, which was most of their cost.
const API_RESPONSES = /^\/api\/consultations\/([^/]+)\/responses\/?$/;
const servePostResponse = () => globalThis[Symbol.for("clausewise.servePostResponse")];
// Forwarded headers come from the proxy in front, or from nobody: without TRUST_PROXY a client could
// name any host (Auth.js builds its redirects from X-Forwarded-Host) or any address.
const FORWARDED = [
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-forwarded-for",
  "x-forwarded-prefix",
  "forwarded",
  "x-real-ip",
];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const BUSY_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Busy / Surchargé</title>
<main style="font:1.2rem/1.5 system-ui;max-width:40rem;margin:3rem auto;padding:0 1rem"><h1>The service is very busy</h1>
<p>Please try again in a few seconds. Nothing you have not sent is lost: go back and send it again.</p>
<h1 lang="fr">Le service est très sollicité</h1><p lang="fr">Réessayez dans quelques secondes. Revenez en arrière et renvoyez votre réponse.</p></main>`;

/** Paths hold secrets sometimes (invitation and private links): never log them. */
const redact = (url) => (url ?? "/").split("?")[0].replace(/\/[A-Za-z0-9_-]{43}(?=\/|$)/g, "/:token");

const app = next({ dev, hostname: "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();
// Public pages rendered once and reused (lib/http/page-cache.mjs); every server forgets them when any announces a change.
const pageCache = createPageCache({ dev, log: (m) => log.warn(m) });
globalThis[Symbol.for("clausewise.clearPageCache")] = () => pageCache.clear();
// Scripts and styles compressed once, sent from memory: brotli to browsers that take it (most of a phone's download), gzip to others.
const serveCompressed = staticCompressed({
  dir: new URL("../.next/static", import.meta.url).pathname,
  extraHeaders: securityHeaders,
});

const server = http.createServer({ connectionsCheckingInterval: 1000 }, (req, res) => {
  // A request id: from the proxy in front (when trusted and well-formed), or made here; sent back and logged.
  const given = trustProxy ? String(req.headers["x-request-id"] ?? "") : "";
  const id = /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : randomUUID();
  req.headers["x-request-id"] = id;
  res.setHeader("x-request-id", id);
  const started = process.hrtime.bigint();
  if (!trustProxy) for (const name of FORWARDED) delete req.headers[name];
  // Behind a proxy that appends to X-Forwarded-For, the last entry is the one the proxy saw;
  // anything before it was written by the client. Limits count IPv6 clients by their /64.
  const forwarded = trustProxy
    ? (
        String(req.headers["x-forwarded-for"] ?? "")
          .split(",")
          .at(-1) ?? ""
      ).trim()
    : "";
  const client = clientKey(forwarded || req.socket.remoteAddress);
  req.headers["x-clausewise-client-ip"] = client;
  const pathname = (req.url ?? "/").split("?")[0];
  const hasBody = req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
  const streamedUpload = STREAMED_UPLOAD.test(pathname);
  const responseUpload =
    req.method === "POST" &&
    /^multipart\/form-data/i.test(String(req.headers["content-type"] ?? "")) &&
    RESPONSE_UPLOAD.test(pathname);
  // Its deadline grows with its declared length (a second per 256 KB, at least 10 s): a short form keeps the 10 s.
  const uploadMs = Math.min(
    REQUEST_TIMEOUT_MS,
    10_000 + Math.ceil(Number(req.headers["content-length"] ?? 0) / 262_144) * 1000,
  );
  if (hasBody && !streamedUpload) bodyDeadline(req, res, responseUpload ? uploadMs : undefined);
  const mine = inFlightByClient.get(client) ?? 0;
  const cause =
    inFlight >= maxInFlight
      ? "inFlight"
      : inFlight >= LOOP_SHEDS_FROM && loop.saturated()
        ? "eventLoop"
        : maxInFlightPerClient > 0 && mine >= maxInFlightPerClient
          ? "client"
          : null;
  if (cause === "inFlight" || cause === "eventLoop") overload.overloaded();
  const busy = cause !== null;
  pageCache.screen(req);
  // The server's own renders for the page cache are never shed: the readers waiting for them would be.
  if (busy && !(req.url ?? "").startsWith("/api/health") && !pageCache.isRender(req)) {
    res.statusCode = 503;
    res.setHeader("retry-after", "2");
    res.setHeader("cache-control", "no-store");
    const json = (req.headers.accept ?? "").includes("json") || (req.url ?? "").startsWith("/api/");
    res.setHeader("content-type", json ? "application/json" : "text/html; charset=utf-8");
    // The API's error shape (ZApiError, lib/api/wire.ts; documented for every /api/ path): with load shedding on the event loop, API clients meet it often.
    res.end(
      json
        ? JSON.stringify({ error: { code: "unavailable", message: "The service is busy. Retry after 2 seconds." } })
        : BUSY_PAGE,
    );
    countShed(cause);
    return;
  }
  inFlight += 1;
  inFlightByClient.set(client, mine + 1);
  res.once("close", () => {
    inFlight -= 1;
    const left = inFlightByClient.get(client) - 1;
    if (left > 0) inFlightByClient.set(client, left);
    else inFlightByClient.delete(client);
  });
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const line = {
      reqId: id,
      method: req.method,
      path: redact(req.url),
      status: res.statusCode,
      ms: Math.round(ms * 10) / 10,
    };
    if (res.statusCode >= 500) log.error(line, "request");
    else log.info(line, "request");
  });
  // Cross-site requests that change something are refused wherever they land (proxy.ts never sees
  // addresses with a dot, nor the API). No Origin: not a browser's cross-site request.
  const site = { appUrl, host: req.headers["x-forwarded-host"] ?? req.headers.host };
  if (!SAFE_METHODS.has(req.method ?? "GET") && isForeignOrigin(req.headers.origin, site)) {
    return refuseIn(req, res, 403, "forbidden_origin", "Requests from another site's pages are refused.");
  }
  if (!validPath(req.url)) return refuse(res, 400, "Bad request: this address is not valid.");
  if (!dev && serveCompressed(req, res, pathname)) return;
  const dispatch = () =>
    handle(req, res).catch((err) => {
      log.error({ reqId: id, err }, "unhandled");
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end("Internal Server Error");
      }
    });
  // (Not in development, where a page must show the code just edited.)
  const cached = hasBody || dev ? null : pageCache.cacheKeyOf(req);
  if (cached) {
    const fallBack = (err) => {
      log.warn({ reqId: id, err: err.message }, "page cache: rendering through Next.js directly");
      if (!res.headersSent) dispatch();
    };
    let served;
    try {
      served = pageCache.serve(req, res, cached); // true at once for a page in the cache
    } catch (err) {
      return fallBack(err);
    }
    if (served === true) return;
    if (served === false) return dispatch();
    return void served.then((done) => done || dispatch(), fallBack);
  }
  if (!hasBody || streamedUpload) return dispatch();
  const submission = req.method === "POST" && servePostResponse() ? API_RESPONSES.exec(pathname) : null;
  const direct = submission
    ? (body) =>
        servePostResponse()({ headers: req.headers, body, slug: decodeURIComponent(submission[1]), clientKey: client })
          .then((out) => {
            res.writeHead(out.status, { ...out.headers, "content-length": Buffer.byteLength(out.text) });
            res.end(out.text);
          })
          .catch((err) => {
            log.error({ reqId: id, err }, "unhandled");
            if (!res.headersSent) refuseIn(req, res, 500, "internal", "Internal Server Error");
          })
    : undefined;
  readBodyThen(req, res, dispatch, direct, responseUpload ? uploadBodyLimit : undefined);
});
// Keep-alive connections wait up to 65 s for their next request (longer than a balancer's usual 60 s);
// the headers timeout counts from a request's first byte, not from the idle wait, so 10 s is safe with it.
server.keepAliveTimeout = 65_000;
server.headersTimeout = HEADERS_TIMEOUT_MS;
server.requestTimeout = REQUEST_TIMEOUT_MS;
// Connections waiting to be accepted: Node's default, 511, overflowed in a rush of new connections (bench:ingest at
// twice capacity), and the kernel then drops the handshake: the client retries after 1 s, then 3 s. Linux caps it
// at net.core.somaxconn (4096 on current kernels).
const LISTEN_BACKLOG = 4096;
server.listen({ port, host: hostname, backlog: LISTEN_BACKLOG }, () => {
  const { address } = server.address();
  const local = address === "::" || address === "0.0.0.0" ? "127.0.0.1" : address;
  pageCache.setOrigin(`http://${local.includes(":") ? `[${local}]` : local}:${port}`);
  console.log(`[server] ready on http://localhost:${port}`);
  log.info({ port }, "ready");
  process.send?.("ready");
});

let closing = false;
function shutdown(signal) {
  if (closing) return;
  closing = true;
  console.log(`[server] ${signal}: finishing open requests`);
  log.info({ signal }, "shutdown: finishing open requests");
  log.flush();
  // Then the job queue's worker (instrumentation.ts): running jobs finish or are handed back to the queue.
  server.close(() =>
    Promise.resolve(globalThis[Symbol.for("clausewise.stopWorker")]?.())
      .catch(() => {})
      .finally(() => process.exit(0)),
  );
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
