// The moderation queue as a place to work all day: status tabs, saved views,
// "Assigned to me", the decision filter, the layout at 1280×900 and 390 px.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createAccount, createConsultation, expectAccessible, signIn, sql, uniqueSlug } from "./helpers";

/** A consultation of its own with `n` general comments (newest last), each "<slug> comment <i>". */
async function consultationWith(
  request: APIRequestContext,
  n: number,
): Promise<{ slug: string; references: string[] }> {
  const slug = uniqueSlug("queue");
  await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
  const references: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await request.post(`/api/consultations/${slug}/responses`, {
      data: {
        generalComment: `${slug} comment ${i}: the declaration should say who publishes the experiments and when.`,
        respondent: {
          type: "individual",
          country: i % 2 ? "FR" : "DE",
          publicSector: false,
          publication: "anonymous",
          privacyConsent: true,
        },
      },
    });
    expect(r.status(), await r.text()).toBe(201);
    references.push((await r.json()).reference);
  }
  return { slug, references };
}

const userId = async (email: string) =>
  (await sql<{ id: string }>(`SELECT id FROM app_user WHERE email = $1`, [email]))[0].id;
const itemOf = async (reference: string) =>
  (
    await sql<{ id: string }>(
      `SELECT fi.id FROM feedback_item fi JOIN response r ON r.id = fi.response_id WHERE r.reference = $1`,
      [reference],
    )
  )[0].id;

async function inViewport(page: Page, locator: ReturnType<Page["locator"]>) {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(900);
}

test("at 1280×900 the first item, the bulk bar and what a bulk action changed are in view without scrolling", async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  const { slug, references } = await consultationWith(request, 55);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, await createAccount("moderator"));
  await page.goto(`/en/moderate?c=${slug}`);

  const first = page.getByRole("link", { name: new RegExp(`^Open ${references[references.length - 1]} `) });
  const bar = page.getByRole("group", { name: "Apply to the selected items" });
  await expect(first).toBeVisible();
  await inViewport(page, first);
  await inViewport(page, bar);
  // A full-width table, not the reading column of the public pages.
  expect((await page.getByRole("table").boundingBox())!.width).toBeGreaterThan(1100);
  await expectAccessible(page);

  await page.getByRole("checkbox", { name: new RegExp(`^Select ${references[references.length - 1]} `) }).check();
  await bar.getByLabel("Status").selectOption({ label: "In review" });
  await bar.getByRole("button", { name: "Apply" }).click();
  const done = page.getByText("1 item changed.");
  await expect(done).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await inViewport(page, done);
  await inViewport(page, first);
  await inViewport(page, bar);

  // The bar stays in view while the moderator scrolls down the queue.
  await page.getByRole("link", { name: new RegExp(`^Open ${references[5]} `) }).scrollIntoViewIfNeeded();
  await inViewport(page, bar);
});

