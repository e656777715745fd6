import { expect, test } from "@playwright/test";
import {
  createAccount,
  createConsultation,
  fillAboutYou,
  sendWithThisPagesKey,
  signedLetter,
  signIn,
  uniqueSlug,
} from "./helpers";

test.use({ javaScriptEnabled: false });

test("a response can be given without JavaScript, errors included", async ({ page }) => {
  await page.goto("/en/c/dpsi/respond?clause=1.2");
  const block = page.locator('details[data-clause="1.2"]');
  await block.getByRole("group", { name: "How clear is it?" }).getByLabel("3", { exact: true }).check();
  await block.getByLabel(/What is unclear/).fill("Said without JavaScript.");
  await fillAboutYou(page, { type: "An individual", consent: false });
  await page.getByRole("button", { name: "Submit your response" }).click();

  // The server answers with the same page, the error summary and the text kept.
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Confirm you have read the privacy notice" })).toBeVisible();
  await expect(block.getByLabel(/What is unclear/)).toHaveValue("Said without JavaScript.");
  // Another clause's questions, without JavaScript: its button posts the form, which comes back with them and the text.
  const other = page.locator('details[data-clause="2.1"]');
  await expect(other.getByLabel("Word or phrase")).toHaveCount(0);
  await other.locator("summary").click();
  await other.getByRole("button", { name: "Show the questions on this clause" }).click();
  await expect(page.getByRole("link", { name: /The questions on Action 2\.1 are now in the form/ })).toBeVisible();
  await expect(other).toHaveAttribute("open", "");
  await other.getByLabel("Word or phrase").fill("mission-oriented");
  await other.getByLabel("Why").fill("Not a term every reader knows.");
  await expect(block.getByLabel(/What is unclear/)).toHaveValue("Said without JavaScript.");
  await expect(page.getByLabel("Country", { exact: true })).toHaveValue("FR");
  await page.getByLabel(/I have read the privacy notice/).check();
  await page.getByRole("button", { name: "Submit your response" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Response received" })).toBeVisible();
  await expect(page.getByText("Said without JavaScript.")).toBeVisible();
  await expect(page.getByText("mission-oriented")).toBeVisible();
  await expect(page.getByText(/In UTC:|Received on/).first()).toBeVisible();
});

test("without JavaScript, a page whose key was already used with other answers says so and gets a fresh key", async ({
  page,
}) => {
  await page.goto("/en/c/dpsi/respond");
  const first = await sendWithThisPagesKey(page, "Sent first from this page.");
  await page
    .getByLabel("General comment on the whole draft (optional)")
    .fill("Changed afterwards, without JavaScript.");
  await fillAboutYou(page, { type: "An individual" });
  await page.getByRole("button", { name: "Submit your response" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(
    summary.getByRole("link", { name: /A response with different answers was already sent from this page/ }),
  ).toBeVisible();
  await expect(page.getByLabel("General comment on the whole draft (optional)")).toHaveValue(
    "Changed afterwards, without JavaScript.",
  );
  await expect(page.locator('input[name="idempotencyKey"]')).not.toHaveValue(first.key);
  await page.getByRole("button", { name: "Submit your response" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Response received" })).toBeVisible();
  await expect(page.getByTestId("reference")).not.toHaveText(first.reference);
  await expect(page.getByText("Changed afterwards, without JavaScript.")).toBeVisible();
});

test("a delegation drafts, uploads its letter and submits without JavaScript", async ({ page }) => {
  const slug = uniqueSlug("nojs-formal");
  await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
  const ws = `/en/delegation/${slug}`;
  await signIn(page, await createAccount("delegate", undefined, { country: "NL", delegationRole: "approver" }), {
    path: ws,
  });
  // An amendment without a position: refused, the text kept.
  await page.locator('details[data-clause="1.1"] summary').click();
  await page.locator('details[data-clause="1.1"]').getByLabel("Proposed amendment").fill("Act on early signs.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("link", { name: "Choose your country's position for this amendment" })).toBeVisible();
  const block = page.locator('details[data-clause="1.1"]');
  await expect(block.getByLabel("Proposed amendment")).toHaveValue("Act on early signs.");
  await block.getByLabel("Support with amendments").check();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Changed: 1.1.")).toBeVisible();
  await page
    .getByLabel("Upload the signed letter")
    .setInputFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: await signedLetter() });
  await page.getByRole("button", { name: "Upload letter" }).click();
  await expect(page.getByText("The letter was uploaded.")).toBeVisible();
  await page.getByLabel(/I confirm that this is the official response of Netherlands/).check();
  await page.getByRole("button", { name: "Submit official response" }).click();
  await expect(page.getByRole("heading", { name: "Submitted and locked" })).toBeVisible();
});
