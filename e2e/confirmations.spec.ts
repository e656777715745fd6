import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  createAccount,
  createConsultation,
  expectAccessible,
  signIn,
  sql,
  uniqueSlug,
  announceChange,
} from "./helpers";
import { formatInstant } from "../lib/consultations/format-instant";

// Closing early, publishing the results, publishing a new version and erasing a respondent each ask for a
// confirmation that states the consequence in numbers; Cancel changes nothing; a request without the
// confirmation changes nothing.

async function respond(
  page: Page,
  slug: string,
  feedback: { clause: string; comment: string }[],
  respondent: Record<string, unknown> = {},
) {
  const res = await page.request.post(`/api/consultations/${slug}/responses`, {
    data: {
      feedback: feedback.map((f) => ({ clause: f.clause, clarity: { rating: 3, comment: f.comment } })),
      respondent: {
        type: "individual",
        country: "FR",
        publicSector: true,
        publication: "anonymous",
        privacyConsent: true,
        ...respondent,
      },
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()).reference as string;
}

const consultation = async (slug: string) =>
  (
    await sql<{ closes_at: Date; results_published_at: Date | null; draft_version: number }>(
      `SELECT closes_at, results_published_at, draft_version FROM consultation WHERE slug = $1`,
      [slug],
    )
  )[0];

/** No staff page scrolls sideways on a 390 px phone. */
async function expectNoSidewaysScroll(page: Page) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (size) await page.setViewportSize(size);
}

/** Clicks a submit button and waits until the server has answered the post (with JavaScript: a Server Action call). */
async function submitAndWait(page: Page, name: string) {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.getByRole("button", { name }).click(),
  ]);
}

// As the app writes every date (its one formatter).
const deadline = (d: Date, locale: string) => formatInstant(d, locale === "fr-FR" ? "fr" : "en", "Europe/Paris");

async function admin(browser: Browser, javaScriptEnabled: boolean, path: string) {
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
  await signIn(page, await createAccount("admin"), { path });
  return page;
}

