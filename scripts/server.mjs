// The production HTTP server: Next.js's request handler behind a plain Node
// server, so that the client's address comes from the socket (a client can
// send any X-Forwarded-For; Next.js would keep it) and shutdown drains
// requests before the database goes away.
import http from "node:http";
import { Readable } from "node:stream";
import { randomUUID } from "node:crypto";
import next from "next";
import pino from "pino";
import { clientKey } from "../lib/http/client-key.mjs";
import { isForeignOrigin } from "../lib/http/origin-check.mjs";
import { eventLoopGate } from "../lib/http/overload.mjs";
import { createPageCache } from "../lib/http/page-cache.mjs";
import { readServerSettings, SettingError } from "./server-settings.mjs";
import { staticBrotli } from "./static-brotli.mjs";
import { securityHeaders } from "../lib/http/security-headers.mjs";

let settings;
try {
  settings = readServerSettings(process.env);
} catch (e) {
  if (!(e instanceof SettingError)) throw e;
  console.error(`[server] cannot start: ${e.message}`);
  process.exit(1);
}
const { port, hostname, trustProxy, appUrl, maxInFlight, maxInFlightPerClient, maxEventLoopDelayMs, maxEventLoopUtilisation } = settings;
const dev = process.argv.includes("--dev");
// Structured JSON logs, one line per request (LOG_LEVEL=warn keeps only problems).
const log = pino({ level: settings.logLevel, base: { service: "clausewise", pid: process.pid } }, pino.destination({ sync: false }));
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
function countShed() {
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
// One line a second while shedding, not one per refused request.
setInterval(() => {
  if (shed) log.warn({ shed, inFlight, maxInFlight, maxInFlightPerClient, eventLoop: loop.state() }, "overload: requests refused with 503 in the last second");
  shed = 0;
}, 1000).unref();
// Slow clients: headers must arrive within 10 s, and a request body within 10 s of its headers (each server
// reads it whole, at most 1 MB, before Next.js sees the request). The signed letter (10 MB) streams to its
// route instead, within the request timeout. Checked every second (Node's default: every 30 s).
const HEADERS_TIMEOUT_MS = 10_000;
const BODY_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 120_000;
const BODY_LIMIT = 1024 * 1024; // as serverActions.bodySizeLimit in next.config.ts and the JSON API's limit
const STREAMED_UPLOAD = /^\/api\/delegation\/[^/]+\/letter\/?$/;
// Submissions to the JSON API: answered here, by the same code as its Next.js route (lib/api/post-response.ts,
// registered by instrumentation.ts), without Next.js's per-request work, which was most of their cost.
const API_RESPONSES = /^\/api\/consultations\/([^/]+)\/responses\/?$/;
const servePostResponse = () => globalThis[Symbol.for("clausewise.servePostResponse")];
// Forwarded headers come from the proxy in front, or from nobody: without TRUST_PROXY a client could
// name any host (Auth.js builds its redirects from X-Forwarded-Host) or any address.
const FORWARDED = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-forwarded-for", "x-forwarded-prefix", "forwarded", "x-real-ip"];
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
// Scripts and styles as brotli to browsers that take it (Next.js sends gzip): most of a phone's download.
const serveBrotli = staticBrotli({ dir: new URL("../.next/static", import.meta.url).pathname, extraHeaders: securityHeaders });

function refuse(res, status, text) {
  res.statusCode = status;
  res.setHeader("content-type", "text/plain; charset=utf-8");
  res.end(text);
}

/** A refusal in the API's JSON shape under /api/, in plain text elsewhere. */
function refuseIn(req, res, status, code, text) {
  if (!(req.url ?? "").startsWith("/api/")) return refuse(res, status, text);
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.setHeader("cache-control", "no-store");
  res.end(JSON.stringify({ error: { code, message: text } }));
}

/**
 * A request body must be here within BODY_TIMEOUT_MS of the headers, whatever the answer (a refused
 * request's body is still read, and dropped, by Node.js): else 408 if nothing was answered yet, and the
 * connection is closed.
 */
function bodyDeadline(req, res) {
  const late = setTimeout(() => {
    if (res.headersSent) return void req.socket.destroy();
    res.statusCode = 408;
    res.setHeader("connection", "close");
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end("Request timeout: the request body did not arrive in time.", () => req.socket.destroy());
  }, BODY_TIMEOUT_MS);
  const done = () => {
    clearTimeout(late);
    req.socket.off("close", done);
  };
  req.socket.once("close", done);
  req.once("end", done);
}

/**
 * Reads a request body whole (at most BODY_LIMIT bytes), then hands the request on with that body, as
 * Next.js itself replays a body it has read; so a client sending its body slowly, or in endless chunks,
 * never reaches Next.js. Too large: 413 (the rest is read and dropped).
 */
function readBodyThen(req, res, dispatch, direct) {
  const chunks = [];
  let size = 0;
  let tooLarge = Number(req.headers["content-length"] ?? 0) > BODY_LIMIT;
  if (tooLarge) return refuseIn(req, res, 413, "body_too_large", "This request is larger than 1 MB.");
  // Not destroyed at its end: a late "close" would reach the listeners of the replayed body.
  req._readableState.autoDestroy = false;
  req.on("data", (chunk) => {
    if (tooLarge) return;
    size += chunk.length;
    if (size <= BODY_LIMIT) return void chunks.push(chunk);
    tooLarge = true;
    chunks.length = 0;
    refuseIn(req, res, 413, "body_too_large", "This request is larger than 1 MB.");
  });
  req.on("end", async () => {
    if (tooLarge || res.headersSent) return;
    const body = Buffer.concat(chunks);
    if (direct) return direct(body);
    if (!(await readable(req, body))) return refuseIn(req, res, 400, "unreadable_body", "Bad request: this form could not be read.");
    // The request becomes a fresh stream (its state, listeners and methods, bound to it), fed after the copy
    // so that its events are emitted by the request itself (Next.js's body-streams.js does the same).
    const replay = new Readable({ read() {} });
    for (const key in replay) {
      const value = replay[key];
      req[key] = typeof value === "function" ? value.bind(req) : value;
    }
    req.push(body);
    req.push(null);
    req.headers["content-length"] = String(body.length);
    delete req.headers["transfer-encoding"];
    dispatch();
  });
}

/**
 * Next.js answers a form or a Server Action's arguments it cannot parse with a 500; bad input deserves a 400.
 * Checked here, once, for every address (proxy.ts, which never sees addresses with a dot, no longer parses forms).
 */
async function readable(req, body) {
  if ((req.url ?? "").startsWith("/api/")) return true; // the API reads and checks its own bodies
  const type = String(req.headers["content-type"] ?? "");
  const action = req.headers["next-action"] !== undefined;
  try {
    if (/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type)) {
      const form = await new Response(body, { headers: { "content-type": type } }).formData(); // (the boundary is case-sensitive)
      return !action || actionArguments(form.get("0"));
    }
    // Every Server Action of the app takes a FormData last, which React sends only as multipart: other
    // bodies (JSON arguments in text/plain) could only reach an action with the wrong arguments.
    return !action;
  } catch {
    return false;
  }
}

