import { expect, test, type Browser, type Page } from "@playwright/test";
import { createAccount, createConsultation, signIn, uniqueSlug } from "./helpers";

const notFound = /Page not found|Page non trouvée/;

/** Signs `page` in, then replaces its session with `other`'s: the form on screen is now posted by `other`. */
async function swapSession(browser: Browser, page: Page, other: { email: string; password: string }) {
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  await signIn(p, other, { path: "/en" });
  const cookies = await ctx.cookies();
  await ctx.close();
  await page.context().clearCookies();
  await page.context().addCookies(cookies);
}

test("admin, delegation and formal-response pages refuse everyone but their role", async ({
  page,
  browser,
  request,
}) => {
  const slug = uniqueSlug("authz");
  await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
  const adminPages = [
    "/en/admin",
    "/fr/admin/privacy",
    "/en/admin/consultations",
    "/en/admin/consultations/new",
    `/en/admin/consultations/${slug}`,
    `/en/admin/consultations/${slug}/edit`,
    `/en/admin/consultations/${slug}/redraft`,
    "/en/admin/accounts",
  ];
  const delegationPages = ["/en/delegation", `/en/delegation/${slug}`];
  const formalPages = [`/en/moderate/formal?c=${slug}`, `/en/moderate/key-in?c=${slug}`];

  for (const path of [...adminPages, ...delegationPages, ...formalPages]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/(en|fr)\/sign-in\?callbackUrl=/);
  }
  const moderator = await (await browser.newContext()).newPage();
  await signIn(moderator, await createAccount("moderator"), { path: "/en" });
  for (const path of [...adminPages, ...delegationPages]) {
    await moderator.goto(path);
    await expect(moderator.getByRole("heading", { level: 1 }), path).toHaveText(notFound);
  }
  const delegate = await (await browser.newContext()).newPage();
  await signIn(delegate, await createAccount("delegate"), { path: "/en" });
  for (const path of [...adminPages, ...formalPages]) {
    await delegate.goto(path);
    await expect(delegate.getByRole("heading", { level: 1 }), path).toHaveText(notFound);
  }

  // The letter: a cross-site or Origin-less upload is refused before anything; nobody reads a letter that is not theirs.
  expect(
    (
      await request.post(`/api/delegation/${slug}/letter`, {
        multipart: { letter: { name: "a.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF") } },
      })
    ).status(),
  ).toBe(403);
  expect(
    (
      await request.post(`/api/delegation/${slug}/letter`, {
        headers: { origin: "https://evil.example" },
        multipart: { x: "1" },
      })
    ).status(),
  ).toBe(403);
  expect((await request.get("/api/formal/00000000-0000-4000-8000-000000000000/letter")).status()).toBe(404);
  expect((await moderator.request.get("/api/formal/not-a-uuid/letter")).status()).toBe(404);
});

test("the delegation and admin actions check the role of whoever posts them", async ({ page, browser }) => {
  const slug = uniqueSlug("authz2");
  await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
  const moderator = await createAccount("moderator");

  // An admin's invitation form, posted by a moderator.
  await signIn(page, await createAccount("admin"), { path: "/en/admin" });
  await swapSession(browser, page, moderator);
  await page.getByLabel("Full name").fill("Not Allowed");
  await page.getByLabel("Email address").fill(`${uniqueSlug("x")}@test.clausewise.invalid`);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
    "Only administrators can invite people",
  );

  // The extension form, posted by a moderator.
  await signIn(page, await createAccount("admin"), { path: "/en/moderate" });
  await page.goto(`/en/moderate/formal?c=${slug}`);
  await swapSession(browser, page, moderator);
  await page.getByLabel("Country").selectOption({ label: "France" });
  await page.getByLabel("New deadline").fill("2099-01-01T12:00");
  await page.getByLabel("Reason (shown to the delegation)").fill("Not allowed");
  await page.getByRole("button", { name: "Grant extension" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
    "Your account cannot do this.",
  );

  // A consultation's lifecycle, posted by a moderator.
  await signIn(page, await createAccount("admin"), { path: `/en/admin/consultations/${slug}` });
  await swapSession(browser, page, moderator);
  await page.getByLabel("Reason for closing early (shown to the public)").fill("Not allowed");
  await page.getByRole("button", { name: "Close the consultation now" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
    "Only administrators can do this.",
  );

  // A delegation's draft, saved by a moderator.
  const delegate = await (await browser.newContext()).newPage();
  await signIn(delegate, await createAccount("delegate"), { path: `/en/delegation/${slug}` });
  await swapSession(browser, delegate, moderator);
  await delegate.getByLabel("Overall statement").fill("Not allowed");
  await delegate.getByRole("button", { name: "Save draft" }).click();
  await expect(delegate.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
    "Your account cannot do this.",
  );
});
