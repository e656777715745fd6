// The public pages, rendered once and reused (issue 12). A flash crowd reads the same few pages: the
// home page, a draft, its published comments, privacy notice and results. Each server keeps each such
// page, as Next.js rendered it for a visitor without a session, for PAGE_TTL_MS (the counts it shows may
// be that old), drops it when a consultation it shows opens or closes (lib/http/page-transitions.mjs), and
// forgets every page at once when any server announces a change (lib/consultations/cache-bus.ts →
// instrumentation.ts → clear()), so an admin's change shows at once on every server. Plain JavaScript:
// scripts/server.mjs answers from here before Next.js.
//
// Strict CSP without a per-request nonce: the page is rendered once with a fresh nonce that nobody else
// sees; its inline scripts carrying that nonce are Next.js's own (an injected script cannot know it), so
// their SHA-256 hashes, and no nonce, go in the cached page's Content-Security-Policy. Page and header
// are then the same for everyone, and a shared cache (nginx, a CDN) may keep them together.
//
// The response form is a template: it carries a per-visitor idempotency key, so the page holds
// FORM_KEY_PLACEHOLDER where the key goes and every answer gets a fresh key (and its own hashes); it is
// never shared beyond this server (private, no-store).
import { createHash, randomBytes, randomFillSync } from "node:crypto";
import http from "node:http";
import { gzipSync } from "node:zlib";
import { gzipWithGaps, SMALLEST } from "./gzip-gaps.mjs";
import { policyWith } from "./csp-policy.mjs";
import { transitionPassed } from "./page-transitions.mjs";
import { FORM_KEY_PLACEHOLDER, PAGE_RENDER_HEADER } from "./page-render.mjs";

// How old what a cached page shows may be: 15 s, or 22 s while it is rendered again; with the counts' own
// 5 s (lib/consultations/count-responses.ts) and a shared cache's 1 + 2 s, at most 30 s.
export const PAGE_TTL_MS = 15_000;
/** After PAGE_TTL_MS, a page is still served for this long while one request renders it again. */
export const STALE_MS = 7_000;
/** What a shared cache in front (nginx, a CDN) may do with a public page: keep it a second, serve it stale while it asks again. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=1, stale-while-revalidate=2";
const MAX_BYTES = 64 * 1024 * 1024;

// /en, /fr, the accessibility statement, the list of privacy notices, the API reference, and a consultation's
// draft, published comments, privacy notice, results (and a clause's), response form.
const PUBLIC_PAGE =
  /^\/(en|fr)(\/(accessibility|privacy|api-docs)|\/c\/[A-Za-z0-9_-]+(\/(comments|privacy|respond|results(\/[^/?]+)?))?)?\/?$/;
const TEMPLATE_PAGE = /\/respond\/?$/;
// Client-side navigations ask for the page's React payload, not its HTML.
const RSC_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
];
const SESSION_COOKIE = /(^|;\s*)(__Secure-)?authjs\.session-token/;
// Headers of the rendered page that belong to that one response, or that this cache sets itself.
const DROPPED = new Set([
  "cache-control",
  "content-security-policy",
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "etag",
  "x-request-id",
  "set-cookie",
  "x-clausewise-cache",
]);

/**
 * The SHA-256 CSP sources of the inline scripts that carry `nonce` (the render's own); any other inline
 * script (injected into the page) gets none and so never runs.
 * @param {string} html @param {string} nonce @returns {string[]}
 */
export function inlineScriptHashes(html, nonce) {
  return [...new Set(ownInlineScripts(html, nonce).map(sha256Source))];
}

/** The contents of the inline scripts that carry `nonce`. @returns {string[]} */
function ownInlineScripts(html, nonce) {
  return ownInlineScriptRanges(html, nonce).map(([from, to]) => html.slice(from, to));
}

