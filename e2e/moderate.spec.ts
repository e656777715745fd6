import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { anyItem, createAccount, expectAccessible, signIn, uniqueSlug } from "./helpers";
import { readMail } from "./mail";

test("a moderator signs in, filters the queue, exports CSV with formulas neutralised, and signs out", async ({
  page,
}) => {
  const marker = uniqueSlug("export");
  const submitted = await page.request.post("/api/consultations/dpsi/responses", {
    data: {
      feedback: [{ clause: "1.2", clarity: { rating: 1, comment: `=HYPERLINK("http://evil.example","${marker}")` } }],
      respondent: {
        type: "organisation",
        organisationName: "@Formula Org",
        country: "BE",
        publicSector: false,
        publication: "named",
        privacyConsent: true,
      },
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
  await expect(page.getByRole("link", { name: new RegExp(`^Open ${reference} `) })).toBeVisible();
  await expectAccessible(page);

  await page.locator("summary", { hasText: "Filters" }).click(); // the filters' panel is closed: the queue comes first
  await page.getByLabel("Aspect").selectOption("language");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/aspect=language/);
  await expect(page.getByRole("link", { name: new RegExp(`^Open ${reference} `) })).toHaveCount(0);
  await page.getByRole("link", { name: "Clear filters" }).click();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV (spreadsheet)" }).click();
  const file = await (await download).path();
  await expect(page.getByRole("status").filter({ hasText: /Downloaded: \d+ rows\./ })).toBeVisible();
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

test("only moderators and admins get in: anonymous, respondents and delegates are refused everywhere", async ({
  page,
  request,
}) => {
  // Anonymous (a respondent has no account: the same as anonymous).
  expect((await request.get("/api/moderate/consultations/dpsi/export")).status()).toBe(401);
  expect((await request.get("/api/moderate/consultations/dpsi/export?format=jsonl")).status()).toBe(401);

  const delegate = await createAccount("delegate");
  await signIn(page, delegate, { path: "/en/delegation" });
  // The queue sends a delegate to their delegation's page.
  await page.goto("/en/moderate");
  await expect(page).toHaveURL(/\/en\/delegation$/);
  await expect(page.getByRole("heading", { name: "Moderation" })).toHaveCount(0);
  // Elsewhere a role that may not moderate sees "not found" (the status may already be 200: Next.js streams the page head).
  await page.goto("/en/moderate/overview");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  expect((await page.request.get("/api/moderate/consultations/dpsi/export")).status()).toBe(403);

  const general = await request.post("/api/consultations/dpsi/responses", {
    data: {
      generalComment: "For the JSON Lines export.",
      respondent: { type: "individual", country: "IE", publicSector: true, publication: "none", privacyConsent: true },
    },
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

test("a moderator opens an item, triages it, and bulk-tags items from the queue", async ({ page }) => {
  const marker = uniqueSlug("triage");
  const submitted = await page.request.post("/api/consultations/dpsi/responses", {
    data: {
      feedback: [
        {
          clause: "4.1",
          clarity: { rating: 3, comment: `Needs an example (${marker})` },
          feasibility: { rating: 2, countryContext: marker },
        },
      ],
      respondent: {
        type: "local_government",
        organisationName: "Ville de Nantes",
        country: "FR",
        publicSector: true,
        publication: "anonymous",
        privacyConsent: true,
      },
    },
  });
  const { reference } = await submitted.json();
  const moderator = await createAccount("moderator");
  await signIn(page, moderator);
  await page.goto("/en/moderate?c=dpsi&clause=4.1");

  await page.getByRole("link", { name: `Open ${reference} Clarity` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Feedback item ${reference}` })).toBeVisible();
  await expect(page.getByText(`Needs an example (${marker})`)).toBeVisible();
  await expect(page.getByRole("link", { name: /Action 4\.1 – Feasibility/ })).toBeVisible(); // the rest of the response
  await expectAccessible(page);

  await page.getByLabel("Status").selectOption({ label: "In review" });
  await page.getByRole("radio", { name: "Partly accepted" }).check();
  await page.getByLabel("Reason for the disposition (optional)").fill("An example will be added.");
  await page.getByLabel("Tags").fill("Examples, local government");
  await page.getByLabel("Add an internal note (optional)").fill("Ask the drafting team.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Status")).toHaveValue("in_review");
  await expect(page.getByLabel("Tags")).toHaveValue("Examples, local government");
  await expect(page.getByText("Ask the drafting team.").first()).toBeVisible();
  await expect(page.getByText(/changed Status from “New” to “In review”/)).toBeVisible();
  await expectAccessible(page);

  await page.goto("/en/moderate?c=dpsi&clause=4.1");
  await page.getByRole("checkbox", { name: `Select ${reference} Clarity` }).check();
  await page.getByRole("checkbox", { name: `Select ${reference} Feasibility` }).check();
  await page.getByLabel("Add a tag").fill(marker);
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByText("2 items changed.")).toBeVisible();
  await page.goto("/en/moderate?c=dpsi&clause=4.1&status=in_review");
  // Only the item put in review shows under that status, with both tags.
  await expect(page.getByRole("link", { name: new RegExp(`^Open ${reference} `) })).toHaveCount(1);
  await expect(page.getByText(new RegExp(`Examples, local government, ${marker}|${marker}, Examples`))).toBeVisible();
});

test("a triage form posted without the right role changes nothing", async ({ page, browser }) => {
  const submitted = await page.request.post("/api/consultations/dpsi/responses", {
    data: {
      feedback: [{ clause: "5.1", clarity: { rating: 4 } }],
      respondent: { type: "individual", country: "PT", publicSector: false, publication: "none", privacyConsent: true },
    },
  });
  const { reference } = await submitted.json();
  const moderator = await createAccount("moderator");
  await signIn(page, moderator);
  await page.goto("/en/moderate?c=dpsi&clause=5.1");
  await page.getByRole("link", { name: `Open ${reference} Clarity` }).click();
  const itemUrl = page.url();

  // The session is swapped under the open form: first a delegate's, then none at all.
  const other = await browser.newContext();
  const delegatePage = await other.newPage();
  await signIn(delegatePage, await createAccount("delegate"));
  const delegateCookies = await other.cookies();
  await other.close();
  for (const cookies of [delegateCookies, []]) {
    await page.context().clearCookies();
    if (cookies.length) await page.context().addCookies(cookies);
    await page.getByLabel("Status").selectOption({ label: "Spam" });
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("link", { name: "You are not allowed to do this: sign in again" })).toBeVisible();
  }
  await page.context().clearCookies();
  await signIn(page, moderator, { path: new URL(itemUrl).pathname });
  await expect(page.getByLabel("Status")).toHaveValue("new");
  await expect(page.getByText("No changes yet.")).toBeVisible();
});

test("the queue can be worked by keyboard: j/k to move, x to select, Enter to open", async ({ page }) => {
  for (let i = 0; i < 2; i++) {
    await page.request.post("/api/consultations/dpsi/responses", {
      data: {
        feedback: [{ clause: "5.2", clarity: { rating: 3 } }],
        respondent: {
          type: "individual",
          country: "NO",
          publicSector: false,
          publication: "none",
          privacyConsent: true,
        },
      },
    });
  }
  await signIn(page, await createAccount("moderator"));
  await page.goto("/en/moderate?c=dpsi&clause=5.2");
  await page.locator("body").click({ position: { x: 5, y: 300 } });
  const items = page.locator("[data-queue-item]");
  await page.keyboard.press("j");
  await expect(items.nth(0)).toBeFocused();
  await page.keyboard.press("j");
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press("x");
  await expect(page.locator("tbody tr").nth(1).getByRole("checkbox")).toBeChecked();
  await page.keyboard.press("k");
  await expect(items.nth(0)).toBeFocused();
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search the text")).toBeFocused();
  await items.nth(0).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: /Feedback item/ })).toBeVisible();
});

test("a campaign of form letters is grouped and triaged at once, each respondent kept", async ({ page }) => {
  const marker = uniqueSlug("letter").replace(/-/g, "");
  const letter = `As members of the ${marker} network we ask for stronger commitments on open experimentation in every country.`;
  for (const [i, text] of [
    letter,
    letter.toUpperCase(),
    letter.replace("every country", "every single country"),
  ].entries()) {
    const res = await page.request.post("/api/consultations/dpsi/responses", {
      data: {
        generalComment: text,
        respondent: {
          type: "individual",
          country: ["FR", "SN", "CA"][i],
          publicSector: false,
          publication: "none",
          privacyConsent: true,
        },
      },
    });
    expect(res.status()).toBe(201);
  }
  await signIn(page, await createAccount("moderator"));
  await page.goto(`/en/moderate?c=dpsi&q=${marker}`);
  await page.getByRole("button", { name: "Find campaigns" }).click();
  await expect(page.getByRole("status").filter({ hasText: /campaigns?, \d+ items grouped/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name: "Campaign of 3" })).toHaveCount(3);
  await page.getByRole("link", { name: "Campaign of 3" }).first().click();
  await expect(page.getByText("Showing one campaign: 3 items.")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Set the status of all 3 items of this campaign").selectOption({ label: "Noted" });
  await page.getByRole("button", { name: "Apply to the whole campaign" }).click();
  await expect(page.getByText("3 items changed.")).toBeVisible();
  await page.reload();
  await expect(page.locator("tbody tr")).toHaveCount(3);
  await expect(page.locator("tbody tr").filter({ hasText: "Noted" })).toHaveCount(3);
  // Each respondent's own record is still there.
  for (const country of ["France", "Senegal", "Canada"])
    await expect(page.getByRole("cell", { name: new RegExp(country) })).toBeVisible();
});

test("the overview shows the heat map, average ratings, counts, responses per day and the terminology table", async ({
  page,
}) => {
  const term = uniqueSlug("jargon");
  const res = await page.request.post("/api/consultations/dpsi/responses", {
    data: {
      feedback: [
        {
          clause: "2.2",
          clarity: { rating: 1 },
          language: { term, proposedWording: "plain words" },
          feasibility: { rating: 5 },
        },
      ],
      respondent: {
        type: "group",
        organisationName: "Network",
        country: "KE",
        publicSector: false,
        publication: "anonymous",
        privacyConsent: true,
      },
    },
  });
  expect(res.status()).toBe(201);
  await signIn(page, await createAccount("moderator"));
  await page.goto("/en/moderate?c=dpsi");
  await page.getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  // The overview is cached for seconds per server (stale while it refreshes): the new response shows up within them.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("cell", { name: term })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const row = page.getByRole("row", { name: /^Action 2\.2/ });
  await expect(row.getByRole("link").first()).toHaveAttribute("href", /clause=2\.2&aspect=clarity/);
  await expect(page.getByRole("row", { name: new RegExp(`${term} plain words \\d+`) })).toBeVisible();
  await expect(page.getByRole("table").filter({ hasText: "Kenya" })).toBeVisible();
  await expect(page.locator("svg.recharts-surface")).toHaveCount(3);
  await expectAccessible(page);
});

test("a staff session lasts an hour after the last activity, not after sign-in", async ({ page }) => {
  await signIn(page, await createAccount("moderator"));
  const session = async () => (await page.context().cookies()).find((c) => c.name.includes("session-token"));
  const first = await session();
  expect(first).toBeTruthy();
  const inAnHour = Date.now() / 1000 + 3600;
  expect(Math.abs(first!.expires - inAnHour)).toBeLessThan(120);
  await page.waitForTimeout(2_000);
  await page.goto("/en/moderate?c=dpsi");
  const second = await session();
  expect(second!.expires).toBeGreaterThan(first!.expires + 1);
});

test("the authorization matrix: every moderation page, action and route refuses anonymous visitors and delegates", async ({
  page,
  browser,
  request,
}) => {
  await request.post("/api/consultations/dpsi/responses", {
    data: {
      generalComment: "For the matrix.",
      respondent: { type: "individual", country: "AT", publicSector: true, publication: "none", privacyConsent: true },
    },
  });
  const item = await anyItem();
  const pages = [
    "/en/moderate",
    "/en/moderate?c=dpsi",
    `/en/moderate/items/${item}`,
    "/en/moderate/overview",
    "/fr/moderate/overview?c=dpsi",
  ];
  const routes = [
    "/api/moderate/consultations/dpsi/export",
    "/api/moderate/consultations/dpsi/export?format=jsonl",
    "/api/moderate/consultations/dpsi/export?what=audit",
  ];

  // Anonymous (respondents have no account: the same thing).
  for (const path of pages) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/(en|fr)\/sign-in\?callbackUrl=/);
  }
  for (const path of routes) expect((await request.get(path)).status(), path).toBe(401);

  // A delegate: signed in, wrong role.
  await signIn(page, await createAccount("delegate"), { path: "/en" });
  for (const path of pages) {
    await page.goto(path);
    // The queue sends a delegate to their own workspace; every other page says "not found".
    if (/^\/en\/moderate(\?|$)/.test(path)) await expect(page, path).toHaveURL(/\/en\/delegation$/);
    else await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(/Page not found|Page non trouvée/);
  }
  for (const path of routes) expect((await page.request.get(path)).status(), path).toBe(403);

  // The moderation actions, posted from a moderator's page after the session became a delegate's.
  const delegateCookies = await page.context().cookies();
  const other = await browser.newContext();
  const mod = await other.newPage();
  await signIn(mod, await createAccount("moderator"));
  await mod.goto("/en/moderate?c=dpsi");
  await mod.context().clearCookies();
  await mod.context().addCookies(delegateCookies);
  await mod.getByRole("button", { name: "Find campaigns" }).click();
  await expect(mod.getByRole("alert").filter({ hasText: "You are not allowed to do this" })).toBeVisible();
  await other.close();
});

const LOCKED =
  "Too many failed sign-in attempts from your connection. Try again in 15 minutes (longer if it happens again), or ask an administrator to unlock your account.";

/** Five wrong passwords for `account` from this browser's connection; the sixth try, with the right one, is refused. */
async function lockOut(page: Page, account: { email: string; password: string }) {
  for (let i = 0; i < 5; i++) {
    await signIn(page, { ...account, password: `wrong ${i}` }, { succeeds: false });
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
  }
  await signIn(page, account, { succeeds: false });
  await expect(page.getByRole("link", { name: LOCKED })).toBeVisible();
  await expect(page).toHaveURL(/\/en\/sign-in/);
}

test("five wrong passwords lock the address with a clear message, even for the right password", async ({ page }) => {
  await lockOut(page, await createAccount("moderator"));
});

test("an admin sees the account under attack and unlocks it (without JavaScript); the owner was warned by email once and signs in again", async ({
  page,
  browser,
}) => {
  const account = await createAccount("moderator");
  await lockOut(page, account);
  const warning = await readMail(account.email, /Failed sign-ins to your Clausewise account/);
  expect(warning.text).toContain("Nobody got in with these attempts");

  const admin = await createAccount("admin");
  const withJs = await browser.newContext();
  const seen = await withJs.newPage();
  await signIn(seen, admin, { path: `/en/admin/accounts?q=${encodeURIComponent(account.email)}` });
  const attacked = seen.locator("li").filter({ hasText: `${account.email} · Moderator` });
  await expect(attacked).toContainText(
    /Sign-in under attack: 5 failed attempts in the last 24 hours\. 1 client address is refused until /,
  );
  await expectAccessible(seen);
  await withJs.close();

  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const adminPage = await noJs.newPage();
  await signIn(adminPage, admin, { path: `/en/admin/accounts?q=${encodeURIComponent(account.email)}` });
  const row = adminPage.locator("li").filter({ hasText: `${account.email} · Moderator` });
  await row.getByRole("button", { name: "Unlock sign-in for Test moderator" }).click();
  const unlocked = adminPage.locator("li").filter({ hasText: `${account.email} · Moderator` });
  await expect(unlocked.getByRole("status").filter({ hasText: "Sign-in unlocked" })).toHaveText(
    "Sign-in unlocked: every client address may try again.",
  );
  await expect(unlocked).not.toContainText("under attack");
  await adminPage.goto("/en/admin/accounts");
  await expect(
    adminPage.getByText(
      new RegExp(`Sign-in unlocked · ${account.email.replace(/[.]/g, "\\.")} · sign-in unlocked: 5 failures`),
    ),
  ).toBeVisible();
  await noJs.close();

  await signIn(page, account);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
