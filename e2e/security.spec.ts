import { expect, test } from "@playwright/test";
import { createAccount, signIn } from "./helpers";

// The operator's token for /api/health's details (playwright.config.ts gives it to the servers).
const HEALTH_TOKEN = process.env.HEALTH_TOKEN ?? "";
const withToken = { headers: { authorization: `Bearer ${HEALTH_TOKEN}` } };

/** The hidden fields of the page's form that has a password field (React's Server Action fields among them). */
function hiddenFields(html: string): Record<string, string> {
  const form = /<form[^>]*>(?:(?!<\/form>)[\s\S])*name="password"[\s\S]*?<\/form>/.exec(html)?.[0] ?? "";
  const unescape = (v: string) =>
    v
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const fields: Record<string, string> = {};
  for (const [input] of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input)?.[1];
    if (name) fields[unescape(name)] = unescape(/value="([^"]*)"/.exec(input)?.[1] ?? "");
  }
  return fields;
}

test("every response carries the security headers; pages rendered per visitor a CSP with a fresh nonce that their scripts carry", async ({
  page,
  request,
}) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
  });
  // (Public pages read by everyone carry hashes instead: e2e/public-cache.spec.ts.)
  const first = await page.goto("/en/sign-in");
  const csp = first!.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  // The nonce is hidden from the DOM (browsers blank it), but every script Next.js wrote carries it: none was blocked.
  await expect
    .poll(() => page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown[] }).__next_f)))
    .toBe(true);
  const again = await request.get("/en/sign-in");
  expect(/'nonce-([^']+)'/.exec(again.headers()["content-security-policy"])![1]).not.toBe(nonce);
  for (const path of ["/en", "/api/health", "/api/consultations/dpsi", "/api/openapi"]) {
    const h = (await request.get(path)).headers();
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["referrer-policy"], path).toBe("same-origin");
    expect(h["strict-transport-security"], path).toContain("max-age=");
    expect(h["content-security-policy"], path).toBeTruthy();
    expect(h["x-request-id"], path).toMatch(/^[0-9a-f-]{32,36}$/);
  }
  expect(violations).toEqual([]);
});

test("form posts and Server Actions from another site or an opaque origin are refused", async ({ request }) => {
  for (const origin of ["https://evil.example", "null"]) {
    const r = await request.post("/en/c/dpsi/respond", {
      headers: { origin, "next-action": "0".repeat(40) },
      form: { slug: "dpsi" },
    });
    expect(r.status(), origin).toBe(403);
  }
  const health = await (await request.get("/api/health")).json();
  expect(health).toMatchObject({ status: "ok", database: { status: "ok" } });
});

test("behind nginx, requests are spread over two app servers that share the database", async ({ request }) => {
  // With nginx installed (CI), the suite runs through it against two servers; without it, against one.
  const viaNginx = String((await request.get("/api/health")).headers()["server"] ?? "").includes("nginx");
  const pids = new Set<number>();
  for (let i = 0; i < 8; i++) pids.add((await (await request.get("/api/health", withToken)).json()).app.pid);
  expect(pids.size).toBe(viaNginx ? 2 : 1);
});

