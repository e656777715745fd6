import { expect, test, type Page } from "@playwright/test";
import { createAccount, createConsultation, expectAccessible, signIn, sql, uniqueSlug } from "./helpers";

// A long "Find campaigns" run (a million items take most of a minute) is simulated by a run row that has
// not finished (and no job, so no worker takes it); the test then finishes it, as the job running it would.

async function withRunningSearch(page: Page) {
  const slug = uniqueSlug("runs");
  const id = await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
  const [run] = await sql(`INSERT INTO campaign_run (consultation_id) VALUES ($1) RETURNING id`, [id]);
  await signIn(page, await createAccount("moderator"));
  await page.goto(`/en/moderate?c=${slug}`);
  const campaigns = page.getByRole("region", { name: "Campaigns" });
  await expect(campaigns.getByRole("status")).toContainText("Looking for campaigns since");
  await expect(campaigns.getByRole("button", { name: "Find campaigns" })).toBeDisabled();
  await sql(`UPDATE campaign_run SET finished_at = now(), campaigns = 4, grouped = 17 WHERE id = $1`, [run.id]);
  return campaigns;
}

test("a search for campaigns that takes long: the page says so, then shows the result by itself", async ({ page }) => {
  const campaigns = await withRunningSearch(page);
  await expectAccessible(page);
  await expect(campaigns.getByRole("status")).toContainText("4 campaigns, 17 items grouped.", { timeout: 15_000 });
  await expect(campaigns.getByRole("button", { name: "Find campaigns" })).toBeEnabled();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the refresh link shows the result of a long search", async ({ page }) => {
    const campaigns = await withRunningSearch(page);
    await campaigns.getByRole("link", { name: "Refresh" }).click();
    await expect(campaigns.getByRole("status")).toContainText("4 campaigns, 17 items grouped.");
  });
});
