import { expect, test, type Page } from "@playwright/test";
import { createAccount, createConsultation, expectAccessible, fillAboutYou, signIn, sql, uniqueSlug } from "./helpers";

const EN =
  "Adherents recognise that innovation matters.\n\n## 1. Embrace innovation\nInnovation is everyone's work.\n\n1. Act on weak signals.\n2. Build capacity.\n";
const FR_BAD =
  "Les adhérents reconnaissent que l'innovation compte.\n\n## 1. Adopter l'innovation\nL'innovation est l'affaire de tous.\n\n1. Agir sur les signaux faibles.\n";
const FR = `${FR_BAD}2. Renforcer les capacités.\n`;
const EN2 =
  "Adherents recognise that innovation matters.\n\n## 1. Embrace innovation\nInnovation is everyone's work.\n\n1. Act on early signs of change.\n2. Build capacity.\n";
const FR2 =
  "Les adhérents reconnaissent que l'innovation compte.\n\n## 1. Adopter l'innovation\nL'innovation est l'affaire de tous.\n\n1. Agir sur les signes précurseurs.\n2. Renforcer les capacités.\n";

const local = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 16);
const md = (name: string, text: string) => ({ name, mimeType: "text/markdown", buffer: Buffer.from(text) });

async function files(page: Page, prefix: string, en: string, fr: string) {
  await page.locator(`#${prefix}-markdownEnFile`).setInputFiles(md("draft-en.md", en));
  await page.locator(`#${prefix}-markdownFrFile`).setInputFiles(md("draft-fr.md", fr));
}

