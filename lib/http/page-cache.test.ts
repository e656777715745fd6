import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gunzipSync } from "node:zlib";
import { cacheKeyOf, createPageCache, formTemplate, inlineScriptHashes } from "./page-cache.mjs";
import { FORM_KEY_PLACEHOLDER, PAGE_RENDER_HEADER } from "./page-render.mjs";
import { noteTransitions } from "./page-transitions.mjs";

const sha = (s: string) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;
const req = (url: string, headers: Record<string, string> = {}, method = "GET") =>
  ({ url, method, headers: { host: "example.org", ...headers } }) as unknown as http.IncomingMessage;

describe("inlineScriptHashes", () => {
  it("hashes the inline scripts that carry the render's nonce, and nothing else", () => {
    const html = `<script nonce="N1">self.__next_f.push([1,"é"])</script><script src="/_next/a.js" nonce="N1" async></script>
      <p><script>alert("injected")</script><script nonce="guess">alert(2)</script></p><script nonce="N1" id="x">b()</script>`;
    expect(inlineScriptHashes(html, "N1")).toEqual([sha('self.__next_f.push([1,"é"])'), sha("b()")]);
  });
});

describe("formTemplate", () => {
  it("puts the key in the page's HTML, in its compressed copy too, and leaves its own scripts, and so the policy, as rendered", () => {
    const P = FORM_KEY_PLACEHOLDER;
    const html = `<p>é ${"long text ".repeat(500)}</p><input value="${P}"><script nonce="N">a("${P}", "${P}")</script><script nonce="N">b()</script><script>c("${P}")</script>${P}`;
    const template = formTemplate(html, "N");
    const policies = new Set<string>();
    for (const key of ["abcdefghij_-0123456789", "ZYXWVUTSRQPONMLKJIHGFE"]) {
      const { body, csp } = template.fill(key, false);
      const { body: gzip, csp: gzipCsp } = template.fill(key, true);
      // Outside the page's own scripts, every placeholder takes the key (an injected script's text is not one of them).
      const expected = `<p>é ${"long text ".repeat(500)}</p><input value="${key}"><script nonce="N">a("${P}", "${P}")</script><script nonce="N">b()</script><script>c("${key}")</script>${key}`;
      expect(body.toString("utf8")).toBe(expected);
      expect(gunzipSync(gzip).toString("utf8")).toBe(expected);
      expect(gzipCsp).toBe(csp);
      expect(gzip.length).toBeLessThan(body.length / 5);
      expect(csp).toContain(`script-src 'self' ${[sha(`a("${P}", "${P}")`), sha("b()")].join(" ")};`);
      policies.add(csp);
    }
    expect(policies.size).toBe(1);
  });
});

describe("formTemplate's gzip member", () => {
  it("is whole and checked (its CRC-32 and length) whatever the page's size and the keys' places", () => {
    const P = FORM_KEY_PLACEHOLDER;
    // Random text (hardly compressible) of 300 KB, keys at the very start, the very end, side by side and far apart.
    const noise = randomBytes(150_000).toString("hex");
    const html = `${P}<p>${noise.slice(0, 100_000)}</p>${P}${P}<input value="${P}">ü€${noise.slice(100_000)}${P}`;
    const template = formTemplate(html, "N");
    for (const key of ["abcdefghij_-0123456789", "ZZZZZZZZZZZZZZZZZZZZZZ", randomBytes(16).toString("base64url")]) {
      const gzip = template.fill(key, true).body;
      // gunzipSync checks the trailer: a wrong CRC or length throws.
      expect(gunzipSync(gzip).toString("utf8")).toBe(html.replaceAll(P, key));
      expect(template.fill(key, false).body.toString("utf8")).toBe(html.replaceAll(P, key));
    }
    expect(() => template.fill("short", true)).toThrow();
  });
});

describe("cacheKeyOf", () => {
  it("keeps public pages read without a session, by host and address", () => {
    for (const url of [
      "/en",
      "/fr/",
      "/en/c/dpsi",
      "/en/c/dpsi/comments?clause=1.1",
      "/en/c/dpsi/privacy",
      "/en/c/dpsi/results",
      "/en/c/dpsi/results/1.1?page=2",
      "/en/c/dpsi/respond",
      "/en/accessibility",
      "/fr/privacy",
    ]) {
      expect(cacheKeyOf(req(url)), url).toBe(`example.org ${url}`);
    }
  });

  it("leaves out of the address the parameters no page reads", () => {
    expect(cacheKeyOf(req("/en/c/dpsi?utm_source=x&b=2"))).toBe("example.org /en/c/dpsi");
    expect(cacheKeyOf(req("/en/c/dpsi/comments?x=1&clause=1.1&after=abc"))).toBe(
      "example.org /en/c/dpsi/comments?after=abc&clause=1.1",
    );
    expect(cacheKeyOf(req("/en/c/dpsi/results/1.1?page=2&page=3"))).toBe(
      "example.org /en/c/dpsi/results/1.1?page=2&page=3",
    );
  });

  it("renders for one visitor staff sessions, previews, React payloads, other pages and other methods", () => {
    expect(cacheKeyOf(req("/en/c/dpsi", { cookie: "a=b; authjs.session-token=x" }))).toBeNull();
    expect(cacheKeyOf(req("/en/c/dpsi", { cookie: "__Secure-authjs.session-token=x" }))).toBeNull();
    expect(cacheKeyOf(req("/en/c/dpsi?preview=abc"))).toBeNull();
    expect(cacheKeyOf(req("/en/c/dpsi?_rsc=1"))).toBeNull();
    expect(cacheKeyOf(req("/en/c/dpsi", { rsc: "1" }))).toBeNull();
    expect(cacheKeyOf(req("/en/c/dpsi/respond", {}, "POST"))).toBeNull();
    for (const url of [
      "/",
      "/en/moderate",
      "/en/c/dpsi/receipt/X",
      "/en/c/dpsi/manage/t",
      "/en/sign-in",
      "/api/health",
      "/de/c/dpsi",
    ]) {
      expect(cacheKeyOf(req(url)), url).toBeNull();
    }
  });
});

