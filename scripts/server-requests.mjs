// The request checks of scripts/server.mjs before Next.js sees a request: refusals in
// the API's JSON shape or in plain text, the body's deadline and size limit (the
// body is read whole, then replayed), forms and Server Action arguments Next.js
// would answer with a 500, and addresses it cannot decode.
import { Readable } from "node:stream";

export const BODY_TIMEOUT_MS = 10_000;
export const BODY_LIMIT = 1024 * 1024; // as serverActions.bodySizeLimit in next.config.ts and the JSON API's limit

export function refuse(res, status, text) {
  res.statusCode = status;
  res.setHeader("content-type", "text/plain; charset=utf-8");
  res.end(text);
}

/** A refusal in the API's JSON shape under /api/, in plain text elsewhere. */
export function refuseIn(req, res, status, code, text) {
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
export function bodyDeadline(req, res, ms = BODY_TIMEOUT_MS) {
  const late = setTimeout(() => {
    if (res.headersSent) return void req.socket.destroy();
    res.statusCode = 408;
    res.setHeader("connection", "close");
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end("Request timeout: the request body did not arrive in time.", () => req.socket.destroy());
  }, ms);
  const done = () => {
    clearTimeout(late);
    req.socket.off("close", done);
  };
  req.socket.once("close", done);
  req.once("end", done);
}

/**
 * Reads a request body whole (at most `limit` bytes: BODY_LIMIT, or more for a response with attachments), then hands the request on with that body, as
 * Next.js itself replays a body it has read; so a client sending its body slowly, or in endless chunks,
 * never reaches Next.js. Too large: 413 (the rest is read and dropped).
 */
export function readBodyThen(req, res, dispatch, direct, limit = BODY_LIMIT) {
  const chunks = [];
  let size = 0;
  const tooLargeText = `This request is larger than ${Math.round(limit / (1024 * 1024))} MB.`;
  let tooLarge = Number(req.headers["content-length"] ?? 0) > limit;
  if (tooLarge) return refuseIn(req, res, 413, "body_too_large", tooLargeText);
  // Not destroyed at its end: a late "close" would reach the listeners of the replayed body.
  req._readableState.autoDestroy = false;
  req.on("data", (chunk) => {
    if (tooLarge) return;
    size += chunk.length;
    if (size <= limit) return void chunks.push(chunk);
    tooLarge = true;
    chunks.length = 0;
    refuseIn(req, res, 413, "body_too_large", tooLargeText);
  });
  req.on("end", async () => {
    if (tooLarge || res.headersSent) return;
    const body = Buffer.concat(chunks);
    if (direct) return direct(body);
    if (!(await readable(req, body)))
      return refuseIn(req, res, 400, "unreadable_body", "Bad request: this form could not be read.");
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
  return (
    typeof last === "string" &&
    /^\$K[0-9a-f]+$/.test(last) &&
    args.slice(0, -1).every((a) => a !== null && typeof a === "object" && !Array.isArray(a))
  );
}

/**
 * Next.js answers an address it cannot decode (%FF) with a 500; bad input
 * deserves a 400. (Form bodies it cannot parse are screened by readable().)
 */
export function validPath(url) {
  try {
    decodeURIComponent(new URL(url ?? "/", "http://localhost").pathname);
    return true;
  } catch {
    return false;
  }
}
