import { expect, test } from "@playwright/test";
import { createAccount, createConsultation, signIn, uniqueSlug } from "./helpers";

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
  await expect(
    block.getByRole("group", { name: "How clear is it?" }).getByRole("radio", { name: "2", exact: true }),
  ).toBeChecked();
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

test("a delegation drafts by keyboard alone: open a clause, choose a position with the arrows, type the amendment, save", async ({
  page,
}) => {
  const slug = uniqueSlug("kbd-formal");
  await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
  const ws = `/en/delegation/${slug}`;
  await signIn(page, await createAccount("delegate", undefined, { country: "SE", delegationRole: "drafter" }), {
    path: ws,
  });
  const block = page.locator('details[data-clause="1.1"]');
  await block.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(block).toHaveAttribute("open", "");
  // An amendment without a position: the error summary takes the focus and its link leads to the field.
  await block.getByLabel("Proposed amendment").focus();
  await page.keyboard.type("Act on early signs of change.");
  await page.getByRole("button", { name: "Save draft" }).focus();
  await page.keyboard.press("Enter");
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(summary.getByRole("link", { name: "Choose your country's position for this amendment" })).toBeFocused();
  await page.keyboard.press("Enter");
  const stance = block.getByRole("group", { name: "Your country's position on this clause" });
  await expect(stance.getByRole("radio").first()).toBeFocused();
  // The arrows move through the positions; the typed amendment is still there.
  await page.keyboard.press("ArrowDown");
  await expect(stance.getByRole("radio", { name: "Support with amendments" })).toBeChecked();
  await expect(block.getByLabel("Proposed amendment")).toHaveValue("Act on early signs of change.");
  await page.getByRole("button", { name: "Save draft" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Changed: 1.1.")).toBeVisible();
});