/**
 * A Server Action's arguments as React encodes them with a FormData (field "0"): a JSON array whose
 * last element refers to the FormData ("$K" and a hex id) and whose others are the previous states
 * (objects). Anything else would reach the action with arguments it cannot read (a 500).
 */
function actionArguments(encoded) {
  if (typeof encoded !== "string") return false;
  const args = JSON.parse(encoded);
  if (!Array.isArray(args) || args.length === 0) return false;
  const last = args[args.length - 1];
  return typeof last === "string" && /^\$K[0-9a-f]+$/.test(last) && args.slice(0, -1).every((a) => a !== null && typeof a === "object" && !Array.isArray(a));
}

/**
 * Next.js answers an address it cannot decode (%FF) with a 500; bad input
 * deserves a 400. (Form bodies it cannot parse are screened by readable().)
 */
function validPath(url) {
  try {
    decodeURIComponent(new URL(url ?? "/", "http://localhost").pathname);
    return true;
  } catch {
    return false;
  }
}

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
  const forwarded = trustProxy ? (String(req.headers["x-forwarded-for"] ?? "").split(",").at(-1) ?? "").trim() : "";
  const client = clientKey(forwarded || req.socket.remoteAddress);
  req.headers["x-clausewise-client-ip"] = client;
  const pathname = (req.url ?? "/").split("?")[0];
  const hasBody = req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
  const streamedUpload = STREAMED_UPLOAD.test(pathname);
  if (hasBody && !streamedUpload) bodyDeadline(req, res);
  const mine = inFlightByClient.get(client) ?? 0;
  const busy = inFlight >= maxInFlight || (maxInFlightPerClient > 0 && mine >= maxInFlightPerClient) || (inFlight >= LOOP_SHEDS_FROM && loop.saturated());
  pageCache.screen(req);
  // The server's own renders for the page cache are never shed: the readers waiting for them would be.
  if (busy && !(req.url ?? "").startsWith("/api/health") && !pageCache.isRender(req)) {
    res.statusCode = 503;
    res.setHeader("retry-after", "2");
    res.setHeader("cache-control", "no-store");
    const json = (req.headers.accept ?? "").includes("json") || (req.url ?? "").startsWith("/api/");
    res.setHeader("content-type", json ? "application/json" : "text/html; charset=utf-8");
    // The API's error shape (lib/api/openapi.json's Error): with load shedding on the event loop, API clients meet it often.
    res.end(json ? JSON.stringify({ error: { code: "unavailable", message: "The service is busy. Retry after 2 seconds." } }) : BUSY_PAGE);
    countShed();
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
    const line = { reqId: id, method: req.method, path: redact(req.url), status: res.statusCode, ms: Math.round(ms * 10) / 10 };
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
  if (!dev && serveBrotli(req, res, pathname)) return;
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
    return void pageCache.serve(req, res, cached).then((served) => served || dispatch(), (err) => {
      log.warn({ reqId: id, err: err.message }, "page cache: rendering through Next.js directly");
      if (!res.headersSent) dispatch();
    });
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
  readBodyThen(req, res, dispatch, direct);
});
// Keep-alive connections wait up to 65 s for their next request (longer than a balancer's usual 60 s);
// the headers timeout counts from a request's first byte, not from the idle wait, so 10 s is safe with it.
server.keepAliveTimeout = 65_000;
server.headersTimeout = HEADERS_TIMEOUT_MS;
server.requestTimeout = REQUEST_TIMEOUT_MS;
server.listen(port, hostname, () => {
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
  server.close(() => Promise.resolve(globalThis[Symbol.for("clausewise.stopWorker")]?.()).catch(() => {}).finally(() => process.exit(0)));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