test("at 390 px the queue is a list of cards that can be read, selected and opened", async ({ page, request }) => {
  const { slug, references } = await consultationWith(request, 3);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, await createAccount("moderator"));
  await page.goto(`/en/moderate?c=${slug}&aspect=general`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const newest = references[2];
  const open = page.getByRole("link", { name: new RegExp(`^Open ${newest} `) });
  const box = page.getByRole("checkbox", { name: new RegExp(`^Select ${newest} `) });
  const text = page.getByText(`${slug} comment 2:`);
  for (const l of [open, box, text]) {
    await expect(l).toBeVisible();
    const b = (await l.boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(390);
  }
  // Each card names what a table's column headers would have said.
  await expect(page.getByText("Respondent:").first()).toBeVisible();
  await expectAccessible(page);
  await box.check();
  await expect(box).toBeChecked();
  // The item page keeps the queue's filter, so "next" follows the same list.
  await open.click();
  await expect(page).toHaveURL(new RegExp(`/en/moderate/items/[0-9a-f-]{36}\\?c=${slug}&aspect=general$`));
});

test("status tabs show each status's count, mark the current one and keep the other filters", async ({
  page,
  request,
}) => {
  const { slug, references } = await consultationWith(request, 3);
  await sql(`UPDATE feedback_triage SET status = 'in_review' WHERE feedback_item_id = $1`, [
    await itemOf(references[0]),
  ]);
  await signIn(page, await createAccount("moderator"));
  await page.goto(`/en/moderate?c=${slug}&country=DE`);
  const tabs = page.getByRole("navigation", { name: "Items by status" });
  await expect(tabs.getByRole("link", { name: "All (3)" })).toHaveAttribute("aria-current", "page");
  await expect(tabs.getByRole("link", { name: "New (2)" })).toBeVisible();
  await tabs.getByRole("link", { name: "In review (1)" }).click();
  await expect(page).toHaveURL(/status=in_review/);
  await expect(page).toHaveURL(/country=DE/);
  await expect(tabs.getByRole("link", { name: "In review (1)" })).toHaveAttribute("aria-current", "page");
  await expect(tabs.getByRole("link", { name: "All (3)" })).not.toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: new RegExp(`^Open ${references[0]} `) })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`^Open ${references[1]} `) })).toHaveCount(0);
  await expectAccessible(page);
});

test("Assigned to me is one click", async ({ page, request }) => {
  const { slug, references } = await consultationWith(request, 2);
  const moderator = await createAccount("moderator");
  await sql(`UPDATE feedback_triage SET assignee_id = $1 WHERE feedback_item_id = $2`, [
    await userId(moderator.email),
    await itemOf(references[1]),
  ]);
  await signIn(page, moderator);
  await page.goto(`/en/moderate?c=${slug}`);
  await page.getByRole("link", { name: "Assigned to me" }).click();
  await expect(page).toHaveURL(new RegExp(`assignee=${await userId(moderator.email)}`));
  await expect(page.getByRole("link", { name: new RegExp(`^Open ${references[1]} `) })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`^Open ${references[0]} `) })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Assigned to me" })).toHaveAttribute("aria-current", "page");
});

test("the decision filter shows items with no decision or one decision, in the queue and the export", async ({
  page,
  request,
}) => {
  const { slug, references } = await consultationWith(request, 3);
  await sql(`UPDATE feedback_triage SET disposition = 'accepted' WHERE feedback_item_id = $1`, [
    await itemOf(references[0]),
  ]);
  await sql(`UPDATE feedback_triage SET disposition = 'not_accepted' WHERE feedback_item_id = $1`, [
    await itemOf(references[1]),
  ]);
  await signIn(page, await createAccount("moderator"));
  await page.goto(`/en/moderate?c=${slug}&decision=none`);
  await expect(page.getByRole("link", { name: new RegExp(`^Open ${references[2]} `) })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`^Open ${references[0]} `) })).toHaveCount(0);
  await expect(page.getByRole("link", { name: new RegExp(`^Open ${references[1]} `) })).toHaveCount(0);

  await page.locator("summary", { hasText: "Filters" }).click();
  await page.locator("form[role=search]").getByLabel("Decision").selectOption({ label: "Accepted (1)" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/decision=accepted/);
  await expect(page.getByRole("link", { name: new RegExp(`^Open ${references[0]} `) })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`^Open ${references[2]} `) })).toHaveCount(0);

  const csv = await (
    await page.request.get(`/api/moderate/consultations/${slug}/export?format=csv&decision=none`)
  ).text();
  expect(csv).toContain(references[2]);
  expect(csv).not.toContain(references[0]);
  expect(csv).not.toContain(references[1]);
});

