// Issue 15, section 7: a draft of recommendations and articles, not principles and actions. The admin sets the
// consultation's words for its parts (both languages), the Markdown import reads the draft with them, and every public
// page names the clauses with them.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import {
  announceChange,
  createAccount,
  expectAccessible,
  fillAboutYou,
  signIn,
  sql,
  uniqueSlug,
  withoutJavaScript,
} from "./helpers";

const fixture = (lang: "en" | "fr") => ({
  name: `recommendations-${lang}.md`,
  mimeType: "text/markdown",
  buffer: readFileSync(`test/fixtures/recommendations-${lang}.md`),
});
const local = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);

async function fillConsultation(page: Page, slug: string, labels: Record<string, string>) {
  await page.getByLabel("Web address (slug)").fill(slug);
  await page.getByLabel("Reference prefix").fill("REC");
  for (const [label, value] of [
    ["Title in English", "Recommendation on public sector innovation"],
    ["Title in French", "Recommandation sur l’innovation dans le secteur public"],
    ["Summary in English", "A summary."],
    ["Summary in French", "Un résumé."],
    ["What feedback is asked for, in English", "Clarity."],
    ["What feedback is asked for, in French", "Clarté."],
    ["Who may respond, in English", "Anyone."],
    ["Who may respond, in French", "Tout le monde."],
    ...Object.entries(labels),
  ])
    await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel("Time zone of the dates").selectOption("UTC");
  await page.getByLabel("Opens").fill(local(-1));
  await page.getByLabel("Closes (the deadline)").fill(local(10));
  await page.locator("#cf-markdownEnFile").setInputFiles(fixture("en"));
  await page.locator("#cf-markdownFrFile").setInputFiles(fixture("fr"));
}

const LABELS = {
  "Section, in English": "Recommendation",
  "Section, in French": "Recommandation",
  "Item, in English": "Article",
  "Item, in French": "Article",
};

test("an admin sets the words of a draft of recommendations: a label with a number is refused, clearly", async ({
  page,
}) => {
  await signIn(page, await createAccount("admin"), { path: "/en/admin/consultations/new" });
  await expect(page.getByRole("heading", { name: "What the draft calls its parts" })).toBeVisible();
  await fillConsultation(page, uniqueSlug("rec-bad"), { ...LABELS, "Section, in English": "Recommendation 1" });
  await page.getByRole("button", { name: "Check the draft" }).click();
  await expect(
    page.getByRole("link", { name: "Section, in English: write one word or a few, without numbers" }),
  ).toBeVisible();
  await expect(page.getByLabel("Item, in French", { exact: true })).toHaveValue("Article");
  await expectAccessible(page);
  await page.getByLabel("Section, in English", { exact: true }).fill("Recommendation");
  await page.getByRole("button", { name: "Check the draft" }).click();
  await expect(page.getByTestId("aligned")).toContainText("8 clauses");
  await expectAccessible(page);
});

test("a draft of recommendations, authored without JavaScript, is named in its own words on every public page", async ({
  browser,
  page,
}) => {
  test.setTimeout(300_000);
  const slug = uniqueSlug("rec");
  const admin = await createAccount("admin");
  await withoutJavaScript(browser, async (nojs) => {
    await signIn(nojs, admin, { path: "/en/admin/consultations/new" });
    await fillConsultation(nojs, slug, LABELS);
    await nojs.getByRole("button", { name: "Check the draft" }).click();
    await expect(nojs.getByTestId("aligned")).toContainText("8 clauses");
    await nojs.getByRole("button", { name: "Save as a draft (not public)" }).click();
    await expect(nojs.getByRole("heading", { name: "Saved as a draft" })).toBeVisible();
  });
  expect(
    await sql(
      `SELECT section_label_en, section_label_fr, item_label_en, item_label_fr FROM consultation WHERE slug = $1`,
      [slug],
    ),
  ).toEqual([
    {
      section_label_en: "Recommendation",
      section_label_fr: "Recommandation",
      item_label_en: "Article",
      item_label_fr: "Article",
    },
  ]);
  await sql(`UPDATE consultation SET published_at = now() WHERE slug = $1`, [slug]);
  await announceChange();

  // The draft, in both languages.
  await page.goto(`/en/c/${slug}`);
  await expect(page.getByRole("heading", { name: "Recommendation 2: Invest in people" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Article 2.1", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Comment on Article 2.1" })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(/Principle \d|Action \d/);
  await expectAccessible(page);
  await page.goto(`/fr/c/${slug}`);
  await expect(page.getByRole("heading", { name: /^Recommandation 2\W+Investir dans les personnes$/ })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(/Principe \d|Action \d/);
  await expectAccessible(page);

  // The response form and the receipt.
  await page.goto(`/en/c/${slug}/respond?clause=2.1`);
  const block = page.locator('details[data-clause="2.1"]');
  await expect(block.locator("summary")).toContainText("Article 2.1");
  await block.getByLabel(/What is unclear/).fill("Which officials count?");
  await fillAboutYou(page, { type: "An individual" });
  await expectAccessible(page);
  await page.getByRole("button", { name: "Submit your response" }).click();
  await expect(page.getByText("Article 2.1 –").first()).toBeVisible();
  await expectAccessible(page);

  // Published comments and results.
  await sql(
    `UPDATE feedback_item fi SET cleared_at = now() FROM response r WHERE r.id = fi.response_id AND r.consultation_id = (SELECT id FROM consultation WHERE slug = $1)`,
    [slug],
  );
  await announceChange();
  await page.goto(`/en/c/${slug}/comments`);
  await expect(page.getByRole("main").getByText("Article 2.1 – Clarity")).toBeVisible();
  await expect(page.getByRole("option", { name: "Recommendation 1" })).toHaveCount(1);
  await expectAccessible(page);
  await sql(
    `UPDATE consultation SET closes_at = now() - interval '1 second', results_published_at = now() WHERE slug = $1`,
    [slug],
  );
  await announceChange();
  await page.goto(`/en/c/${slug}/results`);
  await expect(page.getByRole("heading", { name: "Recommendation 2: Invest in people" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Article 2.1", exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/fr/c/${slug}/results/2.1`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Article 2.1");
  await expectAccessible(page);
});
