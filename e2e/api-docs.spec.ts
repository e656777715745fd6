// Issue 14 §2: the API reference for integrators, rendered from the served OpenAPI document, under the
// site's CSP, in both languages, at 1280 px and 390 px, linked from every page's footer.
import { expect, test } from "@playwright/test";
import { bothLanguages, checkPage } from "./walk";

type TDocument = { paths: Record<string, Record<string, { operationId: string; summary: string }>> };

test("the API reference, reached from the footer, lists every operation of the served document, under its CSP without a violation", async ({
  page,
  request,
}) => {
  const served = await request.get("/api/openapi");
  expect(served.status()).toBe(200);
  expect(served.headers()["cache-control"]).toBe("public, max-age=300");
  const doc = (await served.json()) as TDocument;
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ label: `${method.toUpperCase()} ${path}`, ...op })),
  );
  expect(operations.length).toBeGreaterThan(8);

  // Where an integrator looks first: /api/docs leads to the reference.
  const guessed = await request.get("/api/docs", { maxRedirects: 0 });
  expect(guessed.status()).toBe(307);
  expect(new URL(guessed.headers().location, "http://x").pathname).toBe("/en/api-docs");

  // Cached like the other public pages (lib/http/page-cache.mjs): the same for everyone, under a CSP of its own scripts' hashes.
  const html = await request.get("/en/api-docs");
  expect(html.headers()["cache-control"]).toMatch(/^public, (max-age=0, )?s-maxage=\d+/);
  expect(html.headers()["content-security-policy"]).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]{44}')+;/);

  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
  });
  page.on("pageerror", (e) => violations.push(e.message));

  // From the footer, where the document itself used to be linked.
  await page.goto("/en");
  await page.getByRole("contentinfo").getByRole("link", { name: "API for programmatic responses" }).click();
  await expect(page).toHaveURL(/\/en\/api-docs$/);
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  const contents = page.getByRole("navigation", { name: "Operations" });
  await expect(contents.getByRole("link")).toHaveCount(operations.length);
  for (const op of operations) {
    await expect(contents.getByRole("link", { name: op.label, exact: true }), op.label).toHaveAttribute(
      "href",
      `#${op.operationId}`,
    );
    await expect(page.locator(`[id="${op.operationId}"]`), op.label).toContainText(op.summary);
  }
  // The submission's details: the idempotency header, the errors it answers with, the request's example.
  const submit = page.locator("section[aria-labelledby=submitResponse]");
  await expect(submit.getByText("Idempotency-Key", { exact: true })).toBeVisible();
  for (const status of ["201", "400", "409", "413", "415", "429", "503"])
    await expect(submit.getByText(status, { exact: true })).toBeVisible();
  await submit.getByText("Example: Feedback on clause 1.1 from an organisation in France").click();
  await expect(submit.getByText('"privacyConsent": true').first()).toBeVisible();
  await expect(page.getByRole("link", { name: "the OpenAPI document" })).toHaveAttribute("href", "/api/openapi");

  // The page's own scripts ran (it hydrated) under its CSP, and nothing was refused.
  await expect
    .poll(() => page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown[] }).__next_f)))
    .toBe(true);
  expect(violations).toEqual([]);
});

test("the API reference passes axe at 1280 and 390 px in English and French, with no raw message key nor sideways scroll", async ({
  page,
}) => {
  test.setTimeout(450_000);
  for (const path of bothLanguages("/L/api-docs")) await checkPage(page, path);
  await expect(page.getByRole("heading", { level: 1, name: "Référence de l’API" })).toBeVisible();
});

test("the API reference reads without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/en/api-docs");
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  await expect(page.locator("[id=submitResponse]")).toContainText("POST /api/consultations/{slug}/responses");
  await context.close();
});
