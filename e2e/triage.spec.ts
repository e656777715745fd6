import { expect, test, type Page } from "@playwright/test";
import { createAccount, createConsultation, expectAccessible, signIn, uniqueSlug } from "./helpers";

/** A consultation of the test's own with `n` responses (one general comment each), oldest first. */
async function consultationWith(page: Page, n: number): Promise<{ slug: string; references: string[] }> {
  const slug = uniqueSlug("triage");
  await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
  const references: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await page.request.post(`/api/consultations/${slug}/responses`, {
      data: { generalComment: `Comment number ${i + 1} on the whole draft.`, respondent: { type: "individual", country: "FR", publicSector: false, publication: "anonymous", privacyConsent: true } },
    });
    expect(r.status()).toBe(201);
    references.push((await r.json()).reference);
  }
  return { slug, references };
}

async function openFirstItem(page: Page, slug: string) {
  await page.goto(`/en/moderate?c=${slug}`);
  await page.getByRole("link", { name: /^Open / }).first().click();
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

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("a saved status stays in the form and a later save does not undo it", async ({ page }) => {
    await statusStaysAfterSave(page);
  });
});
