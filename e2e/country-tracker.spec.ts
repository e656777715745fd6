// Issue 15 §4: the country tracker (states, filter, CSV, a reminder by hand), "ready for approval" without
// JavaScript with the approver's email, and "Tell me when the results are published" on the response form;
// axe on the new page at 1280 and 390 px, in English and French.
import { expect, test } from "@playwright/test";
import { createAccount, createConsultation, fillAboutYou, signIn, sql, uniqueSlug } from "./helpers";
import { readMail } from "./mail";
import { checkPage, checkThisPage } from "./walk";

test("the tracker lists each country's state, filters it and gives it as CSV; an admin sends a reminder by hand", async ({
  page,
}) => {
  const slug = uniqueSlug("tracker");
  await createConsultation({ slug, closesAt: new Date(Date.now() + 10 * 86_400_000) });
  const [{ id }] = await sql<{ id: string }>(`SELECT id FROM consultation WHERE slug = $1`, [slug]);
  await sql(`INSERT INTO expected_country (consultation_id, country) VALUES ($1, 'MT'), ($1, 'LT')`, [id]);
  const member = await createAccount("delegate", undefined, { country: "LT", delegationRole: "drafter" });
  await signIn(page, await createAccount("admin"), { path: `/en/moderate/countries` });

  const path = `/en/moderate/countries?c=${slug}`;
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: "Countries" })).toBeVisible();
  const malta = page.getByTestId("tracker-MT");
  await expect(malta.getByRole("rowheader")).toContainText("Malta");
  await expect(malta).toContainText("Not invited");
  await expect(page.getByTestId("tracker-LT")).toContainText("Accepted");

  // The filter is in the URL (a plain GET form).
  await page.getByLabel("State").selectOption({ label: "Not invited" });
  await page.getByRole("button", { name: "Filter" }).click();
  await page.waitForURL((u) => u.searchParams.get("state") === "notInvited");
  await expect(page.getByTestId("tracker-MT")).toBeVisible();
  await expect(page.getByTestId("tracker-LT")).toHaveCount(0);

  // The CSV of what is shown.
  const href = await page.getByRole("link", { name: "Download these countries as CSV" }).getAttribute("href");
  expect(href).toBe(`/api/moderate/consultations/${slug}/countries?state=notInvited`);
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const text = await csv.text();
  expect(text).toContain("country,country_name,expected,state,last_change,members,extended_until");
  expect(text).toContain("MT,Malta,true,notInvited,,0,");
  expect(text).not.toContain("LT,Lithuania");
  expect((await page.request.get(`/api/moderate/consultations/${slug}/countries?state=nonsense`)).status()).toBe(400);

  // A reminder by hand, to the delegation's members, logged.
  await page.goto(path);
  await page.getByRole("button", { name: "Send a reminder to Lithuania" }).click();
  await expect(page.getByTestId("tracker-LT").getByRole("status")).toHaveText(
    "A reminder was sent to the 1 member of the delegation of Lithuania.",
  );
  const mail = await readMail(member.email, /Lithuania: the formal response is due/);
  expect(mail.text).toContain(`/en/delegation/${slug}`);
  const logged = await sql(`SELECT 1 FROM admin_event WHERE action = 'tracker.remind' AND target = $1`, [`${slug} LT`]);
  expect(logged).toHaveLength(1);

  // Axe and no sideways scrolling, at 1280 and 390 px, in both languages.
  await checkPage(page, path);
  await checkPage(page, `/fr/moderate/countries?c=${slug}`);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a drafter marks the workspace ready for approval: the approver is emailed, the workspace says who and when", async ({
    page,
    browser,
  }) => {
    const slug = uniqueSlug("ready");
    await createConsultation({ slug, closesAt: new Date(Date.now() + 10 * 86_400_000) });
    const approver = await createAccount("delegate", undefined, { country: "EE", delegationRole: "approver" });
    const ws = `/en/delegation/${slug}`;
    await signIn(page, await createAccount("delegate", undefined, { country: "EE", delegationRole: "drafter" }), {
      path: ws,
    });
    await expect(page.getByRole("heading", { name: "Ready for approval" })).toBeVisible();
    await page.getByRole("button", { name: "Mark as ready for approval" }).click();
    await expect(page.getByText(/^Test delegate asked the approvers to sign off on /).first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Mark as ready for approval" })).toHaveCount(0);
    await expect(page.getByText("marked the draft as ready for approval")).toBeVisible();
    const mail = await readMail(approver.email, /Estonia: the formal response is ready for approval/);
    expect(mail.text).toContain(`/en/delegation/${slug}#submit`);
    // axe needs JavaScript: the page as the approver sees it, in a browser with it, at 1280 and 390 px.
    await checkThisPage(page, "the workspace marked ready (no JavaScript)", { axe: false });
    const js = await (await browser.newContext({ javaScriptEnabled: true })).newPage();
    await signIn(js, approver, { path: ws });
    await expect(js.getByText(/^Test delegate asked the approvers to sign off on /).first()).toBeVisible();
    await checkPage(js, ws);
    await checkPage(js, `/fr/delegation/${slug}`);
  });
});

test("the response form asks 'Tell me when the results are published', off by default, and keeps the answer", async ({
  page,
}) => {
  const slug = uniqueSlug("notify");
  await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
  await page.goto(`/en/c/${slug}/respond?clause=1`);
  const box = page.getByRole("checkbox", { name: "Tell me when the results are published" });
  await expect(box).not.toBeChecked();
  await page
    .locator(`details[data-clause="1"]`)
    .getByLabel(/What is unclear/)
    .fill("The first clause is vague.");
  await fillAboutYou(page, { type: "An individual", publication: "No, do not publish it" });
  const email = `${uniqueSlug("notify")}@test.clausewise.invalid`;
  await page.getByLabel("Email address (optional)").fill(email);
  await box.check();
  await page.getByRole("button", { name: "Submit your response" }).click();
  await page.waitForURL(/\/receipt\//);
  const [row] = await sql<{ notify_results: boolean }>(`SELECT notify_results FROM response WHERE email = $1`, [email]);
  expect(row.notify_results).toBe(true);
});
