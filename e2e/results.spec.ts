// Results people can read (issue 11, item 6): a summary and contents first, then per clause the final text
// with its redline, ratings, decisions and a few published comments; the rest on the clause's own pages.
// The page's length depends on the number of clauses, not of comments.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { announceChange, createConsultation, expectAccessible, uniqueSlug } from "./helpers";
import { seedVariedItems } from "../test/seed-varied-items";

const RESPONSES = 1200;

/** A closed consultation of eight clauses with some two thousand varied items, a clause re-worded after closing, results published. */
async function publishedResults() {
  const slug = uniqueSlug("results");
  const id = await createConsultation({ slug, closesAt: new Date(Date.now() + 3_600_000) });
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    for (const [n, position] of [
      [2, 2],
      [3, 5],
    ] as const) {
      const { rows } = await client.query(
        `INSERT INTO clause (consultation_id, key, kind, number, position, heading_en, heading_fr, body_en, body_fr)
         VALUES ($1, $2, 'principle', $2, $3, $4, $5, 'Principle text.', 'Texte du principe.') RETURNING id`,
        [id, String(n), position, `Principle number ${n}`, `Principe numéro ${n}`],
      );
      for (const a of [1, 2]) {
        await client.query(
          `INSERT INTO clause (consultation_id, parent_id, key, kind, number, position, body_en, body_fr) VALUES ($1, $2, $3, 'action', $3, $4, 'Action text.', 'Texte de l''action.')`,
          [id, rows[0].id, `${n}.${a}`, position + a],
        );
      }
    }
    await seedVariedItems(client, id, RESPONSES);
    // Closed after the clauses were written, before the final text is (a later statement, so a later now()).
    await client.query(`UPDATE consultation SET closes_at = now() - interval '1 millisecond' WHERE id = $1`, [id]);
    // The final text of 1.1, written after closing (a new version of the draft).
    await client.query(
      `UPDATE clause SET body_en = 'Act early on weak signals.', body_fr = 'Agir tôt sur les signaux faibles.', text_version = 2 WHERE consultation_id = $1 AND key = '1.1'`,
      [id],
    );
    await client.query(`UPDATE consultation SET results_published_at = now() WHERE id = $1`, [id]);
    const counted = `FROM response r WHERE r.consultation_id = $1 AND r.withdrawn_at IS NULL
      AND EXISTS (SELECT 1 FROM feedback_item fi JOIN feedback_triage tr ON tr.feedback_item_id = fi.id WHERE fi.response_id = r.id AND tr.status NOT IN ('spam', 'duplicate'))`;
    const responses = Number((await client.query(`SELECT count(*) AS n ${counted}`, [id])).rows[0].n);
    const organisations = Number(
      (await client.query(`SELECT count(*) AS n ${counted} AND r.respondent_type = 'organisation'`, [id])).rows[0].n,
    );
    await announceChange(); // closed and published by SQL: no server keeps the copy it read while open
    return { slug, responses, organisations };
  } finally {
    await client.end();
  }
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

