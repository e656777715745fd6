import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createAccount, createConsultation, expectAccessible, signIn, sql, uniqueSlug } from "./helpers";

/** A consultation of the test's own: five general comments and two comments on action 1.1. */
async function consultationWithComments(request: APIRequestContext) {
  const slug = uniqueSlug("bulk");
  await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
  const respondent = {
    type: "individual",
    country: "FR",
    publicSector: false,
    publication: "anonymous",
    privacyConsent: true,
  };
  for (let i = 0; i < 5; i++) {
    const r = await request.post(`/api/consultations/${slug}/responses`, {
      data: { generalComment: `General comment number ${i} for ${slug}.`, respondent },
    });
    expect(r.status()).toBe(201);
  }
  for (let i = 0; i < 2; i++) {
    const r = await request.post(`/api/consultations/${slug}/responses`, {
      data: { feedback: [{ clause: "1.1", clarity: { rating: 2, comment: `Unclear, ${i}.` } }], respondent },
    });
    expect(r.status()).toBe(201);
  }
  return slug;
}

/** "aspect disposition reason version" of every item of the consultation, sorted. */
async function decisions(slug: string): Promise<string[]> {
  const rows = await sql<{ line: string }>(
    `SELECT concat_ws(' ', fi.aspect, coalesce(tr.disposition::text, '-'), coalesce(tr.disposition_reason, '-'), 'v' || tr.version) AS line
     FROM feedback_item fi JOIN feedback_triage tr ON tr.feedback_item_id = fi.id JOIN response r ON r.id = fi.response_id JOIN consultation c ON c.id = r.consultation_id WHERE c.slug = $1`,
    [slug],
  );
  return rows.map((r) => r.line).sort();
}

/** Two of the general comments grouped as a campaign, straight into the database. */
async function campaignOfTwo(slug: string): Promise<string> {
  const [{ id }] = await sql<{ id: string }>(
    `INSERT INTO campaign (consultation_id, fingerprint, sample) SELECT id, md5($1), 'General comment' FROM consultation WHERE slug = $1 RETURNING id`,
    [slug],
  );
  await sql(
    `UPDATE feedback_triage SET campaign_id = $2 WHERE feedback_item_id IN (
       SELECT fi.id FROM feedback_item fi JOIN response r ON r.id = fi.response_id JOIN consultation c ON c.id = r.consultation_id
       WHERE c.slug = $1 AND fi.aspect = 'general' ORDER BY r.number LIMIT 2)`,
    [slug, id],
  );
  return id;
}

const bar = (page: Page) => page.getByRole("region", { name: "Change many items" });
const noSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