for (const javaScriptEnabled of [true, false]) {
  const how = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`closing early states the deadline and the responses, then closes only once confirmed (${how})`, async ({
    browser,
  }) => {
    const slug = uniqueSlug("confirm-close");
    const closesAt = new Date(Date.now() + 40 * 86_400_000);
    await createConsultation({ slug, closesAt });
    const page = await admin(browser, javaScriptEnabled, `/en/admin/consultations/${slug}`);
    await respond(page, slug, [{ clause: "1", comment: "First." }]);
    await respond(page, slug, [{ clause: "1.1", comment: "Second." }]);
    const manage = page.url();
    if (javaScriptEnabled) await expectNoSidewaysScroll(page);

    // An empty reason is refused on the consultation's page, before any confirmation.
    await page.getByRole("button", { name: "Close the consultation now" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
    await page.getByLabel("Reason for closing early (shown to the public)").fill("Enough responses");
    await page.getByRole("button", { name: "Close the consultation now" }).click();
    await page.waitForURL(/\/confirm\?intent=close/);
    const consequence = page.getByTestId("consequence");
    await expect(consequence).toContainText(`The deadline moves from ${deadline(closesAt, "en-GB")} to now (`);
    await expect(page.getByText("2 responses so far; nobody can respond after this.")).toBeVisible();
    await expect(page.getByText(/open the consultation again later only by extending the deadline/)).toBeVisible();
    // The request that led here had no confirmation: nothing changed.
    expect((await consultation(slug)).closes_at).toEqual(closesAt);
    if (javaScriptEnabled) {
      await expect(page.getByRole("heading", { name: /^Close .* now\?$/ })).toBeFocused();
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
      // The final button's request without its confirmation field: nothing happens (the confirmation again).
      await page.locator('input[name="confirm"]').evaluate((e) => e.remove());
      await submitAndWait(page, "Yes, close the consultation now");
      await page.waitForURL(/\/confirm\?intent=close/);
      await expect(page.getByTestId("consequence")).toBeVisible();
      expect((await consultation(slug)).closes_at).toEqual(closesAt);
      // In French: the date in French, in the consultation's time zone.
      await page.goto(`/fr/admin/consultations/${slug}/confirm?intent=close&closeReason=Assez`);
      await expect(page.getByTestId("consequence")).toContainText(
        `La date limite passe du ${deadline(closesAt, "fr-FR")} à maintenant (`,
      );
      await expect(page.getByText("2 réponses à ce jour\u202f; personne ne pourra plus répondre.")).toBeVisible();
      await page.goto(`/en/admin/consultations/${slug}/confirm?intent=close&closeReason=Enough%20responses`);
    }

    // Cancel changes nothing.
    await page.getByRole("link", { name: "No, go back" }).click();
    await page.waitForURL(manage);
    expect((await consultation(slug)).closes_at).toEqual(closesAt);

    await page.getByLabel("Reason for closing early (shown to the public)").fill("Enough responses");
    await page.getByRole("button", { name: "Close the consultation now" }).click();
    await page.getByRole("button", { name: "Yes, close the consultation now" }).click();
    await expect(page.getByText("Closed.", { exact: true })).toBeVisible();
    expect((await consultation(slug)).closes_at.getTime()).toBeLessThanOrEqual(Date.now());

    // Already closed: the confirmation says so, and offers nothing to confirm.
    await page.goto(`/en/admin/consultations/${slug}/confirm?intent=close&closeReason=Again`);
    await expect(page.getByText("This consultation is already closed.")).toBeVisible();
    await expect(page.getByRole("button", { name: /Yes/ })).toHaveCount(0);
  });

  test(`publishing the results states what has no decision yet, per clause linked to the queue, and publishes only once confirmed (${how})`, async ({
    browser,
  }) => {
    const slug = uniqueSlug("confirm-results");
    await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
    const page = await admin(browser, javaScriptEnabled, `/en/admin/consultations/${slug}`);
    const first = await respond(page, slug, [
      { clause: "1", comment: "Cleared and decided." },
      { clause: "1.1", comment: "Which signals?" },
    ]);
    await respond(page, slug, [{ clause: "1.1", comment: "Private." }], { publication: "none" });
    const decided = `SELECT id FROM feedback_item WHERE clause_id = (SELECT id FROM clause WHERE key = '1' AND consultation_id = (SELECT id FROM consultation WHERE slug = $1))
      AND response_id = (SELECT id FROM response WHERE reference = $2)`;
    await sql(`UPDATE feedback_item SET cleared_at = now() WHERE id IN (${decided})`, [slug, first]);
    await sql(`UPDATE feedback_triage SET disposition = 'accepted' WHERE feedback_item_id IN (${decided})`, [
      slug,
      first,
    ]);
    await sql(`UPDATE consultation SET closes_at = now() - interval '1 second' WHERE slug = $1`, [slug]);
    await announceChange();
    await page.reload();

    await page.getByRole("button", { name: "Publish the results" }).click();
    await page.waitForURL(/\/confirm\?intent=results/);
    await expect(page.getByTestId("consequence")).toHaveText("2 of 3 comments have no decision yet.");
    const clauses = page.getByTestId("undecided-clauses").getByRole("listitem");
    await expect(clauses).toHaveCount(1);
    await expect(clauses).toContainText("2 of 2 without a decision");
    await expect(clauses.getByRole("link", { name: "Action 1.1" })).toHaveAttribute(
      "href",
      `/en/moderate?c=${slug}&clause=1.1&decision=none`,
    );
    await expect(page.getByText("The words of 1 comment will be published", { exact: false })).toBeVisible();
    await expect(page.getByText(/Once published, the results page is public/)).toBeVisible();
    expect((await consultation(slug)).results_published_at).toBeNull();
    if (javaScriptEnabled) {
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
      await page.locator('input[name="confirm"]').evaluate((e) => e.remove());
      await submitAndWait(page, "Yes, publish the results");
      await page.waitForURL(/\/confirm\?intent=results/);
      await expect(page.getByTestId("consequence")).toBeVisible();
      expect((await consultation(slug)).results_published_at).toBeNull();
      // A fresh load, as the close-early test does: a click during the router's redirect back to this page
      // could be overtaken by it (it was, once, on a fresh machine).
      await page.goto(`/en/admin/consultations/${slug}/confirm?intent=results`);
      await expect(page.getByTestId("consequence")).toBeVisible();
    }
    await page.getByRole("link", { name: "No, go back" }).click();
    await page.waitForURL((u) => u.pathname === `/en/admin/consultations/${slug}`);
    expect((await consultation(slug)).results_published_at).toBeNull();

    await page.getByRole("button", { name: "Publish the results" }).click();
    await page.getByRole("button", { name: "Yes, publish the results" }).click();
    await expect(page.getByText("Results published.")).toBeVisible();
    expect((await consultation(slug)).results_published_at).not.toBeNull();
    await page.goto(`/en/admin/consultations/${slug}/confirm?intent=results`);
    await expect(page.getByText("The results are already published.")).toBeVisible();
  });

  test(`publishing a new version states what changes and who answered, and publishes only once confirmed (${how})`, async ({
    browser,
  }) => {
    const slug = uniqueSlug("confirm-redraft");
    await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
    const page = await admin(browser, javaScriptEnabled, `/en/admin/consultations/${slug}/redraft`);
    await respond(page, slug, [{ clause: "1.1", comment: "Which signals?" }]);
    const md = (name: string, text: string) => ({ name, mimeType: "text/markdown", buffer: Buffer.from(text) });
    await page
      .locator("#rd-markdownEnFile")
      .setInputFiles(md("en.md", "## 1. First principle\nDo the first thing.\n\n1. Act now.\n2. Learn.\n"));
    await page
      .locator("#rd-markdownFrFile")
      .setInputFiles(
        md("fr.md", "## 1. Premier principe\nFaire la première chose.\n\n1. Agir maintenant.\n2. Apprendre.\n"),
      );
    await page.getByRole("button", { name: "Check the draft" }).click();
    await page.getByLabel(/^New 1\.2:/).selectOption("new");
    if (javaScriptEnabled) await expectNoSidewaysScroll(page);
    await page.getByRole("button", { name: "Publish version 2" }).click();
    await expect(page.getByTestId("consequence")).toHaveText(
      "1 clause changes its text, 1 is added, none is removed, and 1 stays as it is.",
    );
    await expect(page.getByText(/^1 response answered version 1 \(1 response in all\)/)).toBeVisible();
    await expect(page.getByText(/the public draft and the response form show version 2/)).toBeVisible();
    await expect(page.getByText(/This cannot be undone/)).toBeVisible();
    expect((await consultation(slug)).draft_version).toBe(1);
    if (javaScriptEnabled) {
      await expect(page.getByRole("heading", { name: "Publish version 2?" })).toBeFocused();
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
      await page.locator('input[name="confirm"]').evaluate((e) => e.remove());
      await submitAndWait(page, "Yes, publish version 2");
      await expect(page.getByRole("heading", { name: "Publish version 2?" })).toBeVisible();
      expect((await consultation(slug)).draft_version).toBe(1);
    }
    // Cancel: back to the choices, as they were; nothing published.
    await page.getByRole("button", { name: "No, go back to the choices" }).click();
    await expect(page.getByLabel(/^New 1\.2:/)).toHaveValue("new");
    expect((await consultation(slug)).draft_version).toBe(1);
    await page.getByRole("button", { name: "Publish version 2" }).click();
    await page.getByRole("button", { name: "Yes, publish version 2" }).click();
    await expect(page.getByRole("heading", { name: "New version published" })).toBeVisible();
    expect((await consultation(slug)).draft_version).toBe(2);
  });

  test(`erasing a respondent states what goes, and erases only once confirmed (${how})`, async ({ browser }) => {
    const slug = uniqueSlug("confirm-erase");
    await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
    const page = await admin(browser, javaScriptEnabled, "/en/admin/privacy");
    const reference = await respond(
      page,
      slug,
      [
        { clause: "1", comment: "Keep my words." },
        { clause: "1.1", comment: "These too." },
      ],
      { publication: "named", name: "Erin Erasable" },
    );
    await sql(
      `INSERT INTO item_note (feedback_item_id, author_id, body)
      SELECT fi.id, (SELECT id FROM app_user ORDER BY id LIMIT 1), 'Called back' FROM feedback_item fi JOIN response r ON r.id = fi.response_id WHERE r.reference = $1 LIMIT 1`,
      [reference],
    );
    const erased = async () =>
      (
        await sql<{ erased_at: Date | null; respondent_name: string | null }>(
          `SELECT erased_at, respondent_name FROM response WHERE reference = $1`,
          [reference],
        )
      )[0];

    if (javaScriptEnabled) await expectNoSidewaysScroll(page);
    await page.getByLabel("Reference of the response").fill(reference.toLowerCase());
    await page.getByLabel(/I confirm the respondent asked/).check();
    await page.getByRole("button", { name: "Erase personal data" }).click();
    await page.waitForURL(/\/admin\/privacy\/confirm\?reference=/);
    await expect(page.getByRole("heading", { name: `Erase the personal data of ${reference}?` })).toBeVisible();
    await expect(page.getByText(`Response ${reference} to “Test consultation ${slug}”, sent on`)).toBeVisible();
    const consequence = page.getByTestId("consequence");
    await expect(consequence).toContainText(
      "Its 2 comments stay, without any name (the respondent agreed to publication).",
    );
    await expect(consequence).toContainText("1 internal note on its comments is deleted.");
    await expect(consequence).toContainText("No earlier versions.");
    await expect(page.getByText("This cannot be undone.")).toBeVisible();
    expect(await erased()).toEqual({ erased_at: null, respondent_name: "Erin Erasable" });
    if (javaScriptEnabled) {
      await expect(page.getByRole("heading", { name: `Erase the personal data of ${reference}?` })).toBeFocused();
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
      await page.locator('input[name="confirm"]').evaluate((e) => e.remove());
      await submitAndWait(page, "Yes, erase personal data");
      await page.waitForURL(/\/admin\/privacy\/confirm\?reference=/);
      await expect(consequence).toBeVisible();
      expect((await erased()).erased_at).toBeNull();
    }
    await page.getByRole("link", { name: "No, go back" }).click();
    await page.waitForURL((u) => u.pathname === "/en/admin/privacy");
    expect((await erased()).erased_at).toBeNull();

    await page.getByLabel("Reference of the response").fill(reference);
    await page.getByLabel(/I confirm the respondent asked/).check();
    await page.getByRole("button", { name: "Erase personal data" }).click();
    await page.getByRole("button", { name: "Yes, erase personal data" }).click();
    await expect(page.getByText(`Personal data of ${reference} erased.`)).toBeVisible();
    expect(await erased()).toMatchObject({ respondent_name: null });
    expect((await erased()).erased_at).not.toBeNull();
    await page.goto(`/en/admin/privacy/confirm?reference=${reference}`);
    await expect(page.getByText("This response's personal data was already erased")).toBeVisible();
    await expect(page.getByRole("button", { name: /Yes/ })).toHaveCount(0);
  });
}

test("the confirmation pages are an admin's only", async ({ browser }) => {
  const moderator = await (await browser.newContext()).newPage();
  await signIn(moderator, await createAccount("moderator"));
  for (const path of [
    "/en/admin/consultations/dpsi/confirm?intent=results",
    "/en/admin/privacy/confirm?reference=DPSI-2026-000001",
  ]) {
    expect((await moderator.goto(path))?.status()).toBe(404);
  }
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto("/en/admin/privacy/confirm?reference=DPSI-2026-000001");
  await expect(anonymous).toHaveURL(/\/en\/sign-in/);
});
