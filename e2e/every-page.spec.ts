// Issue 13: every page each role can reach, in English and French, at 1280 px and 390 px: no raw message
// key (a dotted identifier such as "invitations.Passwords need…"), no sideways scroll, and axe.
import { createHash, randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createAccount, createConsultation, signIn, sql, uniqueSlug, announceChange } from "./helpers";
import { linkIn, readMail } from "./mail";
import { bothLanguages, checkPage, checkThisPage, WIDTHS } from "./walk";

async function signedIn(browser: Browser, role: "admin" | "moderator" | "delegate"): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const account = await createAccount(role);
  await signIn(page, account, { path: role === "delegate" ? "/en/delegation" : "/en/moderate" });
  // The accounts page's log: an entry of each kind an admin's work leaves (stored as codes such as "consultation.close_early").
  if (role === "admin") {
    await sql(
      `INSERT INTO admin_event (actor_id, at, action, target)
       SELECT u.id, now(), a, 'walk' FROM app_user u, unnest($2::text[]) a WHERE u.email = $1`,
      [
        account.email,
        [
          "consultation.close_early",
          "consultation.publish_results",
          "consultation.redraft",
          "account.update",
          "response.erase",
          "invitation.create",
        ],
      ],
    );
  }
  return page;
}

/** A closed consultation whose results are published, and an upcoming one. */
async function otherPhases() {
  const closed = uniqueSlug("walk-closed");
  const id = await createConsultation({ slug: closed, closesAt: new Date(Date.now() + 3_600_000) });
  await sql(`UPDATE consultation SET closes_at = now() - interval '1 millisecond' WHERE id = $1`, [id]);
  await sql(`UPDATE consultation SET results_published_at = now() WHERE id = $1`, [id]);
  await announceChange();
  const upcoming = uniqueSlug("walk-upcoming");
  await createConsultation({
    slug: upcoming,
    opensAt: new Date(Date.now() + 7 * 86_400_000),
    closesAt: new Date(Date.now() + 30 * 86_400_000),
  });
  return { closed, upcoming };
}

// One test per page (both languages, both widths): on a slow machine a walk of every page in one test ran past any
// timeout, and separate tests spread over the workers. "{closed}" and "{upcoming}" are this worker's other phases.
let phases: Promise<{ closed: string; upcoming: string }> | undefined;
for (const path of [
  "/L",
  "/L/c/dpsi",
  "/L/c/dpsi/respond",
  "/L/c/dpsi/comments",
  "/L/c/dpsi/comments?clause=1.1",
  "/L/c/dpsi/privacy",
  "/L/c/{upcoming}",
  "/L/c/{upcoming}/respond",
  "/L/c/{closed}",
  "/L/c/{closed}/results",
  "/L/c/{closed}/results/1.1",
  "/L/accessibility",
  "/L/sign-in",
  "/L/no-such-page",
  "/L/c/no-such-consultation",
  "/L/c/dpsi/receipt/DPSI-NOPE-NOPE",
]) {
  test(`public page ${path}: no raw message key, no sideways scroll at 390 px, axe, in both languages`, async ({
    page,
  }) => {
    let filled = path;
    if (/\{(closed|upcoming)\}/.test(path)) {
      const { closed, upcoming } = await (phases ??= otherPhases());
      filled = path.replace("{closed}", closed).replace("{upcoming}", upcoming);
    }
    for (const p of bothLanguages(filled)) await checkPage(page, p);
  });
}

test("sign-in errors, in both languages: no raw message key, no sideways scroll, axe", async ({ page }) => {
  for (const locale of ["en", "fr"]) {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 844 });
      await page.goto(`/${locale}/sign-in`);
      await page.locator("form button[type=submit]").click();
      await expect(page.getByRole("alert").first()).toBeVisible();
      await checkThisPage(page, `/${locale}/sign-in, empty, at ${width} px`);
      await page.locator("input[name=email]").fill("nobody@test.clausewise.invalid");
      await page.locator("input[name=password]").fill("not the password at all");
      await page.locator("form button[type=submit]").click();
      await expect(page.getByRole("alert").first()).toBeVisible();
      await checkThisPage(page, `/${locale}/sign-in, wrong password, at ${width} px`);
    }
  }
});

