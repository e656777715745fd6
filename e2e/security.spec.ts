import { expect, test } from "@playwright/test";

test("every response carries the security headers; pages a CSP with a fresh nonce that their scripts carry", async ({ page, request }) => {
  const violations: string[] = [];
  page.on("console", (m) => { if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text()); });
  const first = await page.goto("/en/c/dpsi/respond");
  const csp = first!.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  // The nonce is hidden from the DOM (browsers blank it), but every script Next.js wrote carries it: none was blocked.
  await page.locator('details[data-clause="1.1"] summary').click();
  await expect(page.locator('details[data-clause="1.1"]')).toHaveAttribute("open", "");
  const again = await request.get("/en/c/dpsi");
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
    const r = await request.post("/en/c/dpsi/respond", { headers: { origin, "next-action": "0".repeat(40) }, form: { slug: "dpsi" } });
    expect(r.status(), origin).toBe(403);
  }
  const health = await (await request.get("/api/health")).json();
  expect(health).toMatchObject({ status: "ok", app: { status: "ok" }, database: { status: "ok" } });
});

test("behind nginx, requests are spread over two app servers that share the database", async ({ request }) => {
  // With nginx installed (CI), the suite runs through it against two servers; without it, against one.
  const viaNginx = String((await request.get("/api/health")).headers()["server"] ?? "").includes("nginx");
  const pids = new Set<number>();
  for (let i = 0; i < 8; i++) pids.add((await (await request.get("/api/health")).json()).app.pid);
  expect(pids.size).toBe(viaNginx ? 2 : 1);
});
