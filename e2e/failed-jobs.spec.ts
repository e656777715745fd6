import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createAccount, expectAccessible, signIn, sql } from "./helpers";

// The admin's page of failed jobs (lib/jobs/failed-jobs.ts): each with its last error and a Retry button.

/** A job that failed its last attempt, as the queue keeps one: due tomorrow first, so no worker takes it meanwhile. */
async function failedJob(error: string): Promise<string> {
  const [{ id }] = await sql<{ id: string }>(
    `SELECT id::text FROM graphile_worker.add_job('find-campaigns', $1::json, run_at => now() + interval '1 day', max_attempts => 3)`,
    [JSON.stringify({ runId: randomUUID(), consultationId: randomUUID() })],
  );
  await sql(`UPDATE graphile_worker._private_jobs SET attempts = max_attempts, last_error = $2 WHERE id = $1::bigint`, [
    id,
    error,
  ]);
  return id;
}

const stillFailed = async (id: string) =>
  (await sql(`SELECT 1 FROM graphile_worker.jobs WHERE id = $1::bigint AND attempts >= max_attempts`, [id])).length > 0;
const noSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

test("an admin sees failed jobs with their last error and retries one by keyboard; the page passes axe in both languages and at 390 px", async ({
  page,
}) => {
  const error = `SMTP refused ${randomUUID()}`;
  const id = await failedJob(error);
  await signIn(page, await createAccount("admin"), { path: "/en/admin" });
  await page.getByRole("link", { name: "Background jobs: failed ones and retry" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Background jobs" })).toBeVisible();
  const job = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: `Find campaigns (job ${id})` }) });
  await expect(job.getByText(error)).toBeVisible();
  await expectAccessible(page);
  for (const locale of ["en", "fr"]) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/${locale}/admin/jobs`);
    expect(await noSideways(page)).toBe(true);
    await expectAccessible(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectAccessible(page);
  }
  await expect(page.getByRole("heading", { name: `Recherche de campagnes (tâche ${id})` })).toBeVisible();

  // By keyboard: Tab reaches this job's Retry button, Enter presses it.
  await page.goto("/en/admin/jobs");
  const retry = page.getByRole("button", { name: `Retry Find campaigns (job ${id})` });
  for (let i = 0; i < 200 && !(await retry.evaluate((b) => b === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(retry).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `Job ${id} is back in the queue` })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Find campaigns (job ${id})` })).toHaveCount(0);
  expect(await stillFailed(id)).toBe(false);
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Retry works, and a job no longer failed says so instead of retrying twice", async ({ page }) => {
    const id = await failedJob("Connection timed out");
    await signIn(page, await createAccount("admin"), { path: "/fr/admin/jobs" });
    const retry = page.getByRole("button", { name: `Relancer Recherche de campagnes (tâche ${id})` });
    await expect(retry).toBeVisible();
    // Retried elsewhere meanwhile (another admin, another tab): this page's button is now stale.
    await sql(
      `SELECT graphile_worker.reschedule_jobs(ARRAY[$1::bigint], run_at => now() + interval '1 day', attempts => 0)`,
      [id],
    );
    await retry.click();
    await expect(page.getByRole("alert").filter({ hasText: "Cette tâche n’est plus en échec" })).toBeVisible();
    await sql(`UPDATE graphile_worker._private_jobs SET attempts = max_attempts WHERE id = $1::bigint`, [id]);
    await page.goto("/fr/admin/jobs");
    await page.getByRole("button", { name: `Relancer Recherche de campagnes (tâche ${id})` }).click();
    await expect(
      page.getByRole("status").filter({ hasText: `La tâche ${id} est de nouveau dans la file` }),
    ).toBeVisible();
    expect(await stillFailed(id)).toBe(false);
  });
});
