import { expect, test } from "@playwright/test";
import { expectAccessible } from "./helpers";

test("the home page shows the open consultation with its deadline, countdown and count", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.getByRole("heading", { level: 1, name: "Consultations" })).toBeVisible();
  const card = page.getByRole("article", { name: "Draft Declaration on Public Sector Innovation" });
  await expect(card.getByText("Open for responses")).toBeVisible();
  await expect(card.getByText(/Closes on .*20\d\d/)).toBeVisible();
  await expect(card.getByText(/In your time zone:/)).toBeVisible();
  await expect(card.getByText(/days?, .* hours? and .* minutes? left/)).toBeVisible();
  await expect(card.getByText("Responses received")).toBeVisible();
  await expect(card.getByText("Who may respond")).toBeVisible();
  await expectAccessible(page);
});

test("the draft reads clause by clause with contents, stable links and comment counts", async ({ page }) => {
  await page.goto("/en/c/dpsi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Draft Declaration on Public Sector Innovation");
  const contents = page.getByRole("navigation", { name: "Contents" });
  await expect(contents.getByRole("link", { name: "Preamble" })).toBeVisible();
  await expect(contents.getByRole("link", { name: "Action 1.1" })).toBeVisible();
  await contents.getByRole("link", { name: "Action 2.1" }).click();
  await expect(page).toHaveURL(/#clause-2\.1$/);
  const clause = page.locator("#clause-2\\.1");
  await expect(clause.getByRole("heading", { name: "Action 2.1" })).toBeVisible();
  await expect(clause.getByText(/^(\d[\d,]* comments?|1 comment|No comments yet)$/)).toBeVisible();
  await expect(clause.getByRole("link", { name: /Published comments on/ })).toBeVisible();
  await expect(clause.getByRole("link", { name: "Link to Action 2.1" })).toHaveAttribute(
    "href",
    "/en/c/dpsi#clause-2.1",
  );
  await clause.getByRole("link", { name: "Comment on Action 2.1" }).click();
  await expect(page).toHaveURL(/\/en\/c\/dpsi\/respond\?clause=2\.1#clause-2\.1$/);
  await expect(page.locator('details[data-clause="2.1"]')).toHaveAttribute("open", "");
  await expectAccessible(page);
});

test("the draft is in French, and the language switch keeps the page", async ({ page }) => {
  await page.goto("/en/c/dpsi#clause-1.1");
  await page.getByRole("link", { name: "Lire cette page en français" }).click();
  await expect(page).toHaveURL(/\/fr\/c\/dpsi$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Projet de déclaration/);
  await expect(
    page.getByRole("navigation", { name: "Sommaire" }).getByRole("link", { name: "Préambule" }),
  ).toBeVisible();
  await expect(page.getByText(/signaux faibles/).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Read this page in English" }).click();
  await expect(page).toHaveURL(/\/en\/c\/dpsi$/);
});

test("unknown pages say so, accessibly", async ({ page }) => {
  const res = await page.goto("/en/c/no-such-consultation");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
});
