import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createAccount, expectAccessible, signIn, uniqueSlug } from "./helpers";

test("a moderator signs in, filters the queue, exports CSV with formulas neutralised, and signs out", async ({ page }) => {
  const marker = uniqueSlug("export");
  const submitted = await page.request.post("/api/consultations/dpsi/responses", {
    data: {
      feedback: [{ clause: "1.2", clarity: { rating: 1, comment: `=HYPERLINK("http://evil.example","${marker}")` } }],
      respondent: { type: "organisation", organisationName: "@Formula Org", country: "BE", publicSector: false, publication: "named", privacyConsent: true },
    },
  });
  expect(submitted.status()).toBe(201);
  const { reference } = await submitted.json();

  await page.goto("/en/moderate");
  await expect(page).toHaveURL(/\/en\/sign-in\?callbackUrl=%2Fen%2Fmoderate/);
  await expectAccessible(page);

  const moderator = await createAccount("moderator");
  await signIn(page, { ...moderator, password: "wrong password" }, { succeeds: false });
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Enter a correct email address and password" })).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveValue(moderator.email);

  await signIn(page, moderator);
  await expect(page).toHaveURL(/\/en\/moderate$/);
  await expect(page.getByRole("heading", { level: 1, name: "Moderation" })).toBeVisible();
  await expect(page.getByText(/Signed in as Test moderator/)).toBeVisible();
  await page.goto("/en/moderate?c=dpsi"); // other tests make consultations of their own
  await expect(page.getByRole("cell", { name: reference })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Aspect").selectOption({ label: "Language" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/aspect=language/);
  await expect(page.getByRole("cell", { name: reference })).toHaveCount(0);
  await page.getByRole("link", { name: "Clear filters" }).click();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV (spreadsheet)" }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff); // BOM for spreadsheets
  expect(csv).toContain("reference,submitted_at,respondent_type");
  const row = csv.split("\r\n").find((line) => line.startsWith(reference));
  expect(row).toBeTruthy();
  expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""${marker}"")"`);
  expect(row).toContain("'@Formula Org");
  expect(row).toMatch(/,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z,/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/en\/sign-in\?signedOut=1/);
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await page.goto("/en/moderate");
  await expect(page).toHaveURL(/\/en\/sign-in/);
});

test("only moderators and admins get in: anonymous, respondents and delegates are refused everywhere", async ({ page, request }) => {
  // Anonymous (a respondent has no account: the same as anonymous).
  expect((await request.get("/api/moderate/consultations/dpsi/export")).status()).toBe(401);
  expect((await request.get("/api/moderate/consultations/dpsi/export?format=jsonl")).status()).toBe(401);

  const delegate = await createAccount("delegate");
  await signIn(page, delegate);
  await page.goto("/en/moderate");
  // A role that may not moderate sees "not found" (the status may already be 200: Next.js streams the page head).
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Moderation" })).toHaveCount(0);
  expect((await page.request.get("/api/moderate/consultations/dpsi/export")).status()).toBe(403);

  const general = await request.post("/api/consultations/dpsi/responses", {
    data: { generalComment: "For the JSON Lines export.", respondent: { type: "individual", country: "IE", publicSector: true, publication: "none", privacyConsent: true } },
  });
  expect(general.status()).toBe(201);
  const admin = await createAccount("admin");
  await page.context().clearCookies();
  await signIn(page, admin);
  await expect(page.getByRole("heading", { level: 1, name: "Moderation" })).toBeVisible();
  const jsonl = await page.request.get("/api/moderate/consultations/dpsi/export?format=jsonl&aspect=general");
  expect(jsonl.status()).toBe(200);
  const lines = (await jsonl.text()).trim().split("\n").filter(Boolean);
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.every((l) => JSON.parse(l).aspect === "general")).toBe(true);
  const { reference } = await general.json();
  expect(lines.some((l) => JSON.parse(l).reference === reference)).toBe(true);
});
