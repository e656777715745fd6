import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { createAccount, signIn } from "./helpers";

type TCookies = Awaited<ReturnType<BrowserContext["cookies"]>>;

/** A fresh browser that has only the given cookies (a copied session). */
async function withCookies(browser: Browser, cookies: TCookies): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  return context.newPage();
}

async function expectSignedOut(page: Page) {
  await page.goto("/en/moderate");
  await expect(page).toHaveURL(/\/en\/sign-in\?callbackUrl=%2Fen%2Fmoderate/);
  await expect(page.getByRole("heading", { level: 1, name: "Moderation" })).toHaveCount(0);
  await expect(page.getByText(/Signed in as/)).toHaveCount(0);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("signing out ends the session: a copied session cookie no longer opens the queue", async ({ page, browser }) => {
    const moderator = await createAccount("moderator");
    await signIn(page, moderator);
    const copied = (await page.context().cookies()).filter((c) => c.name.includes("session-token"));
    expect(copied).toHaveLength(1);
    // Before sign-out the copy works (the test would prove nothing otherwise).
    const thief = await withCookies(browser, copied);
    await thief.goto("/en/moderate");
    await expect(thief.getByRole("heading", { level: 1, name: "Moderation" })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/en\/sign-in\?signedOut=1/);
    await expectSignedOut(thief);
    await thief.context().close();
    await expectSignedOut(await withCookies(browser, copied));

    // Signing in again works, and that new session is not ended by the old cookie.
    await signIn(page, moderator);
    await expect(page.getByRole("heading", { level: 1, name: "Moderation" })).toBeVisible();
  });
});

test("an admin's role change, or deactivating and reactivating, ends the account's session at its next request", async ({
  page,
  browser,
}) => {
  const moderator = await createAccount("moderator");
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, await createAccount("admin"), {
    path: `/en/admin/accounts?q=${encodeURIComponent(moderator.email)}`,
  });
  const row = admin.locator("li").filter({ hasText: moderator.email });
  const save = async (label: RegExp, value: string, changed: string) => {
    await admin.reload();
    await row.getByLabel(label).selectOption(value);
    await row.getByRole("button", { name: /^Save / }).click();
    await expect(row.getByRole("status")).toContainText(changed);
  };

  await signIn(page, moderator);
  await expect(page.getByRole("heading", { level: 1, name: "Moderation" })).toBeVisible();
  await save(/^Role of /, "admin", "admin");
  await expectSignedOut(page);

  // A new session as admin, then the account is deactivated and reactivated: that session does not come back.
  await signIn(page, moderator, { path: "/en/admin/accounts" });
  await save(/^Access of /, "no", "deactivated");
  await save(/^Access of /, "yes", "reactivated");
  await page.goto("/en/admin/accounts");
  await expect(page).toHaveURL(/\/en\/sign-in\?callbackUrl=%2Fen%2Fadmin%2Faccounts/);
  await adminContext.close();
});
