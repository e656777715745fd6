import { expect, test, type Page } from "@playwright/test";
import { createAccount, createConsultation, expectAccessible, signIn, uniqueSlug } from "./helpers";

/** A consultation of the test's own with `n` responses (one general comment each), oldest first. */
async function consultationWith(page: Page, n: number): Promise<{ slug: string; references: string[] }> {
  const slug = uniqueSlug("triage");
  await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
  const references: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await page.request.post(`/api/consultations/${slug}/responses`, {
      data: {
        generalComment: `Comment number ${i + 1} on the whole draft.`,
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
    references.push((await r.json()).reference);
  }
  return { slug, references };
}

async function openFirstItem(page: Page, slug: string) {
  await page.goto(`/en/moderate?c=${slug}`);
  await page
    .getByRole("link", { name: /^Open / })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: /^Feedback item / })).toBeVisible();
}

/** The revert defect: a saved status must stay in the form, and a later save must not undo it. */
async function statusStaysAfterSave(page: Page) {
  const { slug } = await consultationWith(page, 1);
  await signIn(page, await createAccount("moderator"));
  await openFirstItem(page, slug);
  await page.getByLabel("Status").selectOption({ label: "Out of scope" });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.getByText(/changed Status from “New” to “Out of scope”/)).toBeVisible();
  await expect(page.getByLabel("Status")).toHaveValue("out_of_scope");

  await page.getByLabel("Add an internal note (optional)").fill("Not about this draft.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Not about this draft.").first()).toBeVisible();
  await expect(page.getByLabel("Status")).toHaveValue("out_of_scope");
  await expect(page.getByText(/changed Note/)).toBeVisible();
  await expect(page.getByText(/changed Status from “Out of scope” to “New”/)).toHaveCount(0);
  await expect(page.getByText(/changed Status/)).toHaveCount(1);
  // The note field is empty again: what is in the form is what is stored.
  await expect(page.getByLabel("Add an internal note (optional)")).toHaveValue("");
  await page.reload();
  await expect(page.getByLabel("Status")).toHaveValue("out_of_scope");
}

test("a saved status stays in the form and a later save does not undo it", async ({ page }) => {
  await statusStaysAfterSave(page);
  await expectAccessible(page);
});

/** Opens the queue of `slug` (newest first), then its first item, by the queue's own link. */
async function openFromQueue(page: Page, slug: string, query = "") {
  await page.goto(`/en/moderate?c=${slug}${query}`);
  await page
    .getByRole("link", { name: /^Open / })
    .first()
    .click();
}

/** "Save and next" through a list of three, with the place and previous/next links keeping the filter. */
async function saveAndNextThrough(page: Page, byKey: boolean) {
  const { slug, references } = await consultationWith(page, 3);
  await signIn(page, await createAccount("moderator"));
  // The queue's item links will carry its filter; the item page reads it from its own query.
  await openFromQueue(page, slug);
  const first = new URL(page.url()).pathname;
  await page.goto(`${first}?c=${slug}&status=new`);
  const newest = [...references].reverse();
  const place = page.getByTestId("item-place");
  await expect(place).toHaveText("Item 1 of 3");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Feedback item ${newest[0]}`);
  await expect(page.getByRole("link", { name: "Previous item" })).toHaveCount(0);

  await page.getByLabel("Status").selectOption({ label: "Noted" });
  if (byKey) await page.getByLabel("Status").press("Alt+Shift+N");
  else await page.getByRole("button", { name: "Save and next" }).click();
  // The saved item has left the "New" list: the next one is now the first of two.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Feedback item ${newest[1]}`);
  await expect(page.getByText("Saved. This is the next item of your list.")).toBeVisible();
  await expect(place).toHaveText("Item 1 of 2");
  expect(new URL(page.url()).searchParams.get("status")).toBe("new");
  expect(new URL(page.url()).searchParams.get("c")).toBe(slug);

  await page.getByRole("link", { name: "Next item" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Feedback item ${newest[2]}`);
  await expect(place).toHaveText("Item 2 of 2");
  await expect(page.getByRole("link", { name: "Next item" })).toHaveCount(0);
  await page.getByRole("button", { name: "Save and next" }).click();
  await expect(page.getByText("Saved. That was the last item of this list.")).toBeVisible();
  await page.getByRole("link", { name: "Previous item" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Feedback item ${newest[1]}`);
  await expect(page.getByRole("link", { name: "Back to the queue" })).toHaveAttribute(
    "href",
    `/en/moderate?c=${slug}&status=new`,
  );
}

test("Save and next goes through the items of the queue's filter, with the place and previous/next", async ({
  page,
}) => {
  await saveAndNextThrough(page, false);
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("Alt+Shift+N saves and opens the next item, also from inside a field", async ({ page }) => {
  await saveAndNextThrough(page, true);
  await expect(page.getByText("Keyboard shortcut: Alt+Shift+N")).toBeVisible();
});

test("a save over someone else's newer change is refused, says who changed what, and keeps what was typed", async ({
  page,
  browser,
}) => {
  const { slug } = await consultationWith(page, 1);
  const account = await createAccount("moderator");
  await signIn(page, account);
  await openFromQueue(page, slug);
  const url = page.url();
  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, await createAccount("moderator"), { path: new URL(url).pathname });
  await second.getByLabel("Status").selectOption({ label: "Spam" });
  await second.getByRole("button", { name: "Save", exact: true }).click();
  await expect(second.getByText("Saved.")).toBeVisible();
  await other.close();

  await page.getByLabel("Tags").fill("Definitions");
  await page.getByLabel("Add an internal note (optional)").fill("My careful note.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(
    page.getByRole("link", { name: "Someone else changed this item after you opened it: nothing was saved" }),
  ).toBeVisible();
  await expect(page.locator("#triage-stale")).toContainText(/Test moderator changed Status from “New” to “Spam” · /);
  // What was typed is kept; what the other moderator changed is shown as stored.
  await expect(page.getByLabel("Add an internal note (optional)")).toHaveValue("My careful note.");
  await expect(page.getByLabel("Tags")).toHaveValue("Definitions");
  await expect(page.getByLabel("Status")).toHaveValue("spam");
  await expectAccessible(page);
  // A deliberate second save applies the moderator's own changes on top.
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  await expect(page.locator("#triage-stale")).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Status")).toHaveValue("spam");
  await expect(page.getByLabel("Tags")).toHaveValue("Definitions");
  await expect(page.getByText("My careful note.").first()).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("a saved status stays in the form and a later save does not undo it", async ({ page }) => {
    await statusStaysAfterSave(page);
  });
  test("Save and next goes through the items of the queue's filter", async ({ page }) => {
    await saveAndNextThrough(page, false);
  });
});
