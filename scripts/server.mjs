// The production HTTP server: Next.js's request handler behind a plain Node
// server, so that the client's address comes from the socket (a client can
// send any X-Forwarded-For; Next.js would keep it) and shutdown drains
// requests before the database goes away.
import http from "node:http";
import { randomUUID } from "node:crypto";
import next from "next";
import pino from "pino";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || "0.0.0.0";
const trustProxy = process.env.TRUST_PROXY === "true" || process.env.TRUST_PROXY === "1";
const dev = process.argv.includes("--dev");
// Structured JSON logs, one line per request (LOG_LEVEL=warn keeps only problems).
const log = pino({ level: process.env.LOG_LEVEL || "info", base: { service: "clausewise", pid: process.pid } }, pino.destination({ sync: false }));
// Load shedding: above this many requests in progress, answer 503 at once (cheap) instead of queueing
// until every request is slow. The health check is always served.
const maxInFlight = Number(process.env.MAX_IN_FLIGHT || 96);
let inFlight = 0;
let shed = 0;
// One line a second while shedding, not one per refused request.
setInterval(() => {
  if (shed) log.warn({ shed, inFlight, maxInFlight }, "overload: requests refused with 503 in the last second");
  shed = 0;
}, 1000).unref();
const BUSY_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Busy / Surchargé</title>
<main style="font:1.2rem/1.5 system-ui;max-width:40rem;margin:3rem auto;padding:0 1rem"><h1>The service is very busy</h1>
<p>Please try again in a few seconds. Nothing you have not sent is lost: go back and send it again.</p>
<h1 lang="fr">Le service est très sollicité</h1><p lang="fr">Réessayez dans quelques secondes. Revenez en arrière et renvoyez votre réponse.</p></main>`;

/** Paths hold secrets sometimes (invitation and private links): never log them. */
const redact = (url) => (url ?? "/").split("?")[0].replace(/\/[A-Za-z0-9_-]{43}(?=\/|$)/g, "/:token");

const app = next({ dev, hostname: "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

function refuse(res, status, text) {
  res.statusCode = status;
  res.setHeader("content-type", "text/plain; charset=utf-8");
  res.end(text);
}

/**
 * Next.js answers an address it cannot decode (%FF) with a 500; bad input
 * deserves a 400. (Form bodies it cannot parse are screened in proxy.ts,
 * where Next.js itself keeps a copy of the body for the page.)
 */
function validPath(url) {
  try {
    decodeURIComponent(new URL(url ?? "/", "http://localhost").pathname);
    return true;
  } catch {
    return false;
  }
}

const server = http.createServer((req, res) => {
  // A request id: from the proxy in front (when trusted and well-formed), or made here; sent back and logged.
  const given = trustProxy ? String(req.headers["x-request-id"] ?? "") : "";
  const id = /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : randomUUID();
  req.headers["x-request-id"] = id;
  res.setHeader("x-request-id", id);
  const started = process.hrtime.bigint();
  if (inFlight >= maxInFlight && !(req.url ?? "").startsWith("/api/health")) {
    res.statusCode = 503;
    res.setHeader("retry-after", "2");
    res.setHeader("cache-control", "no-store");
    const json = (req.headers.accept ?? "").includes("json") || (req.url ?? "").startsWith("/api/");
    res.setHeader("content-type", json ? "application/json" : "text/html; charset=utf-8");
    res.end(json ? JSON.stringify({ error: "unavailable", message: "The service is busy. Retry after 2 seconds." }) : BUSY_PAGE);
    shed += 1;
    return;
  }
  inFlight += 1;
  res.once("close", () => {
    inFlight -= 1;
  });
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const line = { reqId: id, method: req.method, path: redact(req.url), status: res.statusCode, ms: Math.round(ms * 10) / 10 };
    if (res.statusCode >= 500) log.error(line, "request");
    else log.info(line, "request");
  });
  // Behind a proxy that appends to X-Forwarded-For, the last entry is the one the proxy saw;
  // anything before it was written by the client.
  const forwarded = trustProxy ? (String(req.headers["x-forwarded-for"] ?? "").split(",").at(-1) ?? "").trim() : "";
  req.headers["x-clausewise-client-ip"] = forwarded || req.socket.remoteAddress || "unknown";
  if (!validPath(req.url)) return refuse(res, 400, "Bad request: this address is not valid.");
  handle(req, res).catch((err) => {
    log.error({ reqId: id, err }, "unhandled");
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end("Internal Server Error");
    }
  });
});
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.requestTimeout = 30_000;
server.listen(port, hostname, () => {
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
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
