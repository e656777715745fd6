// Issue 15 §1: "Forgot your password?", the emailed one-time link, the new password, and the end of every other
// session; the admin's "Send a password reset"; axe on each new page (en and fr, 1280 and 390 px); no JavaScript.
import { createHash, randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createAccount, signIn, sql, uniqueSlug } from "./helpers";
import { linkIn, readMail } from "./mail";
import { checkPage, checkThisPage, WIDTHS } from "./walk";

const NEW_PASSWORD = "a brand new password for the reset";

/** A reset link of the account's own, straight into the database (valid, or expired an hour ago). */
async function resetLink(email: string, locale = "en", opts: { expired?: boolean } = {}): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await sql(
    `INSERT INTO password_reset (user_id, token_hash, created_at, expires_at)
     SELECT id, $2, now() - $3::interval, now() - $3::interval + interval '1 hour' FROM app_user WHERE email = $1`,
    [email, createHash("sha256").update(token).digest("hex"), opts.expired ? "2 hours" : "0 seconds"],
  );
  return `/${locale}/reset/${token}`;
}

async function askForLink(page: Page, email: string) {
  await page.goto("/en/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText(`If ${email} is the address of an active account`)).toBeVisible();
}

async function setPassword(page: Page, password: string, confirm = password) {
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Type the new password again").fill(confirm);
  await page.getByRole("button", { name: "Change the password" }).click();
}

test("forgot password: the emailed link sets a new password once, ends the other sessions, and the person signs in with it", async ({
  browser,
}) => {
  const account = await createAccount("moderator");
  // Signed in elsewhere before the reset.
  const other = await (await browser.newContext()).newPage();
  await signIn(other, account);

  const page = await (await browser.newContext()).newPage();
  await askForLink(page, account.email);
  const link = new URL(linkIn(await readMail(account.email, /Reset your Clausewise password/), "/en/reset/")).pathname;
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expect(page.getByText(`For the account ${account.email}`)).toBeVisible();

  // Two different passwords: the error beside the field and in the summary; the passwords are not sent back.
  await setPassword(page, NEW_PASSWORD, "not the same password at all");
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary.getByRole("link", { name: "The two passwords are not the same" })).toBeVisible();
  await expect(page.locator("#reset-confirm-error")).toContainText("The two passwords are not the same");
  await expect(page.getByLabel("New password", { exact: true })).toHaveValue("");

  await setPassword(page, NEW_PASSWORD);
  await page.waitForURL((u) => u.pathname === "/en/sign-in" && u.searchParams.get("reset") === "1");
  await expect(page.getByText("Your password has been changed")).toBeVisible();

  // The session from before the reset has ended.
  await other.goto("/en/moderate");
  await expect(other).toHaveURL(/\/en\/sign-in\?callbackUrl=/);

  // The old password no longer works; the new one does.
  await signIn(page, account, { succeeds: false });
  await expect(page.getByText("Enter a correct email address and password").first()).toBeVisible();
  await signIn(page, { email: account.email, password: NEW_PASSWORD });

  // The link was used: refused with a page that says so, and a way to ask again.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();
  await expect(page.getByText("This link has already been used")).toBeVisible();
  await page.getByRole("link", { name: "Ask for a new link" }).click();
  await expect(page).toHaveURL(/\/en\/sign-in\/forgot$/);
});

test("an address without an account gets the same confirmation", async ({ page }) => {
  await askForLink(page, `${uniqueSlug("nobody")}@test.clausewise.invalid`);
});

test("an admin sends a password reset from the accounts page: it is emailed, not shown", async ({ page }) => {
  const admin = await createAccount("admin");
  const target = await createAccount("delegate");
  await signIn(page, admin, { path: `/en/admin/accounts?q=${encodeURIComponent(target.email)}` });
  const row = page.getByRole("listitem").filter({ hasText: target.email });
  await row.getByRole("button", { name: "Send a password reset to Test delegate" }).click();
  await expect(row.getByText(`A password reset link has been emailed to ${target.email}`)).toBeVisible();
  await expect(page.getByTestId("reset-link")).toHaveCount(0);
  const link = new URL(linkIn(await readMail(target.email, /Reset your Clausewise password/), "/en/reset/")).pathname;
  await page.goto(link);
  await expect(page.getByText(`For the account ${target.email}`)).toBeVisible();
});

test("the new pages, with and without errors, in both languages at 1280 and 390 px: axe, no raw key, no sideways scroll", async ({
  page,
}) => {
  test.setTimeout(450_000);
  const account = await createAccount("delegate");
  for (const locale of ["en", "fr"]) {
    await checkPage(page, `/${locale}/sign-in/forgot`);
    await checkPage(page, `/${locale}/reset/not-a-token`);
    await checkPage(page, await resetLink(account.email, locale, { expired: true }));
    const link = await resetLink(account.email, locale);
    await checkPage(page, link);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 844 });
      await page.goto(`/${locale}/sign-in/forgot`);
      await page.locator("#forgot-email").fill("not an address");
      await page.locator("form button[type=submit]").click();
      await expect(page.locator("#forgot-email-error")).toBeVisible();
      await expect(page.locator("#forgot-email")).toHaveValue("not an address");
      await checkThisPage(page, `/${locale}/sign-in/forgot, invalid address, at ${width} px`);

      await page.goto(link);
      await page.locator("#reset-password").fill("short");
      await page.locator("#reset-confirm").fill("short");
      await page.locator("form button[type=submit]").click();
      await expect(page.locator("#reset-password-error")).toContainText(
        locale === "en" ? "Passwords need 12 characters or more" : "au moins 12 caractères",
      );
      await checkThisPage(page, `/${locale}/reset, too-short password, at ${width} px`);
    }
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the forgot form, the reset form (errors, then done) and an expired link work", async ({ page }) => {
    const account = await createAccount("moderator");
    await page.goto("/en/sign-in/forgot");
    await page.getByLabel("Email address").fill(account.email);
    await page.getByRole("button", { name: "Send the link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    const link = new URL(linkIn(await readMail(account.email, /Reset your Clausewise password/), "/en/reset/"))
      .pathname;

    await page.goto(link);
    await setPassword(page, NEW_PASSWORD, "something else entirely");
    await expect(page.getByText("There is a problem")).toBeVisible();
    await expect(page.locator("#reset-confirm-error")).toContainText("The two passwords are not the same");
    await setPassword(page, NEW_PASSWORD);
    await expect(page).toHaveURL(/\/en\/sign-in\?reset=1$/);
    await expect(page.getByText("Your password has been changed")).toBeVisible();
    await signIn(page, { email: account.email, password: NEW_PASSWORD });

    await page.goto(await resetLink(account.email, "fr", { expired: true }));
    await expect(page.getByRole("heading", { level: 1, name: "Ce lien ne fonctionne pas" })).toBeVisible();
    await expect(page.getByText("Ce lien a expiré")).toBeVisible();
  });

  test("an admin's Send a password reset button", async ({ page }) => {
    const admin = await createAccount("admin");
    const target = await createAccount("moderator");
    await signIn(page, admin, { path: `/en/admin/accounts?q=${encodeURIComponent(target.email)}` });
    await page
      .getByRole("listitem")
      .filter({ hasText: target.email })
      .getByRole("button", { name: /^Send a password reset/ })
      .click();
    await expect(page.getByText(`A password reset link has been emailed to ${target.email}`)).toBeVisible();
    await readMail(target.email, /Reset your Clausewise password/);
  });
});
