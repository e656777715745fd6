// Issue 15 §3 and §6: the consultation workbook (XLSX) downloaded from the queue, the themes of the comments on the
// overview (computed by the refresh-themes job) linked to the queue, the queue's detected-language filter and mark
// (also without JavaScript), and the results page printed as a report.
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import pg from "pg";
import {
  announceChange,
  createAccount,
  createConsultation,
  expectAccessible,
  signIn,
  sql,
  uniqueSlug,
} from "./helpers";
import { seedVariedItems } from "../test/seed-varied-items";

const COMMENTS = [
  "The procurement rules are unclear for small suppliers.",
  "Procurement rules should be simpler for municipalities.",
  "We think the procurement rules need a definition.",
  "Die Vergaberegeln sind für kleine Unternehmen viel zu kompliziert und sollten vereinfacht werden.",
  "Die Vergaberegeln müssen für kleine Unternehmen klarer formuliert und einheitlich angewendet werden.",
];

/** A consultation whose clause 1.1 has the comments above, one response each. */
async function consultationWithComments() {
  const slug = uniqueSlug("themes");
  const id = await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    for (const [n, comment] of COMMENTS.entries()) {
      const { rows } = await client.query(
        `INSERT INTO response (consultation_id, reference, idempotency_key, locale, channel, respondent_type, country, public_sector, publication, privacy_consent_at)
         VALUES ($1, $2, $2, 'en', 'web', 'individual', 'FR', true, 'anonymous', now()) RETURNING id`,
        [id, `${slug.toUpperCase()}-${n}`],
      );
      await client.query(
        `INSERT INTO feedback_item (response_id, clause_id, aspect, position, rating, comment)
         SELECT $1, c.id, 'clarity', 0, 3, $3 FROM clause c WHERE c.consultation_id = $2 AND c.key = '1.1'`,
        [rows[0].id, id, comment],
      );
    }
  } finally {
    await client.end();
  }
  return { slug, id };
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

test("the queue links the consultation workbook beside the CSV; it downloads with its four sheets", async ({
  page,
}) => {
  const { slug } = await consultationWithComments();
  await signIn(page, await createAccount("moderator"));
  await page.goto(`/en/moderate?c=${slug}`);
  // Beside the CSV export, in the same section.
  const exports = page.getByRole("region", { name: "Export" });
  await expect(exports.getByRole("link", { name: "Download CSV (spreadsheet)" })).toBeVisible();
  const xlsx = exports.getByRole("link", { name: "Download workbook (XLSX, for a committee)" });
  await expect(xlsx).toBeVisible();

  const download = page.waitForEvent("download");
  await xlsx.click();
  const file = await (await download).path();
  expect((await download).suggestedFilename()).toMatch(new RegExp(`^${slug}-workbook-.*\\.xlsx$`));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Overview", "Items", "Terminology", "Response matrix"]);
  expect(wb.worksheets[1].rowCount).toBe(COMMENTS.length + 1);
  expect(wb.worksheets[1].getRow(1).getCell(1).value).toBe("reference");

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page);
  }
});

test("the overview shows the comments' themes per clause, aspect and language, each linked to the queue; the queue filters by detected language", async ({
  page,
}) => {
  const { slug } = await consultationWithComments();
  await signIn(page, await createAccount("moderator"));
  // The job runs every 5 minutes; here it is asked for at once (the server's worker takes it).
  await sql(`SELECT graphile_worker.add_job('refresh-themes', '{}'::json)`);
  await page.goto(`/en/moderate/overview?c=${slug}`);
  const themes = page.getByRole("region", { name: "Themes in the comments" });
  await expect(async () => {
    await page.reload();
    await expect(themes.getByRole("link", { name: "procurement rules", exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(themes).toContainText(/Computed on .* from 5 comments\./);
  const english = themes.getByRole("row", { name: /^Action 1\.1 Clarity English/ });
  await expect(english).toContainText("procurement rules (3)");
  const german = themes.getByRole("row", { name: /^Action 1\.1 Clarity German/ });
  await expect(german.getByRole("link", { name: "vergaberegeln", exact: true })).toBeVisible();
  await expect(german).toContainText("kleine unternehmen (2)");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page);
    expect(await noSidewaysScroll(page)).toBe(true);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // The phrase opens the queue searched for it, on its clause, aspect and language.
  await english.getByRole("link", { name: "procurement rules", exact: true }).click();
  await expect(page).toHaveURL(/\/en\/moderate\?.*q=%22procurement\+rules%22/);
  await expect(page).toHaveURL(/lang=eng/);
  await expect(page.getByRole("link", { name: /^Open / })).toHaveCount(3);

  // German comments are marked in the queue, and the filter finds them.
  await page.goto(`/en/moderate?c=${slug}&lang=deu`);
  await expect(page.getByRole("link", { name: /^Open / })).toHaveCount(2);
  await expect(page.getByText("Written in German")).toHaveCount(2);
  await page.goto(`/fr/moderate?c=${slug}&lang=other`);
  await expect(page.getByText("Écrit en allemand")).toHaveCount(2);
  await expectAccessible(page);
});

test("without JavaScript, the queue's language filter works", async ({ browser }) => {
  const { slug } = await consultationWithComments();
  await sql(`SELECT graphile_worker.add_job('refresh-themes', '{}'::json)`);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, await createAccount("moderator"));
  await expect(async () => {
    await page.goto(`/en/moderate?c=${slug}`);
    await page.getByText("Filters").first().click();
    await page.getByLabel("Language (detected)").selectOption("deu", { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/lang=deu/);
  await expect(page.getByRole("link", { name: /^Open / })).toHaveCount(2);
  await context.close();
});

test("the results page prints as a report: no navigation, a page per clause, the reference and date at the foot", async ({
  page,
}) => {
  const slug = uniqueSlug("print");
  const id = await createConsultation({ slug, closesAt: new Date(Date.now() + 3_600_000) });
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await seedVariedItems(client, id, 40);
    await client.query(`UPDATE consultation SET closes_at = now() - interval '1 millisecond' WHERE id = $1`, [id]);
    await client.query(`UPDATE consultation SET results_published_at = now() WHERE id = $1`, [id]);
  } finally {
    await client.end();
  }
  await announceChange();
  await page.goto(`/en/c/${slug}/results`);
  const contents = page.getByRole("navigation", { name: "Contents" });
  await expect(contents).toBeVisible();
  const footer = page.locator("[data-print-footer]");
  await expect(footer).toBeHidden();

  await page.emulateMedia({ media: "print" });
  await expect(contents).toBeHidden();
  await expect(page.locator("body > header")).toBeHidden();
  await expect(footer).toBeVisible();
  await expect(footer).toContainText(/· reference TEST · results of /);
  const breaks = await page
    .locator(".print\\:break-before-page")
    .evaluateAll((els) => els.map((e) => getComputedStyle(e).breakBefore));
  expect(breaks.length).toBeGreaterThan(0);
  expect(new Set(breaks)).toEqual(new Set(["page"]));
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(10_000);
  await page.emulateMedia({ media: "screen" });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page);
  }
});
