// Issue 12, section 1: the public pages are rendered once and reused (lib/http/page-cache.mjs), sent for a
// shared cache to keep, under a strict CSP of hashes; an admin's change shows on every server at once.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createAccount, createConsultation, fillAboutYou, signIn, sql, uniqueSlug, announceChange } from "./helpers";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const scriptSrc = (csp: string) => /script-src [^;]*/.exec(csp)?.[0] ?? "";

/** The app servers themselves: behind nginx (two servers), each one directly; otherwise the one server. */
async function appServers(request: APIRequestContext): Promise<string[]> {
  const viaNginx = String((await request.get("/api/health")).headers()["server"] ?? "").includes("nginx");
  return viaNginx ? [`http://127.0.0.1:${PORT + 1}`, `http://127.0.0.1:${PORT + 2}`] : [`http://localhost:${PORT}`];
}

test("the public pages are sent for a shared cache to keep, under a CSP of their own scripts' hashes", async ({
  request,
}) => {
  const slug = uniqueSlug("cached");
  const id = await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
  await sql(
    `UPDATE consultation SET closes_at = now() - interval '1 second', results_published_at = now() WHERE id = $1`,
    [id],
  );
  await announceChange();
  for (const path of [
    "/en",
    "/fr",
    "/en/c/dpsi",
    "/en/c/dpsi/comments",
    "/en/c/dpsi/privacy",
    `/en/c/${slug}/results`,
  ]) {
    const r = await request.get(path);
    expect(r.status(), path).toBe(200);
    expect(r.headers()["cache-control"], path).toMatch(
      /^public, (max-age=0, )?s-maxage=\d+, stale-while-revalidate=\d+$/,
    );
    const policy = scriptSrc(r.headers()["content-security-policy"] ?? "");
    expect(policy, path).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]{44}')+$/);
    expect(r.headers()["vary"], path).toMatch(/Accept-Encoding/i);
    expect(r.headers()["set-cookie"], path).toBeUndefined();
  }
  // The response form carries a key of its own for each reader: no shared cache may keep it.
  expect((await request.get("/en/c/dpsi/respond")).headers()["cache-control"]).toBe("private, no-store");
});

test("on a cached page, the page's own inline scripts run and an injected inline script does not", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to execute/i.test(m.text())) refused.push(m.text());
  });
  // A stored injection, as if a text slipped through unescaped: added to the cached page on its way to the browser.
  await page.route("**/en/c/dpsi", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("</main>", `<script>window.__injected = true</script></main>`);
    await route.fulfill({ response, body });
  });
  await page.goto("/en/c/dpsi");
  const csp = (await page.request.get("/en/c/dpsi")).headers()["content-security-policy"];
  expect(scriptSrc(csp)).not.toMatch(/nonce|unsafe-inline/);
  // Next.js's inline bootstrap scripts ran (they fill self.__next_f), so the page hydrated…
  await expect
    .poll(() => page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown[] }).__next_f)))
    .toBe(true);
  // …and the injected one was refused.
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  await expect.poll(() => refused.length).toBe(1);
  expect(refused[0]).toMatch(/inline script/i);
});

test("an admin's change shows on every app server within 2 seconds", async ({ browser, request }) => {
  const slug = uniqueSlug("fresh");
  await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
  const servers = await appServers(request);
  // Every server has the draft cached (a later read of each is from its cache). Polled: any other test's
  // change announcement (a comment cleared, a response stored…) empties every server's cache meanwhile.
  for (const s of servers) {
    await expect
      .poll(async () => (await request.get(`${s}/en/c/${slug}`)).headers()["x-clausewise-cache"], { message: s })
      .toBe("hit");
  }
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, await createAccount("admin"), { path: `/en/admin/consultations/${slug}` });
  const reason = `Extended for ${slug}`;
  await admin.getByLabel("New deadline").fill(new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 16));
  await admin.getByLabel("Reason (shown to the public)").fill(reason);
  await admin.getByRole("button", { name: "Extend the deadline" }).click();
  await expect(admin.getByText("Deadline extended. The change is in the public history.")).toBeVisible();
  const changed = Date.now();
  for (const s of servers) {
    await expect
      .poll(async () => (await request.get(`${s}/en/c/${slug}`)).text(), { timeout: 2_000, intervals: [100] })
      .toContain(reason);
  }
  expect(Date.now() - changed).toBeLessThan(2_000);
});

test("every reader of the cached form gets a key of their own; without JavaScript, the same form posted twice stores one response", async ({
  browser,
  request,
}) => {
  const keyOf = (html: string) => /name="idempotencyKey" value="([^"]+)"/.exec(html)?.[1];
  const keys = await Promise.all(
    [1, 2, 3].map(async () => keyOf(await (await request.get("/en/c/dpsi/respond")).text())),
  );
  for (const k of keys) expect(k).toMatch(/^[A-Za-z0-9_-]{22}$/);
  expect(new Set(keys).size).toBe(3);

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  let posted: { headers: Record<string, string>; body: Buffer } | null = null;
  await page.route("**/en/c/dpsi/respond", async (route) => {
    if (route.request().method() === "POST")
      posted = { headers: route.request().headers(), body: route.request().postDataBuffer()! };
    await route.continue();
  });
  await page.goto("/en/c/dpsi/respond");
  const key = await page.locator('input[name="idempotencyKey"]').inputValue();
  const comment = `Posted twice without JavaScript ${uniqueSlug("twice")}`;
  await page.getByLabel("General comment on the whole draft (optional)").fill(comment);
  await fillAboutYou(page, { type: "An individual", publication: "No, do not publish it" });
  await page.getByRole("button", { name: "Submit your response" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Response received" })).toBeVisible();
  const reference = await page.getByTestId("reference").textContent();
  // The same post again (a second click, a retry after a lost answer): the same receipt, one response.
  const again = await page.request.post("/en/c/dpsi/respond", {
    headers: { "content-type": posted!.headers["content-type"], origin: `http://localhost:${PORT}` },
    data: posted!.body,
  });
  expect(again.url()).toContain(`/receipt/${reference}`);
  const stored = await sql<{ n: string }>(`SELECT count(*) AS n FROM response WHERE idempotency_key = $1`, [key]);
  expect(Number(stored[0].n)).toBe(1);
  await context.close();
});
