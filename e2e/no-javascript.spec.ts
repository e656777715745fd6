import { expect, test } from "@playwright/test";
import { fillAboutYou } from "./helpers";

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
  await page.getByLabel(/I have read the privacy notice/).check();
  await page.getByRole("button", { name: "Submit your response" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Response received" })).toBeVisible();
  await expect(page.getByText("Said without JavaScript.")).toBeVisible();
  await expect(page.getByText(/In UTC:|Received at/).first()).toBeVisible();
});
