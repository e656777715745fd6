// Issue 13: what frames every page and every date. The footer (accessibility statement, contact, privacy,
// staff sign-in), the French "page not found", an upcoming consultation told apart from an open one, and
// dates in one style ("28 February 2027, 23:59 CET" / "28 février 2027, 23 h 59 UTC+1").
import { expect, test, type Page } from "@playwright/test";
import { createConsultation, expectAccessible, uniqueSlug } from "./helpers";
import { linkIn, readMail } from "./mail";
import { WIDTHS } from "./walk";

const CLOSES = new Date("2027-02-28T22:59:00Z");
const OPENS = new Date("2027-01-15T08:00:00Z");

async function atBothWidths(page: Page, path: string, check: () => Promise<void>) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 844 });
    await page.goto(path);
    await check();
    await expectAccessible(page);
  }
}

test("the footer links to the accessibility statement, a contact address, the privacy notices and staff sign-in, in both languages", async ({
  page,
}) => {
  test.setTimeout(600_000);
  for (const [locale, names] of [
    ["en", { a11y: "Accessibility statement", contact: /Contact/, privacy: "Privacy", signIn: "Staff sign in" }],
    [
      "fr",
      {
        a11y: "Déclaration d’accessibilité",
        contact: /Contact/,
        privacy: "Confidentialité",
        signIn: "Connexion du personnel",
      },
    ],
  ] as const) {
    await atBothWidths(page, `/${locale}`, async () => {
      const footer = page.getByRole("contentinfo");
      await expect(footer.getByRole("link", { name: names.a11y })).toHaveAttribute("href", `/${locale}/accessibility`);
      await expect(footer.getByRole("link", { name: names.contact })).toHaveAttribute(
        "href",
        "mailto:contact@test.clausewise.invalid",
      );
      await expect(footer.getByRole("link", { name: names.privacy })).toHaveAttribute("href", `/${locale}/privacy`);
      await expect(footer.getByRole("link", { name: names.signIn })).toHaveAttribute("href", `/${locale}/sign-in`);
    });
    // The statement: what works, what does not, how to report a problem.
    await atBothWidths(page, `/${locale}/accessibility`, async () => {
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(names.a11y);
      await expect(page.getByRole("heading", { level: 2 })).toHaveCount(4);
      await expect(page.getByRole("main").getByRole("link", { name: "contact@test.clausewise.invalid" })).toBeVisible();
    });
    // The privacy notices: one per consultation, each linked.
    await atBothWidths(page, `/${locale}/privacy`, async () => {
      await expect(page.getByRole("main").locator('a[href$="/c/dpsi/privacy"]')).toBeVisible();
    });
  }
});

test("any address under /fr that matches no page answers the French 'page not found', lang=fr", async ({
  page,
  request,
}) => {
  test.setTimeout(600_000);
  for (const [locale, title] of [
    ["fr", "Page non trouvée"],
    ["en", "Page not found"],
  ] as const) {
    for (const path of [
      `/${locale}/no-such-page`,
      `/${locale}/c/dpsi/no-such-page`,
      `/${locale}/moderate/no/such/page`,
    ]) {
      expect((await request.get(path)).status(), path).toBe(404);
      await atBothWidths(page, path, async () => {
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      });
    }
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("an unknown consultation shows its 'page not found', not a blank page", async ({ page }) => {
    for (const [locale, title] of [
      ["en", "Page not found"],
      ["fr", "Page non trouvée"],
    ] as const) {
      for (const path of [
        `/${locale}/c/no-such-consultation`,
        `/${locale}/c/no-such-consultation/respond`,
        `/${locale}/c/no-such-consultation/comments`,
      ]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(title);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
      }
    }
  });
});

test("an upcoming consultation is not coloured as an open one, and says when it opens before when it closes", async ({
  page,
}) => {
  test.setTimeout(450_000);
  const upcoming = uniqueSlug("upcoming");
  await createConsultation({ slug: upcoming, opensAt: OPENS, closesAt: CLOSES });
  const open = uniqueSlug("open");
  await createConsultation({ slug: open, closesAt: CLOSES });
  const statusColour = async (slug: string) => {
    await page.goto(`/en/c/${slug}`);
    return page
      .locator("[data-consultation-status] strong")
      .first()
      .evaluate((el) => getComputedStyle(el).color);
  };
  expect(await statusColour(upcoming)).not.toBe(await statusColour(open));
  for (const [locale, opens, closes] of [
    ["en", "Opens on 15 January 2027, 09:00 CET", "Closes on 28 February 2027, 23:59 CET"],
    ["fr", "Ouverture le 15 janvier 2027, 9 h 00 UTC+1", "Clôture le 28 février 2027, 23 h 59 UTC+1"],
  ] as const) {
    for (const path of [`/${locale}/c/${upcoming}`, `/${locale}`]) {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 844 });
        const status = page.locator(`[data-consultation-status="upcoming"]`).filter({ hasText: opens }).first();
        // The home page may be the page cache's copy from before this test's consultation (15 s at most).
        await expect(async () => {
          await page.goto(path);
          await expect(status).toBeVisible({ timeout: 1000 });
        }).toPass({ timeout: 45_000 });
        const text = (await status.innerText()).replace(/[\u00a0\u202f]/g, " ");
        expect(text.indexOf(opens), text).toBeGreaterThanOrEqual(0);
        expect(text.indexOf(opens), text).toBeLessThan(text.indexOf(closes));
        await expectAccessible(page);
      }
    }
  }
});

