import { expect, test } from "@playwright/test";
import {
  clauseBlock,
  createConsultation,
  expectAccessible,
  fillAboutYou,
  fillClause,
  sendWithThisPagesKey,
  uniqueSlug,
} from "./helpers";

test("feedback on two clauses, an error and its correction, then the receipt", async ({ page }) => {
  await page.goto("/en/c/dpsi/respond");
  await expect(page).toHaveTitle(/^Respond: Draft Declaration/);
  await expectAccessible(page);

  await fillClause(page, "1.1", {
    clarity: "2",
    comment: "Unclear who acts <b>first</b>.",
    term: "weak signals",
    wording: "early signs of change",
    reason: "Not a common term in our administration.",
    feasibility: "3",
    context: "Federal state, 16 regions.",
  });
  await fillClause(page, "2.1", {
    clarity: "4",
    comment: "Mostly clear.",
    term: "public servants",
    wording: "civil servants",
    reason: "Legal term in our country.",
    feasibility: "5",
    context: "Small municipality.",
  });
  await page.getByLabel("General comment on the whole draft (optional)").fill("A useful draft.");
  // An organisation without its name: the server refuses, and says where.
  await fillAboutYou(page, { type: "An organisation", country: "Germany" });
  await page.getByRole("button", { name: "Submit your response" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  const link = summary.getByRole("link", { name: "Enter the name of your organisation, group or government" });
  await expect(link).toBeVisible();
  // Nothing typed is lost.
  await expect(clauseBlock(page, "1.1").getByLabel("Word or phrase")).toHaveValue("weak signals");
  await expect(clauseBlock(page, "2.1").getByLabel("Wording you propose instead")).toHaveValue("civil servants");
  await expect(page.getByLabel("General comment on the whole draft (optional)")).toHaveValue("A useful draft.");
  await expect(page.getByLabel("Country", { exact: true })).toHaveValue("DE");
  await expectAccessible(page);

  await link.click();
  const org = page.getByLabel("Name of the organisation, group or government");
  await expect(org).toBeFocused();
  await expect(org).toHaveAttribute("aria-invalid", "true");
  await org.fill("Ministry of Innovation");
  await page.getByLabel(/I have read the privacy notice/).check();
  await page.getByRole("button", { name: "Submit your response" }).click();

  await expect(page).toHaveURL(/\/en\/c\/dpsi\/receipt\/DPSI-\d{4}-\d{6,}\?key=/);
  await expect(page.getByRole("heading", { level: 1, name: "Response received" })).toBeVisible();
  const reference = await page.getByTestId("reference").textContent();
  expect(reference).toMatch(/^DPSI-\d{4}-\d{6,}$/);
  const main = page.getByRole("main");
  await expect(main.getByText("Ministry of Innovation")).toBeVisible();
  await expect(main.getByText("Germany")).toBeVisible();
  await expect(main.getByText("Action 1.1 – Clarity")).toBeVisible();
  await expect(main.getByText("2 out of 5", { exact: true })).toBeVisible();
  await expect(main.getByText("Unclear who acts <b>first</b>.")).toBeVisible(); // shown as text, not HTML
  await expect(main.getByText("public servants", { exact: true })).toBeVisible();
  await expect(main.getByText("Small municipality.", { exact: true })).toBeVisible();
  await expect(main.getByText("A useful draft.")).toBeVisible();
  await expectAccessible(page);

  // The receipt is private: without its key it is not found.
  const res = await page.goto(`/en/c/dpsi/receipt/${reference}`);
  expect(res?.status()).toBe(404);
});

test("what a person typed survives a reload", async ({ page }) => {
  await page.goto("/en/c/dpsi/respond?clause=3.1");
  await clauseBlock(page, "3.1").getByLabel("Word or phrase").fill("ecosystem");
  await page.getByLabel("General comment on the whole draft (optional)").fill("Kept across reloads.");
  await page.reload();
  await expect(clauseBlock(page, "3.1").getByLabel("Word or phrase")).toHaveValue("ecosystem");
  await expect(page.getByLabel("General comment on the whole draft (optional)")).toHaveValue("Kept across reloads.");
});

test("a clause's questions come into the form when it is opened, and with its text after a reload without the clause's link", async ({
  page,
}) => {
  await page.goto("/en/c/dpsi/respond");
  const block = clauseBlock(page, "2.1");
  // Closed clauses carry no questions: the form starts light on a phone (issue 12).
  await expect(block.getByLabel("Word or phrase")).toHaveCount(0);
  await block.locator("summary").click();
  await block.getByLabel("Word or phrase").fill("mission-oriented");
  await page.goto("/en/c/dpsi/respond");
  await expect(clauseBlock(page, "2.1").getByLabel("Word or phrase")).toHaveValue("mission-oriented");
  await expect(clauseBlock(page, "2.1")).toHaveAttribute("open", "");
  // Enter in a text field sends the form (its default button), not a clause's "show the questions" button.
  await clauseBlock(page, "2.1").getByLabel("Word or phrase").press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
  await expect(page.getByText(/The questions on .* are now in the form/)).toHaveCount(0);
});

test("a double submit stores one response", async ({ page }) => {
  const served = await page.goto("/en/c/dpsi/respond");
  // The key this reader's page was served with (the cached page's React payload says a placeholder instead): the
  // form, hydrated, posts that one.
  const servedKey = /name="idempotencyKey" value="([^"]+)"/.exec(await served!.text())?.[1];
  expect(servedKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
  await page.getByLabel("General comment on the whole draft (optional)").fill("Submitted twice, stored once.");
  await fillAboutYou(page, { type: "An individual", publication: "No, do not publish it" });
  const key = await page.locator('input[name="idempotencyKey"]').inputValue();
  expect(key).toBe(servedKey);
  await page.getByRole("button", { name: "Submit your response" }).click();
  await expect(page).toHaveURL(/receipt/);
  const first = await page.getByTestId("reference").textContent();
  // The same form posted again (a retry after a lost answer) gets the same receipt.
  const res = await page.request.post("/api/consultations/dpsi/responses", {
    data: {
      idempotencyKey: key,
      generalComment: "Submitted twice, stored once.",
      respondent: { type: "individual", country: "FR", publicSector: true, publication: "none", privacyConsent: true },
    },
  });
  expect(res.status()).toBe(200);
  expect((await res.json()).reference).toBe(first);
});

test("a page whose key was already used with other answers says so, keeps them, and sends them as a new response", async ({
  page,
}) => {
  await page.goto("/en/c/dpsi/respond");
  const first = await sendWithThisPagesKey(page, "The answers sent first from this page.");
  await page.getByLabel("General comment on the whole draft (optional)").fill("The answers changed afterwards.");
  await fillAboutYou(page, { type: "An individual", publication: "No, do not publish it" });
  await page.getByRole("button", { name: "Submit your response" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(
    summary.getByRole("link", { name: /A response with different answers was already sent from this page/ }),
  ).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(page.getByLabel("General comment on the whole draft (optional)")).toHaveValue(
    "The answers changed afterwards.",
  );
  await expect(page.locator('input[name="idempotencyKey"]')).not.toHaveValue(first.key);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Submit your response" }).click();
  await expect(page).toHaveURL(/\/en\/c\/dpsi\/receipt\//);
  await expect(page.getByTestId("reference")).not.toHaveText(first.reference);
  await expect(page.getByRole("main").getByText("The answers changed afterwards.")).toBeVisible();
});

test("a form opened before the deadline and posted after it is refused, and the text is kept", async ({ page }) => {
  const slug = uniqueSlug("closing");
  await createConsultation({ slug, closesAt: new Date(Date.now() + 8_000) });
  await page.goto(`/en/c/${slug}/respond`);
  await clauseBlock(page, "1.1").locator("summary").click();
  await clauseBlock(page, "1.1").getByLabel("Word or phrase").fill("weak signals");
  await clauseBlock(page, "1.1").getByLabel("Why").fill("Too late, but kept.");
  await fillAboutYou(page, { type: "An individual" });
  await page.waitForTimeout(Math.max(0, 9_000));
  await page.getByRole("button", { name: "Submit your response" }).click();
  await expect(page.getByRole("heading", { name: "This consultation is closed" })).toBeVisible();
  await expect(page.getByText(/Your response was not recorded/)).toBeVisible();
  await expect(clauseBlock(page, "1.1").getByLabel("Why")).toHaveValue("Too late, but kept.");
  await expectAccessible(page);

  await page.goto(`/en/c/${slug}`);
  await expect(page.getByText(/This consultation closed on/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Respond to this consultation" })).toHaveCount(0);
  await expectAccessible(page);
  await page.goto(`/en/c/${slug}/respond`);
  await expect(page.getByRole("heading", { name: "This consultation is closed" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit your response" })).toHaveCount(0);
});

test("the French form: errors and receipt in French", async ({ page }) => {
  await page.goto("/fr/c/dpsi/respond");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await page.getByRole("button", { name: "Envoyer votre réponse" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Il y a un problème" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link")).not.toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel(/Commentaire général/).fill("Un commentaire en français.");
  await page.getByRole("group", { name: "Vous répondez" }).getByRole("radio").first().check();
  await page.getByLabel("Pays", { exact: true }).selectOption({ label: "Côte d’Ivoire" });
  await page
    .getByRole("group", { name: /secteur public/ })
    .getByRole("radio")
    .first()
    .check();
  await page
    .getByRole("group", { name: /publier/ })
    .getByRole("radio")
    .first()
    .check();
  await page.getByRole("checkbox", { name: /^J’ai lu les informations/ }).check();
  await page.getByRole("button", { name: "Envoyer votre réponse" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Réponse reçue" })).toBeVisible();
  await expect(page.getByText("Côte d’Ivoire")).toBeVisible();
  await expectAccessible(page);
});
