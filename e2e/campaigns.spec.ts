import { expect, test, type Page } from "@playwright/test";
import { createAccount, createConsultation, expectAccessible, signIn, sql, uniqueSlug } from "./helpers";

// The campaigns page (/{locale}/moderate/campaigns): find, list, open, remove an item, merge two.
const A = "We ask the drafting committee to protect the budget of local innovation labs in every member country.";
const B = "Principle two must require every government to publish the evaluation of its public sector experiments.";

/** A consultation with three copies of letter A, two of B and four short stock replies. */
async function withLetters() {
  const slug = uniqueSlug("camp");
  const id = await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
  const comments = [A, A, A, B, B, "I agree", "I agree", "I agree with this.", "I agree with this."];
  await sql(
    `WITH input AS (SELECT t.comment, t.ord FROM unnest($2::text[]) WITH ORDINALITY t(comment, ord)),
     resp AS (
       INSERT INTO response (consultation_id, reference, idempotency_key, submitted_at, locale, channel, respondent_type, country, public_sector, publication, privacy_consent_at)
       SELECT $1, 'E2E-' || substr(md5(random()::text), 1, 10) || '-' || ord, 'e2e-' || gen_random_uuid(), now() - make_interval(days => ord::int), 'en', 'web', 'individual', 'FR', true, 'anonymous', now()
       FROM input RETURNING id, reference)
     INSERT INTO feedback_item (response_id, aspect, position, comment)
     SELECT resp.id, 'general', 0, input.comment FROM resp JOIN input ON resp.reference LIKE '%-' || input.ord`,
    [id, comments],
  );
  return slug;
}

async function noSidewaysScroll(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function findCampaigns(page: Page, slug: string) {
  await page.goto(`/en/moderate/campaigns?c=${slug}`);
  await page.getByRole("button", { name: "Find campaigns" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 campaigns, 5 items grouped." })).toBeVisible();
  await page.goto(`/en/moderate/campaigns?c=${slug}`);
}

test("a moderator finds campaigns, opens one, removes an item and merges two; short replies are never grouped", async ({
  page,
}) => {
  const slug = await withLetters();
  await signIn(page, await createAccount("moderator"));
  await findCampaigns(page, slug);
  await expect(page.getByRole("heading", { name: "2 campaigns" })).toBeVisible();
  const cards = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3 }) });
  await expect(cards.getByRole("heading", { level: 3 })).toHaveText(["Campaign of 3", "Campaign of 2"]);
  await expect(cards.first()).toContainText(A);
  await expect(cards.first()).toContainText("New 3");
  await expect(cards.first()).toContainText("No disposition yet 3");
  const open = cards.first().getByRole("link", { name: /^Open in the queue/ });
  expect(await open.getAttribute("href")).toMatch(new RegExp(`^/en/moderate\\?c=${slug}&campaign=[0-9a-f-]{36}$`));
  await expectAccessible(page);
  await noSidewaysScroll(page);

  // A decision made elsewhere shows in the breakdown at once.
  await sql(
    `UPDATE feedback_triage SET status = 'noted', disposition = 'accepted' WHERE feedback_item_id = (
       SELECT min(fi.id::text)::uuid FROM feedback_item fi JOIN response r ON r.id = fi.response_id JOIN consultation c ON c.id = r.consultation_id
       WHERE c.slug = $2 AND fi.comment = $1)`,
    [A, slug],
  );
  await page.reload();
  await expect(cards.first()).toContainText("New 2 · Noted 1");
  await expect(cards.first()).toContainText("No disposition yet 2 · Accepted 1");

  // Merging: the errors, then the merge.
  await page.getByRole("button", { name: "Merge the campaigns" }).click();
  await expect(
    page.getByRole("alert").getByRole("link", { name: "Choose the campaign to merge", exact: true }),
  ).toBeVisible();
  await expect(page.locator("#merge-target-error")).toContainText("Choose the campaign to merge it into");
  await page.getByLabel("Campaign to merge").selectOption({ index: 1 });
  await page.getByLabel("Merge it into").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Merge the campaigns" }).click();
  await expect(page.locator("#merge-target-error")).toContainText("Choose two different campaigns");
  await expectAccessible(page);

  // Opening the large one: its items, remove one.
  await cards
    .first()
    .getByRole("link", { name: /^See its items/ })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Campaign of 3");
  await page.getByRole("button", { name: "Remove the selected items from the campaign" }).click();
  await expect(page.locator("#remove-ids-error")).toContainText("Select at least one item to remove");
  await expectAccessible(page);
  await page.getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "Remove the selected items from the campaign" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 item removed from the campaign." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Campaign of 2");
  await expect(page.getByRole("checkbox")).toHaveCount(2);
  await noSidewaysScroll(page);

  // Merge B into A's campaign; a later search keeps both the merge and the removal.
  await page.getByRole("link", { name: "All campaigns" }).click();
  await page.getByLabel("Campaign to merge").selectOption({ index: 2 });
  await page.getByLabel("Merge it into").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Merge the campaigns" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Campaigns merged: 2 items moved." })).toBeVisible();
  await page.getByRole("button", { name: "Find campaigns" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 campaign, 4 items grouped." })).toBeVisible();
  await page.reload();
  await expect(cards.getByRole("heading", { level: 3 })).toHaveText(["Campaign of 4"]);
});

test("the page in French passes axe", async ({ page }) => {
  const slug = await withLetters();
  await signIn(page, await createAccount("moderator"), { path: "/fr/moderate" });
  await page.goto(`/fr/moderate/campaigns?c=${slug}`);
  await page.getByRole("button", { name: "Rechercher les campagnes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 campagnes, 5 éléments regroupés." })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 3 }).first()).toHaveText("Campagne de 3");
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("removing an item and merging work, with the errors next to the fields", async ({ page }) => {
    const slug = await withLetters();
    await signIn(page, await createAccount("moderator"));
    await findCampaigns(page, slug);
    await page.getByRole("button", { name: "Merge the campaigns" }).click();
    await expect(page.locator("#merge-source-error")).toContainText("Choose the campaign to merge");
    await page
      .getByRole("link", { name: /^See its items/ })
      .first()
      .click();
    await page.getByRole("button", { name: "Remove the selected items from the campaign" }).click();
    await expect(page.locator("#remove-ids-error")).toContainText("Select at least one item to remove");
    await page.getByRole("checkbox").first().check();
    await page.getByRole("button", { name: "Remove the selected items from the campaign" }).click();
    await expect(page.getByText("1 item removed from the campaign.")).toBeVisible();
    await page.goto(`/en/moderate/campaigns?c=${slug}`);
    await page.getByLabel("Campaign to merge").selectOption({ index: 2 });
    await page.getByLabel("Merge it into").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Merge the campaigns" }).click();
    await expect(page.getByText("Campaigns merged: 2 items moved.")).toBeVisible();
    await page.goto(`/en/moderate/campaigns?c=${slug}`);
    await expect(page.getByRole("heading", { level: 3 })).toHaveText(["Campaign of 4"]);
  });
});
