// Delegates and admins (issue 13): the workspace's Save stays in reach in all its sections and beside the approver's
// submission, a locked response no longer says what can be written, headings never repeat, the admin's error
// summaries name each field, a Markdown mismatch is attached to the short draft, an invitation link can be copied.
// Axe at 1280 and 390 px, en and fr; the forms without JavaScript too.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createAccount, expectAccessible, signIn, uniqueSlug } from "./helpers";

const WIDTHS = [1280, 390] as const;
const wide = (page: Page, width: number) => page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

async function as(
  browser: Browser,
  account: { email: string; password: string },
  path: string,
  javaScriptEnabled = true,
): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
  await signIn(page, account, { path });
  return page;
}

test("the workspace keeps Save in reach in every section and beside the submission; headings never repeat; once locked it no longer offers writing", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  // dpsi: a preamble headed "Preamble" and 24 more sections. Iceland: no other test's delegation.
  const approver = await createAccount("delegate", undefined, { country: "IS", delegationRole: "approver" });
  const page = await as(browser, approver, "/en/delegation/dpsi");
  const save = page.getByRole("button", { name: "Save draft" });

  for (const locale of ["en", "fr"] as const) {
    await page.goto(`/${locale}/delegation/dpsi`);
    const summaries = await page.locator("details[data-clause] summary").allTextContents();
    expect(summaries.length).toBeGreaterThanOrEqual(24);
    for (const s of summaries) expect(s, "a heading repeats its label").not.toMatch(/^(.+?) — \1/);
    expect(summaries[0].trim()).toBe(locale === "en" ? "Preamble" : "Préambule");
    for (const width of WIDTHS) {
      await wide(page, width);
      const saveHere = page.getByRole("button", { name: locale === "en" ? "Save draft" : "Enregistrer le projet" });
      await page.locator("details[data-clause] summary").first().scrollIntoViewIfNeeded();
      await expect(saveHere).toBeInViewport();
      await page.locator("details[data-clause] summary").last().scrollIntoViewIfNeeded();
      await expect(saveHere).toBeInViewport();
      await page
        .getByRole("heading", {
          level: 2,
          name: locale === "en" ? "Submit the official response" : "Soumettre la réponse officielle",
        })
        .scrollIntoViewIfNeeded();
      await expect(saveHere).toBeInViewport();
      expect(await noSidewaysScroll(page)).toBe(true);
      await expectAccessible(page);
    }
  }

  // The approver writes in the last section and saves from there, then submits without going back to the form's end.
  await wide(page, 390);
  await page.goto("/en/delegation/dpsi");
  const last = page.locator("details[data-clause]").last();
  await last.locator("summary").click();
  const marker = uniqueSlug("clear");
  await last.getByLabel("Is it clear?").fill(`Mostly clear ${marker}.`);
  await expect(save).toBeInViewport();
  await save.click();
  await expect(page.getByRole("status").filter({ hasText: "Draft saved" })).toBeInViewport();
  await expect(page.getByText("Save any changes first")).toHaveCount(0);
  await page.getByRole("heading", { level: 2, name: "Submit the official response" }).scrollIntoViewIfNeeded();
  await expect(save).toBeInViewport();
  await page.getByLabel(/I confirm that this is the official response of Iceland/).check();
  await page.getByRole("button", { name: "Submit official response" }).click();
  await expect(page.getByRole("heading", { name: "Submitted and locked" })).toBeVisible();

  for (const locale of ["en", "fr"] as const) {
    await page.goto(`/${locale}/delegation/dpsi`);
    await expect(
      page.getByRole("heading", { name: locale === "en" ? "Submitted and locked" : "Soumise et verrouillée" }),
    ).toBeVisible();
    await expect(
      page.getByText(/you can write, save and submit|vous pouvez rédiger, enregistrer et soumettre/),
    ).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Save draft|Enregistrer le projet/ })).toHaveCount(0);
    const headings = await page.getByRole("heading", { level: 3 }).allTextContents();
    for (const h of headings) expect(h).not.toMatch(/^(.+?) — \1/);
    for (const width of WIDTHS) {
      await wide(page, width);
      expect(await noSidewaysScroll(page)).toBe(true);
      await expectAccessible(page);
    }
  }
});

test("the workspace saves without JavaScript from the sticky Save", async ({ browser }) => {
  const drafter = await createAccount("delegate", undefined, { country: "NZ", delegationRole: "drafter" });
  const page = await as(browser, drafter, "/en/delegation/dpsi", false);
  const marker = uniqueSlug("nojs");
  // Without JavaScript every <details> is still a disclosure: open the last one by its summary.
  const last = page.locator("details[data-clause]").last();
  await last.locator("summary").click();
  await last.getByLabel("Is it clear?").fill(`Clear enough ${marker}.`);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved").first()).toBeVisible();
  await expect(page.locator("details[data-clause]").last().getByLabel("Is it clear?")).toHaveValue(
    `Clear enough ${marker}.`,
  );
});

const EN_TWO = "Intro.\n\n## 1. First\n\nText.\n\n1. Do this.\n\n## 2. Second\n\nMore.\n\n1. Do that.\n";
const FR_ONE = "Intro.\n\n## 1. Premier\n\nTexte.\n\n1. Faire ceci.\n";