test("a Server Action posted from another site to an address with a dot is refused with 403; malformed ones get a 4xx, never a 500", async ({
  request,
}) => {
  // A real action's id (the sign-in form's), and one that does not exist; the bodies a browser would send.
  const fields = hiddenFields(await (await request.get("/en/sign-in")).text());
  const realId = JSON.parse(Object.entries(fields).find(([k]) => /^\$ACTION_\d+:0$/.test(k))![1]).id as string;
  expect(realId).toMatch(/^[0-9a-f]{40,}$/);
  const bodies: [string, string][] = [
    ["text/plain;charset=UTF-8", '["$undefined"]'],
    [
      "multipart/form-data; boundary=zzz",
      '--zzz\r\nContent-Disposition: form-data; name="1_email"\r\n\r\na@example.org\r\n--zzz--\r\n',
    ],
    ["application/x-www-form-urlencoded", "email=a%40example.org"],
  ];
  for (const path of ["/en/c/dpsi.x", "/en/foo.bar", "/en/c/dpsi/respond"]) {
    for (const origin of ["https://evil.example", "null"]) {
      for (const action of [realId, "0".repeat(40)]) {
        for (const [type, data] of bodies) {
          const r = await request.post(path, {
            headers: { origin, "next-action": action, "content-type": type },
            data,
          });
          expect(r.status(), `${origin} → ${path} (${action === realId ? "real" : "unknown"} action, ${type})`).toBe(
            403,
          );
        }
      }
    }
    // From no site at all, bodies nothing could have encoded: a 4xx.
    const malformed: [string, string, string[]][] = [
      ["text/plain;charset=UTF-8", "garbage", [realId, "deadbeef"]],
      ["multipart/form-data; boundary=zzz", "garbage", [realId, "deadbeef"]],
      ["text/plain", "[]", ["deadbeef"]],
    ];
    for (const [type, data, actions] of malformed) {
      for (const action of actions) {
        const bogus = await request.post(path, { headers: { "next-action": action, "content-type": type }, data });
        expect(
          bogus.status(),
          `${type} ${data} (${action === realId ? "real" : "unknown"} action) → ${path}`,
        ).toBeGreaterThanOrEqual(400);
        expect(
          bogus.status(),
          `${type} ${data} (${action === realId ? "real" : "unknown"} action) → ${path}`,
        ).toBeLessThan(500);
      }
    }
  }
  // Well-formed arguments of the wrong shape for a real action (every action takes a FormData last): a 400.
  const wrongShape: [string, string][] = [
    ["text/plain;charset=UTF-8", "[]"],
    ["text/plain;charset=UTF-8", '[null,"x"]'],
    ["multipart/form-data; boundary=zzz", '--zzz\r\nContent-Disposition: form-data; name="0"\r\n\r\n[]\r\n--zzz--\r\n'],
    [
      "multipart/form-data; boundary=zzz",
      '--zzz\r\nContent-Disposition: form-data; name="0"\r\n\r\n[null,"$K1"]\r\n--zzz\r\nContent-Disposition: form-data; name="1_email"\r\n\r\na\r\n--zzz--\r\n',
    ],
  ];
  for (const [type, data] of wrongShape) {
    const r = await request.post("/en/sign-in", { headers: { "next-action": realId, "content-type": type }, data });
    expect(r.status(), `${type} ${JSON.stringify(data)} to the sign-in action`).toBe(400);
  }
  // The JSON API, which programs call without an Origin, still refuses another site's pages in its own words.
  const api = await request.post("/api/consultations/dpsi/responses", {
    headers: { origin: "https://evil.example" },
    data: {},
  });
  expect(api.status()).toBe(403);
  expect((await api.json()).error.code).toBe("forbidden_origin");
});

test("a sign-in from another site that names itself in X-Forwarded-Host is refused and never redirected there", async ({
  request,
  baseURL,
}) => {
  const account = await createAccount("moderator");
  const post = async (origin: string, extra: Record<string, string> = {}) => {
    const fields = hiddenFields(await (await request.get("/en/sign-in")).text());
    expect(Object.keys(fields).some((k) => k.startsWith("$ACTION"))).toBe(true);
    return request.post("/en/sign-in", {
      headers: { origin, ...extra },
      multipart: { ...fields, email: account.email, password: account.password },
      maxRedirects: 0,
    });
  };
  // The same form from this site signs in (so the refusal below is about the origin, not the form).
  const own = await post(new URL(baseURL!).origin);
  expect(own.status()).toBe(303);
  expect(own.headers()["location"]).toMatch(/^(\/en\/moderate|http:\/\/localhost:\d+\/en\/moderate)$/);
  const evil = await post("http://evil.example", { "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" });
  expect(evil.headers()["location"] ?? "").not.toContain("evil.example");
  expect(evil.status()).toBe(403);
});

test("anonymous /api/health says only whether the service works; the operator's token or a staff session shows the details", async ({
  request,
  page,
  browser,
  baseURL,
}) => {
  const anonymous = await request.get("/api/health");
  expect(anonymous.status()).toBe(200);
  const body = await anonymous.json();
  expect(body).toEqual({
    status: "ok",
    database: { status: "ok" },
    shedding: { refusedLastMinute: expect.any(Number) },
  });
  for (const wrong of ["Bearer wrong-token", `Bearer ${HEALTH_TOKEN}x`, `Basic ${HEALTH_TOKEN}`]) {
    const r = await (await request.get("/api/health", { headers: { authorization: wrong } })).json();
    expect(JSON.stringify(r), wrong).not.toMatch(/pid|uptime|receipts|latency/i);
  }
  expect(HEALTH_TOKEN.length).toBeGreaterThanOrEqual(32);
  const detailed = await (await request.get("/api/health", withToken)).json();
  expect(detailed).toMatchObject({
    status: "ok",
    app: { status: "ok", pid: expect.any(Number), uptimeSeconds: expect.any(Number) },
    database: { status: "ok", latencyMs: expect.any(Number) },
    receipts: { waiting: expect.any(Number) },
    shedding: { refusedLastMinute: expect.any(Number) },
  });
  // A moderator's session shows them too; a delegate's does not.
  await signIn(page, await createAccount("moderator"));
  expect((await (await page.request.get("/api/health")).json()).app.pid).toEqual(expect.any(Number));
  const delegate = await browser.newContext({ baseURL });
  const delegatePage = await delegate.newPage();
  await signIn(delegatePage, await createAccount("delegate"), { path: "/en/delegation" });
  expect(JSON.stringify(await (await delegatePage.request.get("/api/health")).json())).not.toMatch(
    /pid|uptime|receipts/,
  );
  await delegate.close();
});
