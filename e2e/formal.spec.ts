import { expect, test, type Browser, type Page } from "@playwright/test";
import { createAccount, createConsultation, expectAccessible, signedLetter, signIn, uniqueSlug } from "./helpers";
import { linkIn, readMail } from "./mail";

async function as(browser: Browser, account: { email: string; password: string }, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, account, { path });
  return page;
}

async function openClause(page: Page, key: string) {
  const block = page.locator(`details[data-clause="${key}"]`);
  if (!(await block.evaluate((d) => (d as HTMLDetailsElement).open))) await block.locator("summary").click();
  return block;
}

test("a delegate is invited, drafts with a colleague, uploads the letter; an approver submits; a moderator reopens", async ({
  page,
  browser,
}) => {
  // Four people, three invitations (each an argon2id hash) and a dozen pages: over a minute on a busy 2-core machine.
  test.setTimeout(375_000);
  const slug = uniqueSlug("formal");
  await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
  const ws = `/en/delegation/${slug}`;

  // The admin invites a drafter for Belgium; the invitation arrives by email.
  await signIn(page, await createAccount("admin"), { path: "/en/admin" });
  await expectAccessible(page);
  const email = `${uniqueSlug("drafter")}@test.clausewise.invalid`;
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
    "Enter the person's name",
  );
  await page.getByLabel("Full name").fill("Dana Drafter");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Country (delegates only)").selectOption({ label: "Belgium" });
  await page.getByRole("group", { name: "Part in the delegation (delegates only)" }).getByLabel("Drafter").check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation emailed to ${email.toLowerCase()}`)).toBeVisible();
  const link = linkIn(await readMail(email, /invitation/), "/en/invitation/");

  // The drafter accepts: the password must be typed twice the same.
  const drafter = await (await browser.newContext()).newPage();
  await drafter.goto(new URL(link).pathname);
  await expect(drafter.getByText("You are invited as Drafter in the delegation of Belgium.")).toBeVisible();
  await expectAccessible(drafter);
  await drafter.getByLabel("Choose a password").fill("correct horse battery staple");
  await drafter.getByLabel("Type the password again").fill("correct horse battery stable");
  await drafter.getByRole("button", { name: "Create account and sign in" }).click();
  await expect(drafter.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
    "The two passwords are not the same",
  );
  await drafter.getByLabel("Choose a password").fill("correct horse battery staple");
  await drafter.getByLabel("Type the password again").fill("correct horse battery staple");
  await drafter.getByRole("button", { name: "Create account and sign in" }).click();
  await drafter.waitForURL("**/en/delegation");
  await expectAccessible(drafter);
  // The link works once.
  await page.goto(new URL(link).pathname);
  await expect(page.getByText("This invitation has already been used.")).toBeVisible();

  // A colleague opens the same draft before the drafter saves.
  const colleague = await as(
    browser,
    await createAccount("delegate", undefined, { country: "BE", delegationRole: "drafter" }),
    ws,
  );
  await drafter.goto(ws);
  await expectAccessible(drafter);
  const block = await openClause(drafter, "1.1");
  await block.getByLabel("Support with amendments").check();
  await block.getByLabel("Proposed amendment").fill("Act on early signs of change.");
  await block.getByLabel("A word or phrase that does not work in your country").fill("weak signals");
  await drafter.getByRole("button", { name: "Save draft" }).click();
  await expect(drafter.getByText("Changed: 1.1.")).toBeVisible();
  await expectAccessible(drafter);

  // The colleague's save, made from the older version, is refused; their text is kept.
  const theirs = await openClause(colleague, "1");
  await theirs.getByLabel("Is it clear?").fill("Clear to us.");
  await colleague.getByRole("button", { name: "Save draft" }).click();
  await expect(colleague.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Dana Drafter");
  await expect(colleague.locator(`details[data-clause="1"]`).getByLabel("Is it clear?")).toHaveValue("Clear to us.");

  // The letter: a file that is not a PDF is refused, whatever its name (even an HTML page with a PDF header and trailer); a PDF is kept with its hash.
  await drafter.goto(ws);
  await drafter.getByLabel("Upload the signed letter").setInputFiles({
    name: "letter.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n<html>not a pdf</html>\n%%EOF\n"),
  });
  await drafter.getByRole("button", { name: "Upload letter" }).click();
  await expect(drafter.getByText("The file is not a PDF, or it is damaged or password-protected.")).toBeVisible();
  await drafter
    .getByLabel("Upload the signed letter")
    .setInputFiles({ name: "Signed letter.pdf", mimeType: "application/pdf", buffer: await signedLetter() });
  await drafter.getByRole("button", { name: "Upload letter" }).click();
  await expect(drafter.getByText("The letter was uploaded.")).toBeVisible();
  await expect(drafter.getByText(/SHA-256 [0-9a-f]{64}/).first()).toBeVisible();
  await expect(
    drafter.getByText("Only an approver of your delegation can submit the official response."),
  ).toBeVisible();

  // The approver signs off.
  const approver = await as(
    browser,
    await createAccount("delegate", undefined, { country: "BE", delegationRole: "approver" }),
    ws,
  );
  await approver.getByRole("button", { name: "Submit official response" }).click();
  await expect(approver.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
    "Confirm that this is your country's official response",
  );
  await approver.getByLabel("I confirm that this is the official response of Belgium").check();
  await approver.getByRole("button", { name: "Submit official response" }).click();
  await expect(approver.getByRole("heading", { name: "Submitted and locked" })).toBeVisible();
  await expect(approver.getByRole("button", { name: "Save draft" })).toHaveCount(0);
  await expect(approver.getByText("Act on early signs of change.")).toBeVisible();
  await expectAccessible(approver);

  // A moderator sees it as official, and reopens it with a reason the delegation sees.
  await signIn(page, await createAccount("moderator"), { path: `/en/moderate/formal` });
  await page.goto(`/en/moderate/formal?c=${slug}`);
  const row = page.getByTestId("formal-BE");
  await expect(row).toContainText("Submitted");
  await expectAccessible(page);
  await row.getByRole("link", { name: /Its items in the queue/ }).click();
  await expect(page.getByText("Official").first()).toBeVisible();
  await expect(page.getByRole("cell", { name: /Support with amendments/ })).toBeVisible();
  await page.goto(`/en/moderate/formal?c=${slug}`);
  await row.getByLabel(/Reason for reopening/).fill("The amendment to 1.1 needs the French text too.");
  await row.getByRole("button", { name: "Reopen the response of Belgium" }).click();
  await expect(row).toContainText("Reopened by Test moderator");
  await drafter.goto(ws);
  await expect(drafter.getByText("Reason: The amendment to 1.1 needs the French text too.")).toBeVisible();
  await expect(drafter.getByRole("button", { name: "Save draft" })).toBeVisible();
});

test("two approvers submitting at the same moment: one response is official, the other is told", async ({
  browser,
}) => {
  const slug = uniqueSlug("formal2");
  await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
  const ws = `/en/delegation/${slug}`;
  const a = await as(
    browser,
    await createAccount("delegate", undefined, { country: "PT", delegationRole: "approver" }),
    ws,
  );
  await (await openClause(a, "1")).getByLabel("Support", { exact: true }).check();
  await a.getByRole("button", { name: "Save draft" }).click();
  await expect(a.getByText("Changed: 1.")).toBeVisible();
  const b = await as(
    browser,
    await createAccount("delegate", undefined, { country: "PT", delegationRole: "approver" }),
    ws,
  );
  for (const p of [a, b]) {
    await p.reload();
    await p.getByLabel("I confirm that this is the official response of Portugal").check();
  }
  await Promise.all([a, b].map((p) => p.getByRole("button", { name: "Submit official response" }).click()));
  const locked = "This response has already been submitted and is locked.";
  await expect(async () => {
    const outcomes = await Promise.all(
      [a, b].map(async (p) =>
        (await p.getByText(locked).count()) > 0
          ? "refused"
          : (await p.getByRole("heading", { name: "Submitted and locked" }).count()) > 0
            ? "submitted"
            : "pending",
      ),
    );
    expect(outcomes.sort()).toEqual(["refused", "submitted"]);
  }).toPass({ timeout: 15_000 });
});

test("a hidden draft is not found to a delegate (list, workspace, letter upload) nor to a moderator; open data answers as for an unknown address", async ({
  page,
  browser,
}) => {
  const slug = uniqueSlug("hidden");
  await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000), draft: true });
  await signIn(page, await createAccount("delegate", undefined, { country: "FR", delegationRole: "approver" }), {
    path: "/en/delegation",
  });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Formal responses");
  await expect(page.getByRole("link", { name: `Test consultation ${slug}` })).toHaveCount(0);

  const opened = await page.goto(`/en/delegation/${slug}`);
  expect(opened?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByText("Do the first thing.")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save draft" })).toHaveCount(0);

  const origin = new URL(page.url()).origin;
  const upload = await page.request.post(`/api/delegation/${slug}/letter?locale=en`, {
    headers: { origin },
    multipart: { letter: { name: "letter.pdf", mimeType: "application/pdf", buffer: await signedLetter() } },
    maxRedirects: 0,
  });
  expect(upload.status()).toBe(404);

  const unknown = uniqueSlug("nobody");
  for (const path of ["", "/published", "/published/export?format=csv", "/results"]) {
    const [hidden, none] = [
      await page.request.get(`/api/consultations/${slug}${path}`),
      await page.request.get(`/api/consultations/${unknown}${path}`),
    ];
    expect(hidden.status(), path).toBe(404);
    expect(hidden.status(), path).toBe(none.status());
    expect(await hidden.text(), path).toBe(await none.text());
  }

  // A moderator is staff, but hidden drafts are the admins': the queue and the formal list fall back to another consultation.
  const moderator = await as(browser, await createAccount("moderator"), "/en/moderate");
  for (const path of [`/en/moderate?c=${slug}`, `/en/moderate/formal?c=${slug}`]) {
    await moderator.goto(path);
    await expect(moderator.getByRole("heading", { level: 1 }), path).not.toHaveText("Page not found");
    await expect(moderator.getByText(`Test consultation ${slug}`), path).toHaveCount(0);
  }
  for (const path of [`/en/moderate/overview?c=${slug}`, `/en/moderate/key-in?c=${slug}`]) {
    await moderator.goto(path);
    await expect(moderator.getByRole("heading", { level: 1 }), path).toHaveText("Page not found");
  }
  expect((await moderator.request.get(`/api/moderate/consultations/${slug}/export?format=csv`)).status()).toBe(404);
});