async function namedSummary(page: Page, locale: "en" | "fr") {
  await page.goto(`/${locale}/admin/consultations/new`);
  await page
    .getByRole("button", {
      name: locale === "en" ? "Save as a draft (not public)" : "Enregistrer comme brouillon (non public)",
    })
    .click();
  const summary = page
    .getByRole("alert")
    .filter({ hasText: locale === "en" ? "There is a problem" : "Il y a un problème" });
  await expect(summary).toBeVisible();
  const links = await summary.getByRole("link").allTextContents();
  expect(links.length).toBeGreaterThan(4);
  expect(new Set(links).size, links.join(" | ")).toBe(links.length);
  expect(links).toContain(locale === "en" ? "Fill in “Title in English”" : "Remplissez «\u202fTitre en anglais\u202f»");
}

test("the admin's error summary names each field instead of repeating 'Fill this in' (en and fr, 1280 and 390 px, with and without JavaScript)", async ({
  browser,
}) => {
  test.setTimeout(450_000);
  const admin = await createAccount("admin");
  const page = await as(browser, admin, "/en/admin");
  for (const locale of ["en", "fr"] as const) {
    await wide(page, 1280);
    await namedSummary(page, locale);
    for (const width of WIDTHS) {
      await wide(page, width);
      expect(await noSidewaysScroll(page)).toBe(true);
      await expectAccessible(page);
    }
  }
  const nojs = await as(browser, admin, "/en/admin", false);
  for (const locale of ["en", "fr"] as const) await namedSummary(nojs, locale);
});

test("a Markdown mismatch is attached to the draft that is short, with and without JavaScript", async ({ browser }) => {
  test.setTimeout(300_000);
  const admin = await createAccount("admin");
  for (const js of [true, false]) {
    const page = await as(browser, admin, "/en/admin", js);
    // The French draft lacks a section: the error is on the French draft, not the English one; and the other way round.
    for (const [en, fr, short] of [
      [EN_TWO, FR_ONE, "Fr"],
      [FR_ONE.replace("Premier", "First"), EN_TWO, "En"],
    ] as const) {
      await page.goto("/en/admin/consultations/new");
      await page.getByLabel("English draft (or paste it here)").fill(en);
      await page.getByLabel("French draft (or paste it here)").fill(fr);
      await page.getByRole("button", { name: "Check the draft" }).click();
      const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
      const long = short === "Fr" ? "En" : "Fr";
      await expect(summary.locator(`a[href="#cf-markdown${short}"]`)).toBeVisible();
      await expect(summary.locator(`a[href="#cf-markdown${long}"]`)).toHaveCount(0);
      await expect(page.locator(`#cf-markdown${short}`)).toHaveAttribute("aria-invalid", "true");
      await expect(page.locator(`#cf-markdown${long}`)).not.toHaveAttribute("aria-invalid", "true");
    }
    await page.context().close();
  }
});

test("a one-time invitation link has a copy button that works by keyboard; without JavaScript the link is selectable text", async ({
  browser,
}) => {
  test.setTimeout(225_000);
  const admin = await createAccount("admin");
  const page = await as(browser, admin, "/en/admin");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  for (const locale of ["en", "fr"] as const) {
    await page.goto(`/${locale}/admin`);
    await page.getByLabel(locale === "en" ? "Full name" : /Nom complet/).fill("Mo Moderator");
    await page
      .getByLabel(locale === "en" ? "Email address" : /Adresse/)
      .fill(`${uniqueSlug("invitee")}@test.clausewise.invalid`);
    await page.getByRole("radio", { name: locale === "en" ? /^Moderator/ : /^Modérateur/ }).check();
    await page.getByRole("button", { name: locale === "en" ? "Send invitation" : /Envoyer/ }).click();
    const link = page.getByTestId("invitation-link");
    await expect(link).toHaveText(new RegExp(`/${locale}/invitation/[A-Za-z0-9_-]{43}$`));
    const copy = page.getByRole("button", { name: locale === "en" ? "Copy link" : "Copier le lien" });
    await copy.focus();
    await page.keyboard.press("Enter");
    await expect(
      page.getByRole("status").filter({ hasText: locale === "en" ? "Link copied" : "Lien copié" }),
    ).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await link.textContent());
    for (const width of WIDTHS) {
      await wide(page, width);
      expect(await noSidewaysScroll(page)).toBe(true);
      await expectAccessible(page);
    }
    await wide(page, 1280);
  }

  const nojs = await as(browser, admin, "/en/admin", false);
  await nojs.getByLabel("Full name").fill("No Script");
  await nojs.getByLabel("Email address").fill(`${uniqueSlug("nojs-invitee")}@test.clausewise.invalid`);
  await nojs.getByRole("radio", { name: /^Moderator/ }).check();
  await nojs.getByRole("button", { name: "Send invitation" }).click();
  const link = nojs.getByTestId("invitation-link");
  await expect(link).toHaveText(/\/en\/invitation\/[A-Za-z0-9_-]{43}$/);
  expect(await link.evaluate((e) => getComputedStyle(e).userSelect)).not.toBe("none");
  await expect(nojs.getByRole("button", { name: "Copy link" })).toHaveCount(0);
  // Selectable: a triple click selects the whole link.
  await link.click({ clickCount: 3 });
  expect((await nojs.evaluate(() => String(window.getSelection()))).trim()).toBe((await link.textContent())?.trim());
});
