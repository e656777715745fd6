import { expect, test } from "@playwright/test";

test("the skip link, the clause blocks and the form work by keyboard alone", async ({ page }) => {
  await page.goto("/en/c/dpsi/respond");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);

  // Open a clause with the keyboard and rate it with the arrow keys.
  const block = page.locator('details[data-clause="1.1"]');
  await block.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(block).toHaveAttribute("open", "");
  const noRating = block.getByRole("group", { name: "How clear is it?" }).getByRole("radio", { name: "No rating" });
  await noRating.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(block.getByRole("group", { name: "How clear is it?" }).getByRole("radio", { name: "2", exact: true })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(block.getByLabel(/What is unclear/)).toBeFocused();
  await page.keyboard.type("Typed with the keyboard.");

  // Submitting with Enter on the button reports the missing answers, focused.
  await page.getByRole("button", { name: "Submit your response" }).focus();
  await page.keyboard.press("Enter");
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(summary.getByRole("link").first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("radio", { name: "An individual" })).toBeFocused();
});