test("the date filters show one format: a date picker, no YYYY-MM-DD hint, and a clear message for a date that does not exist", async ({
  page,
}) => {
  await signIn(page, await createAccount("moderator"));
  for (const locale of ["en", "fr"]) {
    const res = await page.goto(`/${locale}/moderate?c=dpsi&from=2026-02-30&to=2026-03-31`);
    expect(res?.status()).toBe(200);
    const from = page.locator("#filter-from");
    await expect(from).toBeVisible(); // the panel opens to show the error
    await expect(from).toHaveAttribute("type", "date");
    await expect(page.locator("#filter-to")).toHaveValue("2026-03-31");
    await expect(page.locator("#filter-from-error")).toContainText(
      locale === "en" ? "Enter a real date" : "Saisissez une date qui existe",
    );
    await expect(page.locator("#filter-from")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("form[role=search]")).not.toContainText(/YYYY|AAAA/);
  }
  await page.goto(`/en/moderate?c=dpsi&from=2026-03-31&to=2026-03-01`);
  await expect(page.locator("#filter-to-error")).toContainText("on or after");
  await expectAccessible(page);
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });
    test("moderators save views for themselves or the team, apply them in one click and delete their own", async ({
      browser,
      page,
      request,
    }) => {
      const { slug } = await consultationWith(request, 2);
      const name = `General DE ${uniqueSlug("v")}`;
      await signIn(page, await createAccount("moderator"));
      await page.goto(`/en/moderate?c=${slug}&aspect=general&country=DE`);
      const views = page.getByRole("region", { name: "Saved views" });
      await views.getByText("Save this view").click();

      // An empty name: the error beside the field and in the summary.
      await views.getByLabel("Name of the view").fill("   ");
      await views.getByRole("button", { name: "Save view" }).click();
      await expect(page.getByRole("link", { name: "Enter a name for the view" })).toBeVisible();
      await expect(page.locator("#view-name-error")).toContainText("Enter a name for the view");

      await views.getByLabel("Name of the view").fill(name);
      await views.getByLabel("Share with the team").check();
      await views.getByRole("button", { name: "Save view" }).click();
      await expect(views.getByRole("link", { name: new RegExp(`^${name}`) })).toBeVisible();

      // The same name again: refused, and what was typed is still there.
      await page.goto(`/en/moderate?c=${slug}&aspect=general`);
      await views.getByText("Save this view").click();
      await views.getByLabel("Name of the view").fill(name);
      await views.getByRole("button", { name: "Save view" }).click();
      await expect(page.locator("#view-name-error")).toContainText("You already have a view with this name");
      await expect(views.getByLabel("Name of the view")).toHaveValue(name);
      if (javaScriptEnabled) await expectAccessible(page); // axe runs as a script

      // A personal one.
      await views.getByLabel("Name of the view").fill(`${name} mine`);
      await views.getByLabel("Share with the team").uncheck();
      await views.getByRole("button", { name: "Save view" }).click();
      await expect(views.getByRole("link", { name: new RegExp(`^${name} mine`) })).toBeVisible();

      // One click applies the view's filter.
      await page.goto(`/en/moderate?c=${slug}`);
      await views.getByRole("link", { name: new RegExp(`^${name} \\(`) }).click();
      await expect(page).toHaveURL(/aspect=general/);
      await expect(page).toHaveURL(/country=DE/);

      // Another moderator sees the shared view, not the personal one, and cannot delete it.
      const other = await browser.newContext({ javaScriptEnabled });
      const otherPage = await other.newPage();
      await signIn(otherPage, await createAccount("moderator"));
      await otherPage.goto(`/en/moderate?c=${slug}`);
      const otherViews = otherPage.getByRole("region", { name: "Saved views" });
      await expect(otherViews.getByRole("link", { name: new RegExp(`^${name} \\(`) })).toBeVisible();
      await expect(otherViews.getByRole("link", { name: new RegExp(`^${name} mine`) })).toHaveCount(0);
      await expect(otherViews.getByRole("button", { name: `Delete the view “${name}”` })).toHaveCount(0);
      await other.close();

      await views.getByRole("button", { name: `Delete the view “${name} mine”` }).click();
      await expect(views.getByRole("link", { name: new RegExp(`^${name} mine`) })).toHaveCount(0);
      await expect(views.getByRole("link", { name: new RegExp(`^${name} \\(`) })).toBeVisible();
    });
  });
}