test("an admin authors a consultation from Markdown, runs it, re-drafts it and publishes the results", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const slug = uniqueSlug("authored");
  await signIn(page, await createAccount("admin"), { path: "/en/admin/consultations/new" });
  await expectAccessible(page);
  await page.getByLabel("Web address (slug)").fill(slug);
  await page.getByLabel("Reference prefix").fill("AUTH");
  for (const [label, value] of [
    ["Title in English", "Authored declaration"],
    ["Title in French", "Déclaration rédigée"],
    ["Summary in English", "A summary."],
    ["Summary in French", "Un résumé."],
    ["What feedback is asked for, in English", "Clarity."],
    ["What feedback is asked for, in French", "Clarté."],
    ["Who may respond, in English", "Anyone."],
    ["Who may respond, in French", "Tout le monde."],
  ])
    await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel("Time zone of the dates").selectOption("UTC");
  await page.getByLabel("Opens").fill(local(-1));
  await page.getByLabel("Closes (the deadline)").fill(local(10));
  // The French draft misses an action: reported before anything is saved.
  await files(page, "cf", EN, FR_BAD);
  await page.getByRole("button", { name: "Check the draft" }).click();
  await expect(page.getByTestId("misalignment")).toContainText(
    "Section 1 has 2 numbered items in English and 1 in French",
  );
  await expect(page.getByLabel("Title in English", { exact: true })).toHaveValue("Authored declaration");
  await expectAccessible(page);
  await files(page, "cf", EN, FR);
  await page.getByRole("button", { name: "Check the draft" }).click();
  await expect(page.getByTestId("aligned")).toContainText("4 clauses");
  await page.getByRole("button", { name: "Save as a draft (not public)" }).click();
  await expect(page.getByRole("heading", { name: "Saved as a draft" })).toBeVisible();
  await expectAccessible(page);

  // The draft is hidden, except through its preview link.
  const anonymous = await (await browser.newContext()).newPage();
  expect((await anonymous.goto(`/en/c/${slug}`))?.status()).toBe(404);
  await page.getByRole("link", { name: /\?preview=/ }).click();
  await expect(page.getByRole("heading", { name: "Preview" })).toBeVisible();
  await expect(page.getByText("Act on weak signals.")).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/en/admin/consultations/${slug}`);
  await page.getByRole("button", { name: "Publish the consultation" }).click();
  await expect(page.getByText("Published. It is now public.")).toBeVisible();

  // A respondent answers clause 1.1.
  await anonymous.goto(`/en/c/${slug}/respond?clause=1.1`);
  await anonymous
    .locator('details[data-clause="1.1"]')
    .getByLabel(/What is unclear/)
    .fill("What is a weak signal?");
  await fillAboutYou(anonymous, { type: "An individual" });
  await anonymous.getByRole("button", { name: "Submit your response" }).click();
  await anonymous.waitForURL(/\/receipt\//);

  // Extend the deadline: the public sees the history.
  await page.getByLabel("New deadline").fill(local(20));
  await page.getByLabel("Reason (shown to the public)").fill("Requested by several delegations");
  await page.getByRole("button", { name: "Extend the deadline" }).click();
  await expect(page.getByText("Deadline extended. The change is in the public history.")).toBeVisible();
  await anonymous.goto(`/en/c/${slug}`);
  await expect(anonymous.getByText(/Deadline extended from .* to .*: Requested by several delegations/)).toBeVisible();
  await expectAccessible(anonymous);

  // Version 2: 1.1 is rewritten; it carries over (suggested), so its comment stays with it.
  await page.getByRole("link", { name: "Publish a new version of the draft" }).click();
  await expectAccessible(page);
  await files(page, "rd", EN2, FR2);
  await page.getByRole("button", { name: "Check the draft" }).click();
  await expect(page.getByLabel(/^New 1\.1:/)).toHaveValue(/.+/);
  await expect(page.getByLabel(/^New 1\.1:/).locator("option:checked")).toContainText("Act on weak signals.");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Publish version 2" }).click();
  // The confirmation first, with the numbers.
  await expect(page.getByTestId("consequence")).toHaveText(
    "1 clause changes its text, none is added, none is removed, and 3 stay as they are.",
  );
  await page.getByRole("button", { name: "Yes, publish version 2" }).click();
  await expect(page.getByRole("heading", { name: "New version published" })).toBeVisible();
  await anonymous.goto(`/en/c/${slug}`);
  await expect(anonymous.getByText("This is version 2 of the draft.")).toBeVisible();
  await page.goto(`/en/moderate?c=${slug}`);
  await page
    .getByRole("link", { name: /^Open AUTH-/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "The clause as this comment answered it (version 1)" })).toBeVisible();
  await expect(page.getByTestId("clause-diff")).toContainText("early signs of change");
  await expectAccessible(page);

  // A letter received by post, keyed in by staff.
  await page.goto(`/en/moderate/key-in?c=${slug}`);
  await expectAccessible(page);
  await page.locator('details[data-clause="1.2"] summary').click();
  await page
    .locator('details[data-clause="1.2"]')
    .getByLabel(/What is unclear/)
    .fill("Sent by post.");
  await fillAboutYou(page, { type: "An individual" });
  await page.getByLabel("Date received").fill(new Date().toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Key in this response" }).click();
  await page.waitForURL(/\/receipt\//);
  await page.goto(`/en/moderate?c=${slug}`);
  await expect(page.getByText("Keyed in by staff")).toBeVisible();

  // Close early, then publish the results.
  await page.goto(`/en/admin/consultations/${slug}`);
  await page.getByLabel("Reason for closing early (shown to the public)").fill("Enough responses");
  await page.getByRole("button", { name: "Close the consultation now" }).click();
  await expect(page.getByTestId("consequence")).toContainText("The deadline moves from");
  await page.getByRole("button", { name: "Yes, close the consultation now" }).click();
  await expect(page.getByText("Closed.", { exact: true })).toBeVisible();
  await page.reload();
  await page.getByRole("button", { name: "Publish the results" }).click();
  await expect(page.getByTestId("consequence")).toHaveText("2 of 2 comments have no decision yet.");
  await page.getByRole("button", { name: "Yes, publish the results" }).click();
  await expect(page.getByText("Results published.")).toBeVisible();
  await anonymous.goto(`/en/c/${slug}/results`);
  await expect(anonymous.getByRole("heading", { name: /^Results:/ })).toBeVisible();
  await expect(anonymous.getByText("Act on early signs of change.").first()).toBeVisible();
  await expectAccessible(anonymous);
  const csv = await (await anonymous.request.get(`/api/consultations/${slug}/results`)).text();
  expect(csv.split("\r\n")[0]).toContain("clause_number,aspect,rating");
  await expect(anonymous.getByText(/Updated on/)).toHaveCount(0);
  // The public results are the copy made at publication; publishing them again refreshes it.
  await page.goto(`/en/admin/consultations/${slug}`);
  await page.getByRole("button", { name: "Publish the results again" }).click();
  await page.getByRole("button", { name: "Yes, publish the results again" }).click();
  await expect(page.getByText("Results published again.")).toBeVisible();
  await anonymous.reload();
  await expect(anonymous.getByText(/Updated on/)).toBeVisible();
});

test("accounts: an admin changes a role and deactivates an account; the log says so", async ({ page }) => {
  const mod = await createAccount("moderator");
  await signIn(page, await createAccount("admin"), { path: `/en/admin/accounts?q=${encodeURIComponent(mod.email)}` });
  await expectAccessible(page);
  const email = mod.email;
  const row = page.locator("li").filter({ hasText: email });
  await row.getByLabel(/^Access of /).selectOption("no");
  await row.getByRole("button", { name: /^Save / }).click();
  await expect(row.getByRole("status")).toContainText("deactivated");
  await page.reload();
  // The log names the action in words (auditActions), not by its code.
  await expect(
    page.getByText(new RegExp(`Account changed · ${email.replace(/[.]/g, "\\.")} · deactivated`)),
  ).toBeVisible();
});

test("accounts: a search by part of an address finds them, 50 a page with links to the next, without JavaScript", async ({
  browser,
}) => {
  const tag = uniqueSlug("paged");
  // 60 accounts no other test makes (never signed in: the hash is only the shape the table checks).
  await sql(
    `INSERT INTO app_user (email, name, password_hash, role)
     SELECT $1 || '-' || i || '@test.clausewise.invalid', 'Paged ' || lpad(i::text, 2, '0'), '$argon2id$not-a-hash', 'moderator'
     FROM generate_series(1, 60) i`,
    [tag],
  );
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, await createAccount("admin"), { path: "/en/admin/accounts" });
  await expect(page.getByText(/^\d[\d,]* accounts$/)).toBeVisible();
  await page.getByRole("searchbox", { name: "Find an account" }).fill(tag.toUpperCase());
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByText(`60 accounts match “${tag.toUpperCase()}”.`)).toBeVisible();
  const pages = page.getByRole("navigation", { name: "Pages of accounts" }).first();
  await expect(pages).toContainText("Page 1 of 2");
  await expect(page.getByRole("listitem").filter({ hasText: `${tag}-` })).toHaveCount(50);
  await pages.getByRole("link", { name: "Next page" }).click();
  await expect(pages).toContainText("Page 2 of 2");
  await expect(page.getByRole("listitem").filter({ hasText: `${tag}-` })).toHaveCount(10);
  await expect(page.getByRole("listitem").filter({ hasText: `Paged 60 · ${tag}-60@` })).toBeVisible();
  await page.getByRole("link", { name: "Show every account" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/accounts$/);
  await context.close();
  // axe runs in the page: with JavaScript, the same search's first page, its pages' links included.
  const withJs = await browser.newContext();
  const seen = await withJs.newPage();
  await signIn(seen, await createAccount("admin"), { path: `/en/admin/accounts?q=${tag}` });
  await expect(seen.getByRole("navigation", { name: "Pages of accounts" }).first()).toContainText("Page 1 of 2");
  await expectAccessible(seen);
  await withJs.close();
});

test("the list of consultations, and editing a published one's texts (its dates move only by extension)", async ({
  page,
}) => {
  const slug = uniqueSlug("edit");
  await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
  await signIn(page, await createAccount("admin"), { path: "/en/admin/consultations" });
  await expectAccessible(page);
  await page.getByRole("link", { name: `Test consultation ${slug}` }).click();
  await page.getByRole("link", { name: "Edit texts and dates" }).click();
  await expect(page.getByText("It is published: its dates change only by extending the deadline")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Title in English", { exact: true }).fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
    "Fill in “Title in English”",
  );
  await page.getByLabel("Title in English", { exact: true }).fill("A clearer title");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  await page.goto(`/en/c/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name: "A clearer title" })).toBeVisible();
});