test.describe("dates in the reader's own time zone", () => {
  test.use({ timezoneId: "America/New_York" });
  test("dates read '28 February 2027, 23:59 CET' in the consultation's zone, plus the reader's where it differs", async ({
    page,
    browser,
  }) => {
    const slug = uniqueSlug("dates");
    await createConsultation({ slug, closesAt: CLOSES });
    await page.goto(`/en/c/${slug}`);
    const status = page.getByTestId("consultation-status");
    await expect(status).toContainText("Closes on 28 February 2027, 23:59 CET");
    await expect(status).toContainText("In your time zone: 28 February 2027, 17:59 GMT-5");
    await expect(status).not.toContainText(/Monday|Sunday|Coordinated|Central European/);
    await page.goto(`/fr/c/${slug}`);
    await expect(page.getByTestId("consultation-status")).toContainText(/Clôture le 28 février 2027, 23\sh\s59 UTC\+1/);
    await expect(page.getByTestId("consultation-status")).toContainText(
      /Dans votre fuseau horaire\s:\s28 février 2027, 17\sh\s59 UTC−5/,
    );
    // A reader in the consultation's own zone is not told the same time twice.
    const paris = await (await browser.newContext({ timezoneId: "Europe/Paris" })).newPage();
    await paris.goto(`/en/c/${slug}`);
    await expect(paris.getByTestId("consultation-status")).toContainText("Closes on 28 February 2027, 23:59 CET");
    // Without JavaScript it says the time in UTC; the browser, once it has seen the reader's zone, removes that.
    await expect(paris.getByTestId("consultation-status")).not.toContainText("In UTC");
    await expect(paris.getByTestId("local-time")).toHaveCount(0);
    // A reader whose clock reads the same as the consultation's (Lagos, UTC+1 like Paris in winter): the same.
    const lagos = await (await browser.newContext({ timezoneId: "Africa/Lagos" })).newPage();
    await lagos.goto(`/en/c/${slug}`);
    await expect(lagos.getByTestId("consultation-status")).not.toContainText("In UTC");
    await expect(lagos.getByTestId("local-time")).toHaveCount(0);
  });
});

test("the receipt email writes its dates in the same style", async ({ request }) => {
  const slug = uniqueSlug("mail-dates");
  await createConsultation({ slug, closesAt: CLOSES });
  const email = `${uniqueSlug("dates")}@test.clausewise.invalid`;
  const r = await request.post(`/api/consultations/${slug}/responses`, {
    data: {
      generalComment: "On dates.",
      respondent: {
        type: "individual",
        email,
        country: "FR",
        publicSector: false,
        publication: "none",
        privacyConsent: true,
      },
    },
  });
  expect(r.status(), await r.text()).toBe(201);
  const mail = await readMail(email);
  linkIn(mail, `/en/c/${slug}/manage/`);
  expect(mail.text).toContain("(28 February 2027, 23:59 CET)");
  expect(mail.text).toMatch(/on \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} CES?T\./);
  expect(mail.text).not.toMatch(
    /Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Coordinated|Central European/,
  );
});