test("a respondent's receipt and private manage link, in both languages", async ({ page, request }) => {
  test.setTimeout(300_000);
  const email = `${uniqueSlug("walker")}@test.clausewise.invalid`;
  const r = await request.post("/api/consultations/dpsi/responses", {
    data: {
      feedback: [{ clause: "1.1", clarity: { rating: 2, comment: "Who acts first?" } }],
      generalComment: "A general comment.",
      respondent: {
        type: "individual",
        name: "Wanda Walker",
        email,
        country: "FR",
        publicSector: false,
        publication: "anonymous",
        privacyConsent: true,
      },
    },
  });
  expect(r.status(), await r.text()).toBe(201);
  const { reference } = (await r.json()) as { reference: string };
  const mail = await readMail(email, new RegExp(reference));
  const receipt = new URL(linkIn(mail, `/en/c/dpsi/receipt/`));
  const manage = new URL(linkIn(mail, `/en/c/dpsi/manage/`));
  for (const path of [
    ...bothLanguages(`/L${receipt.pathname.slice(3)}${receipt.search}`),
    ...bothLanguages(`/L${manage.pathname.slice(3)}`),
    ...bothLanguages("/L/c/dpsi/manage/not-a-token"),
  ]) {
    await checkPage(page, path);
  }
});

test("the invitation page, and a too-short password, in both languages: no raw message key", async ({ page }) => {
  test.setTimeout(300_000);
  const admin = await createAccount("admin");
  const [{ id: adminId }] = await sql<{ id: string }>(`SELECT id FROM app_user WHERE email = $1`, [admin.email]);
  for (const locale of ["en", "fr"]) {
    const token = randomBytes(32).toString("base64url");
    await sql(
      `INSERT INTO invitation (email, name, role, country, delegation_role, token_hash, invited_by_id, expires_at)
       VALUES ($1, 'Ivy Invited', 'delegate', 'BE', 'drafter', $2, $3, now() + interval '7 days')`,
      [`${uniqueSlug("invited")}@test.clausewise.invalid`, createHash("sha256").update(token).digest("hex"), adminId],
    );
    await checkPage(page, `/${locale}/invitation/${token}`);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 844 });
      await page.goto(`/${locale}/invitation/${token}`);
      await page.locator("#accept-password").fill("short");
      await page.locator("#accept-confirm").fill("short");
      await page.locator("form button[type=submit]").click();
      await expect(page.locator("#accept-password-error")).toBeVisible();
      await expect(page.locator("#accept-password-error")).toContainText(
        locale === "en" ? "Passwords need 12 characters or more" : "au moins 12 caractères",
      );
      await checkThisPage(page, `/${locale}/invitation, too-short password, at ${width} px`);
    }
  }
  await checkPage(page, "/en/invitation/not-a-token");
  await checkPage(page, "/fr/invitation/not-a-token");
});

for (const path of ["/L/delegation", "/L/delegation/dpsi", "/L", "/L/c/dpsi"]) {
  test(`a delegate's page ${path}, in both languages`, async ({ browser }) => {
    const page = await signedIn(browser, "delegate");
    for (const p of bothLanguages(path)) await checkPage(page, p);
    await page.context().close();
  });
}

for (const path of [
  "/L/moderate?c=dpsi",
  "/L/moderate/items/{item}?c=dpsi",
  "/L/moderate/overview?c=dpsi",
  "/L/moderate/formal?c=dpsi",
  "/L/moderate/countries?c=dpsi",
  "/L/moderate/key-in?c=dpsi",
  "/L/moderate/campaigns?c=dpsi",
  "/L/moderate/bulk/confirm?c=dpsi&scope=matching&filter=q%3Dsignals&bulkDecision=accepted&bulkReason=Walk",
  "/L/c/dpsi",
]) {
  test(`a moderator's page ${path}, in both languages`, async ({ browser }) => {
    const page = await signedIn(browser, "moderator");
    let filled = path;
    if (path.includes("{item}")) {
      const [{ id }] = await sql<{ id: string }>(
        `SELECT f.id FROM feedback_item f JOIN response r ON r.id = f.response_id JOIN consultation c ON c.id = r.consultation_id WHERE c.slug = 'dpsi' ORDER BY f.id LIMIT 1`,
      );
      filled = path.replace("{item}", id);
    }
    for (const p of bothLanguages(filled)) await checkPage(page, p);
    await page.context().close();
  });
}

for (const path of [
  "/L/admin",
  "/L/admin/consultations",
  "/L/admin/consultations/new",
  "/L/admin/consultations/dpsi",
  "/L/admin/consultations/dpsi/edit",
  "/L/admin/consultations/dpsi/redraft",
  "/L/admin/consultations/dpsi/confirm?intent=close&closeReason=Walk",
  "/L/admin/accounts",
  "/L/admin/privacy",
]) {
  test(`an admin's page ${path}, in both languages`, async ({ browser }) => {
    const page = await signedIn(browser, "admin");
    for (const p of bothLanguages(path)) await checkPage(page, p);
    await page.context().close();
  });
}