test("with JavaScript: a decision on all items matching the filter, on ticked items and on a campaign, each after a confirmation that counts what changes", async ({
  page,
  request,
}) => {
  const slug = await consultationWithComments(request);
  await signIn(page, await createAccount("moderator"));
  await page.goto(`/en/moderate?c=${slug}&aspect=general`);

  // All 5 matching the filter (the page shows them, but the server counts them).
  await bar(page).getByRole("radio", { name: "All 5 items matching this filter" }).check();
  await bar(page).getByRole("radio", { name: "Accepted", exact: true }).check();
  await bar(page).getByLabel("Reason (optional)").fill("Taken into the next draft.");
  await bar(page).getByRole("button", { name: "Set the decision…" }).click();
  const confirm = bar(page).getByRole("group", { name: "Check before applying" });
  await expect(confirm).toContainText(
    "Set decision “Accepted” with this reason on 5 items (of 5 matching this filter; 0 already have it).",
  );
  await expect(confirm).toContainText("Reason: Taken into the next draft.");
  await expect(confirm).toBeFocused();
  await expectAccessible(page);
  // Nothing is written before the confirmation.
  expect((await decisions(slug)).filter((l) => l.includes("accepted"))).toEqual([]);
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(
    bar(page).getByRole("status").filter({ hasText: "5 items now have decision “Accepted”." }),
  ).toBeVisible();
  expect(await decisions(slug)).toEqual([
    ...Array(2).fill("clarity - - v1"),
    ...Array(5).fill("general accepted Taken into the next draft. v2"),
  ]);

  // The same again: nothing to change, and it says so.
  await bar(page).getByRole("button", { name: "Set the decision…" }).click();
  await expect(confirm).toContainText("Nothing to change: all 5 items already have it.");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);

  // Ticked items only: one of them.
  await page
    .getByRole("checkbox", { name: /^Select / })
    .first()
    .check();
  await bar(page).getByRole("radio", { name: "The items ticked on this page" }).check();
  await bar(page).getByRole("radio", { name: "Not accepted", exact: true }).check();
  await bar(page).getByLabel("Reason (optional)").fill("");
  await bar(page).getByRole("button", { name: "Set the decision…" }).click();
  await expect(confirm).toContainText(
    "Set decision “Not accepted” with no reason on 1 item (of 1 ticked; 0 already have it).",
  );
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(
    bar(page).getByRole("status").filter({ hasText: "1 item now has decision “Not accepted”." }),
  ).toBeVisible();
  expect((await decisions(slug)).filter((l) => l.startsWith("general not_accepted - v3"))).toHaveLength(1);

  // A whole campaign, from its view.
  const campaign = await campaignOfTwo(slug);
  await page.goto(`/en/moderate?c=${slug}&campaign=${campaign}`);
  const whole = page.getByRole("group", { name: "Decision for all 2 items of this campaign" });
  await whole.getByRole("radio", { name: "Partly accepted" }).check();
  await whole.getByLabel("Reason (optional)").fill("One answer for the form letter.");
  await whole.getByRole("button", { name: "Set the decision…" }).click();
  await expect(whole.getByRole("group", { name: "Check before applying" })).toContainText(
    "Set decision “Partly accepted” with this reason on 2 items (of 2 in this campaign; 0 already have it).",
  );
  await expectAccessible(page);
  await whole.getByRole("button", { name: "Confirm" }).click();
  await expect(
    whole.getByRole("status").filter({ hasText: "2 items now have decision “Partly accepted”." }),
  ).toBeVisible();
  expect(
    (await decisions(slug)).filter((l) => l.startsWith("general partly_accepted One answer for the form letter.")),
  ).toHaveLength(2);

  // The no-JavaScript confirmation page (its own test below): accessible, and no sideways scroll at 390 px.
  await page.goto(
    `/en/moderate/bulk/confirm?c=${slug}&scope=matching&filter=aspect%3Dgeneral&bulkDecision=accepted&bulkReason=Again`,
  );
  await expect(
    page.getByText(
      /Set decision “Accepted” with this reason on 5 items \(of 5 matching this filter; 0 already have it\)\./,
    ),
  ).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await noSideways(page)).toBe(true);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the confirmation is its own page: Cancel goes back to the queue with the filter, Confirm applies and the queue says what changed", async ({
    page,
    request,
  }) => {
    const slug = await consultationWithComments(request);
    await signIn(page, await createAccount("moderator"));
    await page.goto(`/en/moderate?c=${slug}&aspect=general`);
    // The count is streamed in (the queue never waits for it): without JavaScript it may stay uncounted here.
    await bar(page)
      .getByRole("radio", { name: /^All (5 )?items matching this filter$/ })
      .check();
    await bar(page).getByRole("radio", { name: "Partly accepted" }).check();
    await bar(page).getByLabel("Reason (optional)").fill("Partly, see 1.1.");
    await bar(page).getByRole("button", { name: "Set the decision…" }).click();
    await page.waitForURL((u) => u.pathname === "/en/moderate/bulk/confirm");
    await expect(page.getByRole("heading", { level: 1, name: "Confirm a decision on many items" })).toBeVisible();
    await expect(
      page.getByText(
        "Set decision “Partly accepted” with this reason on 5 items (of 5 matching this filter; 0 already have it).",
      ),
    ).toBeVisible();
    const confirmUrl = page.url();

    await page.getByRole("link", { name: "Cancel" }).click();
    await page.waitForURL(
      (u) =>
        u.pathname === "/en/moderate" && u.searchParams.get("aspect") === "general" && u.searchParams.get("c") === slug,
    );
    expect((await decisions(slug)).every((l) => l.includes(" - - v1"))).toBe(true);

    await page.goto(confirmUrl);
    await page.getByRole("button", { name: "Confirm" }).click();
    await page.waitForURL((u) => u.pathname === "/en/moderate" && u.searchParams.get("aspect") === "general");
    await expect(bar(page).getByText("5 items now have decision “Partly accepted”.")).toBeVisible();
    expect(await decisions(slug)).toEqual([
      ...Array(2).fill("clarity - - v1"),
      ...Array(5).fill("general partly_accepted Partly, see 1.1. v2"),
    ]);

    // A whole campaign, from its view, through the same page.
    const campaign = await campaignOfTwo(slug);
    await page.goto(`/en/moderate?c=${slug}&campaign=${campaign}`);
    const whole = page.getByRole("group", { name: "Decision for all 2 items of this campaign" });
    await whole.getByRole("radio", { name: "No decision (remove it)" }).check();
    await whole.getByRole("button", { name: "Set the decision…" }).click();
    await expect(
      page.getByText("Remove the decision and its reason from 2 items (of 2 in this campaign; 0 already have it)."),
    ).toBeVisible();
    await page.getByRole("button", { name: "Confirm" }).click();
    await page.waitForURL((u) => u.pathname === "/en/moderate" && u.searchParams.get("campaign") === campaign);
    await expect(page.getByText("2 items no longer have a decision.")).toBeVisible();
    expect((await decisions(slug)).filter((l) => l === "general - - v3")).toHaveLength(2);

    // Bad input is said on the page, never a 500.
    await page.goto(`/en/moderate/bulk/confirm?c=${slug}&scope=selected&filter=`);
    await expect(page.getByText("Choose a decision")).toBeVisible();
    await page.goto(`/en/moderate/bulk/confirm?c=${slug}&scope=selected&filter=&bulkDecision=accepted`);
    await expect(page.getByText("Tick at least one item, or choose all items matching this filter")).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to the queue" })).toHaveAttribute(
      "href",
      `/en/moderate?c=${slug}`,
    );
  });
});

