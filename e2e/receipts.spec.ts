import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { createAccount, createConsultation, expectAccessible, fillAboutYou, signIn, uniqueSlug } from "./helpers";
import { linkIn, readMail } from "./mail";

async function respond(
  page: Page,
  slug: string,
  v: { comment: string; email?: string; name?: string; publication: string },
) {
  await page.goto(`/en/c/${slug}/respond?clause=1`);
  const block = page.locator(`details[data-clause="1"]`);
  await block.getByLabel(/What is unclear/).fill(v.comment);
  await fillAboutYou(page, { type: "An individual", publication: v.publication });
  if (v.name) await page.getByLabel("Your name (optional)").fill(v.name);
  if (v.email) await page.getByLabel("Email address (optional)").fill(v.email);
  await page.getByRole("button", { name: "Submit your response" }).click();
  await page.waitForURL(/\/receipt\//);
  return (await page.getByTestId("reference").textContent())!.trim();
}

test("without JavaScript, the private link's form shows another clause's questions without saving anything", async ({
  browser,
}) => {
  const slug = uniqueSlug("receipt-nojs");
  await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
  const email = `${uniqueSlug("resp")}@test.clausewise.invalid`;
  const withJs = await browser.newPage();
  const reference = await respond(withJs, slug, { comment: "Sent once.", email, publication: "Yes, without my name" });
  await withJs.close();
  const manage = new URL(linkIn(await readMail(email, new RegExp(reference)), `/en/c/${slug}/manage/`)).pathname;
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(manage);
  await page
    .locator(`details[data-clause="1"]`)
    .getByLabel(/What is unclear/)
    .fill("Changed, not saved yet.");
  const other = page.locator(`details[data-clause="1.1"]`);
  await other.locator("summary").click();
  await other.getByRole("button", { name: "Show the questions on this clause" }).click();
  await expect(other.getByLabel(/What is unclear/)).toBeVisible();
  await expect(page.locator(`details[data-clause="1"]`).getByLabel(/What is unclear/)).toHaveValue(
    "Changed, not saved yet.",
  );
  await expect(page.getByText("Your response now stands as version 2.")).toHaveCount(0);
  await page.goto(manage);
  await expect(page.locator(`details[data-clause="1"]`).getByLabel(/What is unclear/)).toHaveValue("Sent once.");
  await context.close();
});

test("the email receipt's private link: see the response, change it (a new version), withdraw it", async ({ page }) => {
  const slug = uniqueSlug("receipt");
  await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
  const email = `${uniqueSlug("resp")}@test.clausewise.invalid`;
  const reference = await respond(page, slug, {
    comment: "Who acts first?",
    email,
    publication: "Yes, without my name",
  });

  const mail = await readMail(email, new RegExp(reference));
  expect(mail.text).toContain(`/en/c/${slug}/receipt/${reference}?key=`);
  const manage = new URL(linkIn(mail, `/en/c/${slug}/manage/`)).pathname;
  await page.goto(manage);
  await expect(page.getByText(`Reference ${reference}`)).toBeVisible();
  await expectAccessible(page);

  // The form opens with what was sent; a change is saved as a new version.
  const block = page.locator(`details[data-clause="1"]`);
  await expect(block.getByLabel(/What is unclear/)).toHaveValue("Who acts first?");
  await block.getByLabel(/What is unclear/).fill("Who acts first, the ministry or the agency?");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Your response now stands as version 2.")).toBeVisible();
  await expect(page.getByText("1 earlier version")).toBeVisible();
  await page.getByRole("link", { name: /See the receipt/ }).click();
  await expect(page.getByText("Who acts first, the ministry or the agency?")).toBeVisible();

  // Withdrawing needs a confirmation, then it is out.
  await page.goto(manage);
  await page.getByRole("button", { name: "Withdraw my response" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Tick the box");
  await page.getByLabel("I want to withdraw my response").check();
  await page.getByRole("button", { name: "Withdraw my response" }).click();
  await expect(page.getByRole("heading", { name: "Withdrawn" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expectAccessible(page);
  await page.goto("/en/c/x/manage/not-a-token");
  await expect(page.getByText("This private link is not valid.")).toBeVisible();
});

test("publication shows cleared comments of consenting respondents only; erasure removes a respondent from the export", async ({
  page,
  browser,
  request,
}) => {
  const slug = uniqueSlug("publish");
  await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
  const visitor = await (await browser.newContext()).newPage();
  const named = await respond(visitor, slug, {
    comment: "Named and public.",
    name: "Nora Named",
    publication: "Yes, with my name (or my organisation’s)",
  });
  await respond(visitor, slug, {
    comment: "Private, please.",
    name: "Paul Private",
    publication: "No, do not publish it",
  });

  // A moderator clears everything in the queue at once.
  await signIn(page, await createAccount("admin"), { path: "/en/moderate" });
  await page.goto(`/en/moderate?c=${slug}`);
  for (const box of await page.getByRole("checkbox", { name: /^Select / }).all()) await box.check();
  await page.getByLabel("Publication").selectOption({ label: "Cleared for publication" });
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByText("2 items changed.")).toBeVisible();

  await visitor.goto(`/en/c/${slug}/comments`);
  await expect(visitor.getByText("Named and public.")).toBeVisible();
  await expect(visitor.getByText("Nora Named")).toBeVisible();
  await expect(visitor.getByText("Private, please.")).toHaveCount(0);
  await expectAccessible(visitor);
  const api = await request.get(`/api/consultations/${slug}/published`);
  expect(api.headers()["ratelimit-limit"]).toBe("60");
  expect((await api.json()).items.map((i: { comment: string }) => i.comment)).toEqual(["Named and public."]);
  const openCsv = await (await request.get(`/api/consultations/${slug}/published/export?format=csv`)).text();
  expect(openCsv).toContain("Named and public.");
  expect(openCsv).not.toContain("Private, please.");

  // The respondent asks for erasure: the admin erases by reference; the next export no longer has the name.
  const exportUrl = `/api/moderate/consultations/${slug}/export?format=csv`;
  expect(await (await page.request.get(exportUrl)).text()).toContain(named);
  await page.goto("/en/admin/privacy");
  await expectAccessible(page);
  await page.getByLabel("Reference of the response").fill(named);
  await page.getByLabel(/I confirm the respondent asked/).check();
  await page.getByRole("button", { name: "Erase personal data" }).click();
  await expect(page.getByRole("heading", { name: `Erase the personal data of ${named}?` })).toBeVisible();
  await page.getByRole("button", { name: "Yes, erase personal data" }).click();
  await expect(page.getByText(`Personal data of ${named} erased.`)).toBeVisible();
  const after = await (await page.request.get(exportUrl)).text();
  expect(after).toContain("Named and public.");
  expect(after).not.toContain("Nora Named");
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const { rows } = await db.query(`SELECT respondent_name, erased_at FROM response WHERE reference = $1`, [named]);
  await db.end();
  expect(rows[0].respondent_name).toBeNull();
  await visitor.goto(`/en/c/${slug}/comments`);
  await expect(visitor.getByText("Anonymous respondent")).toBeVisible();
  await visitor.goto(`/en/c/${slug}/privacy`);
  await expect(visitor.getByRole("heading", { name: "For how long" })).toBeVisible();
  await expectAccessible(visitor);
});