describe("createPageCache", () => {
  // A stand-in for Next.js: every render is counted, carries a fresh nonce on its inline script, and shows `content`.
  let renders = 0;
  let content = "first";
  let server: http.Server;
  let origin = "";
  beforeAll(async () => {
    server = http.createServer((r, res) => {
      renders += 1;
      const nonce = `n${renders}`;
      const forCache = r.headers[PAGE_RENDER_HEADER] !== undefined;
      res.setHeader("content-security-policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
      res.setHeader("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate");
      if (r.url?.includes("missing")) {
        res.statusCode = 404;
        res.setHeader("content-type", "text/html; charset=utf-8");
        return res.end("not found");
      }
      res.setHeader("content-type", "text/html; charset=utf-8");
      const key = forCache ? FORM_KEY_PLACEHOLDER : "own";
      res.end(
        `<p>${content}</p><input name="idempotencyKey" value="${key}"><script nonce="${nonce}">push("${key}")</script>`,
      );
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  async function get(cache: ReturnType<typeof createPageCache>, url: string) {
    const request = req(url);
    const sent: { status?: number; headers: Record<string, unknown>; body?: Buffer } = { headers: {} };
    const res = {
      set statusCode(s: number) {
        sent.status = s;
      },
      setHeader(n: string, v: unknown) {
        sent.headers[n] = v;
      },
      end(b?: Buffer) {
        sent.body = b;
      },
    } as unknown as http.ServerResponse;
    const served = await cache.serve(request, res, cacheKeyOf(request)!);
    return { served, ...sent, text: sent.body?.toString("utf8") ?? "" };
  }

  it("renders a page once for many readers, with a shared cache's header and a CSP of its own scripts' hashes", async () => {
    const cache = createPageCache();
    cache.setOrigin(origin);
    renders = 0;
    content = "first";
    const all = await Promise.all([1, 2, 3, 4].map(() => get(cache, "/en/c/one")));
    const again = await get(cache, "/en/c/one");
    expect(renders).toBe(1);
    for (const r of [...all, again]) {
      expect(r.status).toBe(200);
      expect(r.text).toContain("<p>first</p>");
      expect(r.headers["cache-control"]).toMatch(/^public, .*s-maxage=\d+, stale-while-revalidate=\d+$/);
      expect(r.headers["content-security-policy"]).toContain(
        `script-src 'self' ${sha(`push("${FORM_KEY_PLACEHOLDER}")`)};`,
      );
      expect(/script-src [^;]*/.exec(String(r.headers["content-security-policy"]))![0]).not.toMatch(
        /nonce|unsafe-inline|strict-dynamic/,
      );
    }
    expect(again.headers["x-clausewise-cache"]).toBe("hit");
  });

  it("forgets every page when told, including one being rendered while it was told", async () => {
    const cache = createPageCache();
    cache.setOrigin(origin);
    content = "before";
    await get(cache, "/en/c/two");
    content = "after";
    cache.clear();
    expect((await get(cache, "/en/c/two")).text).toContain("after");
    // A render that started before the change is answered but not kept.
    content = "old";
    const racing = get(cache, "/en/c/three");
    cache.clear();
    await racing;
    content = "new";
    expect((await get(cache, "/en/c/three")).text).toContain("new");
  });

  it("drops a page rendered before a consultation opened or closed, once that instant has passed", async () => {
    const cache = createPageCache();
    cache.setOrigin(origin);
    content = "open";
    noteTransitions(new Date(Date.now() + 300));
    await get(cache, "/en/c/four");
    content = "closed";
    expect((await get(cache, "/en/c/four")).text).toContain("open");
    await new Promise((r) => setTimeout(r, 400));
    expect((await get(cache, "/en/c/four")).text).toContain("closed");
  });

  it("gives every reader of the form its own key in the form, its script the same for all, kept by no shared cache", async () => {
    const cache = createPageCache();
    cache.setOrigin(origin);
    const [a, b] = [await get(cache, "/en/c/five/respond"), await get(cache, "/en/c/five/respond")];
    const keyOf = (t: string) => /value="([^"]+)"/.exec(t)![1];
    expect(keyOf(a.text)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(keyOf(a.text)).not.toBe(FORM_KEY_PLACEHOLDER);
    expect(keyOf(a.text)).not.toBe(keyOf(b.text));
    // The script (the React payload) keeps the placeholder: the form takes its key from the field as it hydrates.
    for (const r of [a, b]) expect(r.text).toContain(`push("${FORM_KEY_PLACEHOLDER}")`);
    expect(a.headers["content-security-policy"]).toContain(sha(`push("${FORM_KEY_PLACEHOLDER}")`));
    expect(a.headers["content-security-policy"]).toBe(b.headers["content-security-policy"]);
    expect(a.headers["cache-control"]).toBe("private, no-store");
  });

  it("keeps no page that is not a 200, and lets only its own request have it", async () => {
    const cache = createPageCache();
    cache.setOrigin(origin);
    renders = 0;
    const [a, b] = await Promise.all([get(cache, "/en/c/missing"), get(cache, "/en/c/missing")]);
    expect(renders).toBe(1);
    expect([a.served, b.served].sort()).toEqual([false, true]);
    expect((a.served ? a : b).status).toBe(404);
    expect(cache.size).toBe(0);
  });
});
