// Issue 15, section 5: anyone reports a published comment (the comments page and the results pages); moderators
// keep or withdraw its publication with a reason, and a withdrawn comment leaves the public pages.
import { expect, test, type Page } from "@playwright/test";
import {
  announceChange,
  createAccount,
  createConsultation,
  expectAccessible,
  withoutJavaScript,
  signIn,
  sql,
  uniqueSlug,
} from "./helpers";

/** A consultation of the test's own with one anonymous comment a moderator cleared for publication. */
async function publishedComment(request: import("@playwright/test").APIRequestContext, text: string) {
  const slug = uniqueSlug("reports");
  const id = await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
  const r = await request.post(`/api/consultations/${slug}/responses`, {
    data: {
      generalComment: text,
      respondent: {
        type: "individual",
        country: "FR",
        publicSector: false,
        publication: "anonymous",
        privacyConsent: true,
      },
    },
  });
  expect(r.status()).toBe(201);
  const [item] = await sql<{ id: string }>(
    `UPDATE feedback_item fi SET cleared_at = now() FROM response r
     WHERE r.id = fi.response_id AND r.consultation_id = $1 RETURNING fi.id`,
    [id],
  );
  await announceChange();
  return { slug, id, item: item.id };
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test("a visitor reports a published comment: the list of reasons, a clear error, a thank-you; only the address's keyed hash is kept", async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  const text = `Please call ${uniqueSlug("someone")} on their mobile`;
  const { slug, item } = await publishedComment(request, text);
  await page.goto(`/en/c/${slug}/comments`);
  await expect(page.getByText(text)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Report this comment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Report a comment" })).toBeVisible();
  await expect(page.getByRole("blockquote")).toContainText(text);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Send the report" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary.getByRole("link", { name: "Choose why the comment should not be public" })).toBeVisible();
  await expectAccessible(page);
  const reasons = page.getByRole("group", { name: "Why should it not be public?" });
  await expect(reasons.getByRole("radio")).toHaveCount(5);
  await reasons.getByLabel("Another reason").check();
  await page.getByRole("button", { name: "Send the report" }).click();
  await expect(summary.getByRole("link", { name: "Tell us more about the reason" })).toBeVisible();
  await page.getByLabel("Tell us more").fill("It gives a private phone owner's details");
  await page.getByRole("button", { name: "Send the report" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Thank you: your report was sent" })).toBeVisible();
  await expectAccessible(page);

  const rows = await sql<{ reason: string; details: string; reporter_hash: string }>(
    `SELECT reason, details, reporter_hash FROM comment_report WHERE feedback_item_id = $1`,
    [item],
  );
  expect(rows).toEqual([
    {
      reason: "other",
      details: "It gives a private phone owner's details",
      reporter_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    },
  ]);

  // In French, at a phone's width.
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`/fr/c/${slug}/comments/${item}/report`);
  await expect(page.getByRole("heading", { level: 1, name: "Signaler un commentaire" })).toBeVisible();
  await expectAccessible(page);
  await noSidewaysScroll(page);
  // A comment the public does not read is "not found".
  expect((await request.get(`/en/c/${slug}/comments/00000000-0000-4000-8000-000000000000/report`)).status()).toBe(404);
});

// axe needs JavaScript in the page: the pages of this test are scanned in the others.
test("without JavaScript: a report, then a moderator withdraws the comment with a reason and it leaves the comments page and the results", async ({
  browser,
  page,
  request,
}) => {
  test.setTimeout(300_000);
  const text = `Offensive words ${uniqueSlug("w")}`;
  const { slug, id, item } = await publishedComment(request, text);
  // The results are published too (the copy is made on first read), so the comment shows there as well.
  await sql(
    `UPDATE consultation SET closes_at = now() - interval '1 second', results_published_at = now() WHERE id = $1`,
    [id],
  );
  await announceChange();

  await withoutJavaScript(browser, async (page) => {
    await page.goto(`/en/c/${slug}/results/general`);
    await expect(page.getByText(text)).toBeVisible();
    await page.getByRole("link", { name: "Report this comment" }).click();
    await page
      .getByRole("group", { name: "Why should it not be public?" })
      .getByLabel("It is offensive or abusive")
      .check();
    await page.getByRole("button", { name: "Send the report" }).click();
    await expect(page.getByText("Thank you: your report was sent")).toBeVisible();
  });

  await withoutJavaScript(browser, async (page) => {
    await signIn(page, await createAccount("moderator"), { path: `/en/moderate/reports` });
    await page.goto(`/en/moderate/reports?c=${slug}`);
    const entry = page.getByRole("listitem").filter({ hasText: text });
    await expect(entry).toContainText("1 report waiting (1 in all)");
    await expect(entry).toContainText("It is offensive or abusive: 1");
    await page.getByRole("button", { name: "Record the decision" }).click();
    await expect(page.getByRole("link", { name: "Choose to keep or withdraw the publication" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Give the reason for the decision" })).toBeVisible();
    await page.getByLabel("Withdraw the publication").check();
    await page.getByLabel("Reason for the decision").fill("Abusive towards a named official");
    await page.getByRole("button", { name: "Record the decision" }).click();
    await expect(page.getByText("Decision recorded")).toBeVisible();
    await expect(page.getByText("1 report closed.")).toBeVisible();

    // Logged on the item's history.
    await page.goto(`/en/moderate/items/${item}`);
    await expect(
      page.getByText("Report: publication withdrawn. Abusive towards a named official").first(),
    ).toBeVisible();

    await page.goto(`/en/moderate/reports?c=${slug}&state=all`);
    await expect(page.getByRole("listitem").filter({ hasText: text })).toContainText(
      "Last decision: publication withdrawn by Test moderator",
    );
  });

  // The public pages (served from the page cache) change through the announcement the decision made.
  await expect.poll(async () => (await request.get(`/en/c/${slug}/comments`)).text()).not.toContain(text);
  await expect.poll(async () => (await request.get(`/en/c/${slug}/results/general`)).text()).not.toContain(text);
  const results = await (await request.get(`/en/c/${slug}/results/general`)).text();
  expect(results).toContain("This comment was withdrawn by a moderator after a report.");
  expect((await request.get(`/api/consultations/${slug}/published`)).ok()).toBe(true);
  expect(await (await request.get(`/api/consultations/${slug}/published`)).text()).not.toContain(text);
  // The results page as a reader with JavaScript sees it (axe needs it).
  await page.goto(`/en/c/${slug}/results/general`);
  await expect(page.getByText("This comment was withdrawn by a moderator after a report.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Report this comment" })).toHaveCount(0);
  await expectAccessible(page);
});

test("a moderator keeps a reported comment: the reports close, the comment stays public", async ({ page, request }) => {
  test.setTimeout(300_000);
  const text = `A fair if blunt criticism ${uniqueSlug("k")}`;
  const { slug, item } = await publishedComment(request, text);
  await sql(
    `INSERT INTO comment_report (feedback_item_id, reason) VALUES ($1, 'off_topic'), ($1, 'off_topic'), ($1, 'spam')`,
    [item],
  );
  await signIn(page, await createAccount("moderator"), { path: `/en/moderate/reports` });
  await page.goto(`/en/moderate/reports?c=${slug}`);
  const entry = page.getByRole("listitem").filter({ hasText: text });
  await expect(entry).toContainText("3 reports waiting (3 in all)");
  await expect(entry).toContainText("It is off topic: 2");
  await expectAccessible(page);
  await entry.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByRole("link", { name: "Choose to keep or withdraw the publication" })).toBeVisible();
  await expectAccessible(page);
  await entry.getByLabel("Keep the publication").check();
  await entry.getByLabel("Reason for the decision").fill("Criticism of the draft, on topic");
  await entry.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByRole("status").filter({ hasText: "3 reports closed." })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/en/moderate/reports?c=${slug}`);
  await expect(page.getByText("No reported comments here.")).toBeVisible();
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`/fr/moderate/reports?c=${slug}&state=all`);
  await expect(page.getByRole("heading", { level: 1, name: "Commentaires signalés" })).toBeVisible();
  await expect(page.getByText("Dernière décision\u202f: publication maintenue")).toBeVisible();
  await expectAccessible(page);
  await noSidewaysScroll(page);
  expect(await (await request.get(`/en/c/${slug}/comments`)).text()).toContain(text);
});