test("the confirmation page is not found for a delegate, nor for a moderator on a hidden draft", async ({
  browser,
  request,
}) => {
  const slug = await consultationWithComments(request);
  const draft = uniqueSlug("bulk-draft");
  await createConsultation({ slug: draft, closesAt: new Date(Date.now() + 86_400_000), draft: true });
  const delegate = await (await browser.newContext()).newPage();
  await signIn(delegate, await createAccount("delegate"), { path: "/en" });
  await delegate.goto(`/en/moderate/bulk/confirm?c=${slug}&scope=matching&bulkDecision=accepted`);
  await expect(delegate.getByRole("heading", { level: 1 })).toHaveText(/Page not found/);
  const moderator = await (await browser.newContext()).newPage();
  await signIn(moderator, await createAccount("moderator"), { path: "/en" });
  await moderator.goto(`/en/moderate/bulk/confirm?c=${draft}&scope=matching&bulkDecision=accepted`);
  await expect(moderator.getByRole("heading", { level: 1 })).toHaveText(/Page not found/);
  await moderator.goto(`/en/moderate/bulk/confirm?c=${slug}&scope=matching&bulkDecision=accepted`);
  await expect(moderator.getByText(/Set decision “Accepted” with no reason on 7 items/)).toBeVisible();
  expect((await decisions(slug)).every((l) => l.endsWith(" - - v1"))).toBe(true);
});