test("the results open with a summary and contents, give each clause its redline, ratings and decisions, and stay short", async ({
  page,
}) => {
  const { slug, responses, organisations } = await publishedResults();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/en/c/${slug}/results`);
  await expect(page.getByRole("heading", { level: 1, name: /^Results:/ })).toBeVisible();

  const byType = page.getByRole("table", { name: "Responses by type of respondent" });
  await expect(byType.getByRole("row", { name: /^An organisation / })).toContainText(
    organisations.toLocaleString("en"),
  );
  await expect(byType.getByRole("row", { name: /^Total / })).toContainText(responses.toLocaleString("en"));
  await expect(
    page.getByRole("table", { name: "Responses by country" }).getByRole("row", { name: /^Japan / }),
  ).toBeVisible();
  await expect(
    page
      .getByRole("table", { name: "Comments and ratings by aspect" })
      .getByRole("row", { name: /^Clarity .* out of 5 \(\d+ ratings\)/ }),
  ).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Decisions by kind" }).getByRole("row", { name: /^Partly accepted \d+/ }),
  ).toBeVisible();

  // Principle titles are kept, in the contents and on the sections; the contents lead to each section.
  const contents = page.getByRole("navigation", { name: "Contents" });
  await expect(contents.getByRole("link", { name: "Principle 1: First principle" })).toBeVisible();
  await contents.getByRole("link", { name: "Principle 3: Principle number 3" }).click();
  await expect(page).toHaveURL(/#r-3$/);
  await expect(page.getByRole("heading", { level: 2, name: "Principle 3: Principle number 3" })).toBeInViewport();

  // The redline: words added marked (and said) as added; an unchanged clause says so.
  const action = page.getByRole("region", { name: "Action 1.1" });
  await expect(
    action.getByRole("heading", { name: "Final text, with the changes from the consulted draft" }),
  ).toBeVisible();
  await expect(action.locator("ins")).toHaveText(["[added: early ]"]);
  await expect(action.locator("del")).toHaveCount(0);
  await expect(
    page
      .getByRole("region", { name: "Action 2.1" })
      .getByRole("heading", { name: "Final text (unchanged from the consulted draft)" }),
  ).toBeVisible();
  await expect(
    action
      .getByRole("table", { name: "Comments and ratings on Action 1.1, by aspect" })
      .getByRole("row", { name: /^Clarity \d+ .* out of 5/ }),
  ).toBeVisible();
  const decisions = action.getByRole("table", { name: "Decisions on the comments about Action 1.1" });
  await expect(decisions.getByRole("row", { name: /^No decision recorded \d+$/ })).toBeVisible();

  // Unpublished comments are counted, never listed one by one; the page is bounded.
  await expect(page.getByText("(comment not published)")).toHaveCount(0);
  await expect(action.getByText(/of the \d+ comments and ratings on this clause are published comments/)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(15_000);
  await expectAccessible(page);

  await page.setViewportSize({ width: 390, height: 844 });
  expect(await noSidewaysScroll(page)).toBe(true);

  await page.goto(`/fr/c/${slug}/results`);
  await expect(page.getByRole("heading", { level: 1, name: /^Résultats/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Réponses par type de répondant" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Action 1.1" }).locator("ins")).toHaveText([/^\[ajouté\s*: tôt \]$/]);
  expect(await noSidewaysScroll(page)).toBe(true);
  await expectAccessible(page);
});

test("each clause's published comments page through from the results, by keyboard, every one once", async ({
  page,
}) => {
  const { slug } = await publishedResults();
  await page.goto(`/en/c/${slug}/results`);
  const action = page.getByRole("region", { name: "Action 1.1" });
  await expect(action.getByRole("list", { name: "Published comments" }).getByRole("listitem")).toHaveCount(3);
  const all = action.getByRole("link", { name: /^Show all \d+ published comments on Action 1\.1$/ });
  const total = Number((await all.textContent())!.match(/\d+/)![0]);
  expect(total).toBeGreaterThan(25);
  await all.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/en/c/${slug}/results/1\\.1$`));
  await expect(page.getByRole("heading", { level: 1, name: "Published comments on Action 1.1" })).toBeVisible();
  const pages = Math.ceil(total / 25);
  const pager = page.getByRole("navigation", { name: "Pages of comments" }).first();
  await expect(pager).toContainText(`Page 1 of ${pages}`);
  await expectAccessible(page);

  const seen: string[] = [];
  for (let p = 1; p <= pages; p++) {
    if (p > 1) {
      await pager.getByRole("link", { name: "Next page" }).click();
      await expect(page).toHaveURL(new RegExp(`\\?page=${p}$`));
      await expect(pager).toContainText(`Page ${p} of ${pages}`);
    }
    seen.push(
      ...(await page.getByRole("list", { name: "Published comments" }).getByRole("listitem").allTextContents()),
    );
  }
  expect(seen).toHaveLength(total);
  expect(new Set(seen).size).toBe(total);
  await expect(pager.getByRole("link", { name: "Next page" })).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await noSidewaysScroll(page)).toBe(true);

  for (const bad of [`1.1?page=${pages + 1}`, "1.1?page=0", "1.1?page=abc", "9.9"]) {
    const r = await page.goto(`/en/c/${slug}/results/${bad}`);
    expect(r?.status(), bad).toBe(404);
  }
  const general = await page.goto(`/fr/c/${slug}/results/general`);
  expect(general?.status()).toBe(200);
  await expect(
    page.getByRole("heading", {
      level: 1,
      name: "Commentaires publiés sur Commentaires généraux sur l’ensemble du projet",
    }),
  ).toBeVisible();
  await expectAccessible(page);
});