/** Where the contents of the inline scripts that carry `nonce` begin and end. @returns {[number, number][]} */
function ownInlineScriptRanges(html, nonce) {
  const ranges = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(m[1]) || !m[1].includes(`nonce="${nonce}"`)) continue;
    const from = m.index + m[0].length - "</script>".length - m[2].length;
    ranges.push([from, from + m[2].length]);
  }
  return ranges;
}

const sha256Source = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** The policy of a cached page: this site's script files, and these inline scripts only. */
export function hashedPolicy(hashes, dev = false) {
  return policyWith(["'self'", ...hashes].join(" "), dev);
}

// The query parameters public pages read (the comments' clause and next page, a clause's results page, the form's clause);
// any other (a tracker's, a cache-buster's) is left out of the page's address, so it neither makes a render nor a copy.
const PAGE_PARAMS = new Set(["clause", "page", "after"]);

/**
 * Which cached page a request is for ("host address", the address with only the parameters pages read), or null
 * when it must be rendered for itself. @returns {string | null}
 */
export function cacheKeyOf(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const pathname = q === -1 ? url : url.slice(0, q);
  if (!PUBLIC_PAGE.test(pathname)) return null;
  // A hidden draft's private preview, and the React payload of client-side navigations, are never shared.
  if (q !== -1 && /(^|&)(preview|_rsc)=/.test(url.slice(q + 1))) return null;
  if (RSC_HEADERS.some((h) => req.headers[h] !== undefined)) return null;
  // Staff see their account menu on every page: theirs is rendered for them alone (private, no-store).
  if (SESSION_COOKIE.test(String(req.headers.cookie ?? ""))) return null;
  const kept = q === -1 ? [] : [...new URLSearchParams(url.slice(q + 1))].filter(([name]) => PAGE_PARAMS.has(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(kept).toString();
  return `${String(req.headers["x-forwarded-host"] ?? req.headers.host ?? "").replaceAll(" ", "")} ${pathname}${query ? `?${query}` : ""}`;
}

/**
 * The form page made ready for a key per reader at little cost (a few microseconds: the per-reader work is what
 * bench:read's "response form" measures): its bytes cut at each placeholder outside its scripts, compressed with
 * gaps for the key (lib/http/gzip-gaps.mjs); its scripts, and so their hashes, are the same for every reader.
 * `fill(key, gzip)` builds only the body that is sent.
 * @param {string} html @param {string} nonce @param {boolean} [dev]
 */
export function formTemplate(html, nonce, dev = false) {
  // Only the HTML's placeholders (the form's hidden field) take the key; the page's own inline scripts (its React
  // payload) keep the placeholder, the same for every reader, so that their hashes, and the policy, are computed
  // once. The form takes its key from the field as it hydrates (components/response-form/page-key.ts).
  const scripts = ownInlineScriptRanges(html, nonce);
  const inScript = (at) => scripts.some(([from, to]) => at >= from && at < to);
  const texts = [];
  let from = 0;
  for (let at = html.indexOf(FORM_KEY_PLACEHOLDER); at !== -1; at = html.indexOf(FORM_KEY_PLACEHOLDER, at + 1)) {
    if (inScript(at)) continue;
    texts.push(html.slice(from, at));
    from = at + FORM_KEY_PLACEHOLDER.length;
  }
  texts.push(html.slice(from));
  const parts = texts.map((t) => Buffer.from(t, "utf8"));
  const packed = gzipWithGaps(parts, FORM_KEY_PLACEHOLDER.length); // keys are as long as the placeholder
  const csp = hashedPolicy(inlineScriptHashes(html, nonce), dev);
  return {
    size: parts.reduce((n, p) => n + p.length, 0) + packed.size,
    /**
     * @param {string} key 22 characters of [A-Za-z0-9_-], as the placeholder
     * @param {boolean} gzip the body compressed (a gzip member), or as it is
     */
    fill(key, gzip) {
      const k = Buffer.from(key, "latin1");
      if (k.length !== FORM_KEY_PLACEHOLDER.length) throw new Error("a form key is as long as its placeholder");
      const body = gzip ? packed.fill(k) : Buffer.concat(parts.flatMap((part, i) => (i > 0 ? [k, part] : [part])));
      return { body, csp };
    },
  };
}

/**
 * @param {{ dev?: boolean, ttlMs?: number, staleMs?: number, maxBytes?: number, log?: (m: string) => void }} [options]
 */
export function createPageCache(options = {}) {
  const ttlMs = options.ttlMs ?? PAGE_TTL_MS;
  const staleMs = options.staleMs ?? STALE_MS;
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  const secret = randomBytes(16).toString("hex");
  /** @type {Map<string, any>} least recently used first */
  const entries = new Map();
  /** @type {Map<string, Promise<any>>} one render per page at a time, however many ask */
  const filling = new Map();
  let bytes = 0;
  let generation = 0;
  let origin = null;

  function forget(key) {
    const e = entries.get(key);
    if (!e) return;
    entries.delete(key);
    bytes -= e.size;
  }

  function store(key, entry) {
    forget(key);
    entries.set(key, entry);
    bytes += entry.size;
    for (const k of entries.keys()) {
      if (bytes <= maxBytes) break;
      forget(k);
    }
  }

  /** Renders the page through this very server, as a visitor without cookies, and keeps it if it may be shared. */
  function render(req, key) {
    const running = filling.get(key);
    if (running) return running;
    const started = generation;
    const startedAt = Date.now();
    const headers = { [PAGE_RENDER_HEADER]: secret, host: String(req.headers.host ?? "localhost") };
    for (const h of ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "accept-language"])
      if (req.headers[h] !== undefined) headers[h] = req.headers[h];
    const job = new Promise((resolve, reject) => {
      // The address as the key has it: every reader of this key gets what this render shows.
      const inner = http.get(`${origin}${key.slice(key.indexOf(" ") + 1)}`, { headers }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 500, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      inner.on("error", reject);
    })
      .then((r) => {
        const entry = toEntry(r, TEMPLATE_PAGE.test(key.split("?")[0]), startedAt);
        // A change announced while this page was being rendered: it may show the old state, so it is not kept.
        if (entry.shared !== false && started === generation) store(key, entry);
        return entry;
      })
      .finally(() => filling.delete(key));
    filling.set(key, job);
    return job;
  }

  function toEntry(r, template, startedAt) {
    const kept = {};
    for (const [name, value] of Object.entries(r.headers))
      if (!DROPPED.has(name) && !name.startsWith("x-nextjs-")) kept[name] = value;
    const nonce = /'nonce-([^']+)'/.exec(String(r.headers["content-security-policy"] ?? ""))?.[1];
    const html = r.body.toString("utf8");
    // The one cookie a public page sets is next-intl's language preference (it only steers "/"): a shared page goes without it.
    const cookies = r.headers["set-cookie"] ?? [];
    const cacheable =
      r.status === 200 &&
      String(r.headers["content-type"] ?? "").startsWith("text/html") &&
      nonce !== undefined &&
      cookies.every((c) => c.startsWith("NEXT_LOCALE="));
    const vary = String(kept.vary ?? "");
    if (!/accept-encoding/i.test(vary)) kept.vary = vary ? `${vary}, Accept-Encoding` : "Accept-Encoding";
    if (!cacheable) {
      // Answered as rendered (a 404, a redirect…), with its own one-time nonce, and not kept.
      const body = template ? Buffer.from(html.replaceAll(FORM_KEY_PLACEHOLDER, newFormKey()), "utf8") : r.body;
      const headers = { ...kept, ...pick(r.headers, ["cache-control", "content-security-policy", "set-cookie"]) };
      return { shared: false, status: r.status, headerList: Object.entries(headers), body };
    }
    const entry = { status: 200, headerList: Object.entries(kept), created: startedAt, template };
    if (template) {
      entry.form = formTemplate(html, nonce, options.dev);
      entry.size = entry.form.size;
    } else {
      entry.csp = hashedPolicy(inlineScriptHashes(html, nonce), options.dev);
      entry.body = r.body;
      entry.gzip = gzipSync(r.body, SMALLEST);
      entry.size = r.body.length + entry.gzip.length;
    }
    return entry;
  }

  /** @returns {boolean} false when the request must go to Next.js itself */
  function send(req, res, entry, state) {
    if (entry.shared === false) {
      // Only the request that asked for this render gets it (its nonce is for one response); others render their own.
      if (entry.used) return false;
      entry.used = true;
    }
    res.statusCode = entry.status;
    for (const [name, value] of entry.headerList) res.setHeader(name, value);
    if (entry.shared === false) {
      res.end(req.method === "HEAD" ? undefined : entry.body);
      return true;
    }
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    let body = gzip ? entry.gzip : entry.body;
    let csp = entry.csp;
    if (entry.template) {
      // A fresh idempotency key for this visitor, in the form and in its React payload alike.
      ({ body, csp } = entry.form.fill(newFormKey(), gzip));
      res.setHeader("cache-control", "private, no-store");
    } else {
      res.setHeader("cache-control", PUBLIC_CACHE_CONTROL);
    }
    res.setHeader("content-security-policy", csp);
    res.setHeader("x-clausewise-cache", state);
    if (gzip) res.setHeader("content-encoding", "gzip");
    res.setHeader("content-length", body.length);
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  }

  return {
    /** Where this server listens, for its own renders (after listen). */
    setOrigin(address) {
      origin = address;
    },
    /** This server's own render of a page (not to be answered from the cache, nor refused for load). */
    isRender(req) {
      return req.headers[PAGE_RENDER_HEADER] === secret;
    },
    /** A request that claims to be this server's render without its secret loses the claim. */
    screen(req) {
      if (req.headers[PAGE_RENDER_HEADER] !== undefined && !this.isRender(req)) delete req.headers[PAGE_RENDER_HEADER];
    },
    cacheKeyOf(req) {
      return origin && !this.isRender(req) ? cacheKeyOf(req) : null;
    },
    /**
     * Answers a public page from the cache, rendering it first if needed (one render however many wait).
     * A page in the cache is answered at once (a boolean, no promise: most requests of a crowd are these).
     * @returns {boolean | Promise<boolean>} false when the request must go to Next.js itself (a page that is not kept)
     */
    serve(req, res, key) {
      const entry = entries.get(key);
      const age = entry ? Date.now() - entry.created : Infinity;
      // Rendered before a consultation opened or closed: never served again, not even stale.
      if (entry && age < ttlMs + staleMs && !transitionPassed(entry.created)) {
        entries.delete(key); // most recently used last
        entries.set(key, entry);
        if (age >= ttlMs) render(req, key).catch((e) => options.log?.(`page cache: ${e.message}`));
        return send(req, res, entry, age < ttlMs ? "hit" : "stale");
      }
      return render(req, key).then((rendered) => send(req, res, rendered, "miss"));
    },
    /** Forgets every page (a consultation changed, here or on another server). */
    clear() {
      generation += 1;
      entries.clear();
      bytes = 0;
    },
    get size() {
      return entries.size;
    },
  };
}

// Random bytes for keys, drawn 256 keys at a time: one draw per key (randomBytes(16)) was a tenth of the form's
// cost under a crowd (bench:read's profile), as much as the rest of the key's work together.
const KEY_POOL = Buffer.alloc(16 * 256);
let keyPoolAt = KEY_POOL.length;

/** As lib/responses/idempotency.ts's newIdempotencyKey: 128 random bits, each used once. */
function newFormKey() {
  if (keyPoolAt === KEY_POOL.length) {
    randomFillSync(KEY_POOL);
    keyPoolAt = 0;
  }
  keyPoolAt += 16;
  return KEY_POOL.toString("base64url", keyPoolAt - 16, keyPoolAt);
}

function pick(headers, names) {
  const out = {};
  for (const n of names) if (headers[n] !== undefined) out[n] = headers[n];
  return out;
}
