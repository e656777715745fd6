// Issue 13: the receipt says what happens next and whether an email (and so a private link) went out,
// shows each stored answer under the form's own question (never the form's "(optional)"), prints
// cleanly (no navigation; a Print button only where it works), and its reference never breaks.
import { expect, test, type Page } from "@playwright/test";
import en from "../lib/i18n/messages/en.json";
import fr from "../lib/i18n/messages/fr.json";
import { createConsultation, expectAccessible, uniqueSlug } from "./helpers";
import { readMail } from "./mail";

const MESSAGES = { en, fr } as const;
type TLocale = keyof typeof MESSAGES;

/** A response with every kind of answer, through the API; its receipt's address in `locale`. */
async function respondWithEverything(
  page: Page,
  locale: TLocale,
  slug: string,
  email?: string,
): Promise<{ reference: string; url: string }> {
  const res = await page.request.post(`/api/consultations/${slug}/responses`, {
    data: {
      feedback: [
        {
          clause: "1.1",
          clarity: { rating: 2, comment: "Who acts first?" },
          language: { term: "weak signals", proposedWording: "early signs", reason: "Plainer for readers." },
          feasibility: { rating: 4, countryContext: "Small ministries.", comment: "Needs two people." },
        },
      ],
      generalComment: "A useful draft overall.",
      respondent: {
        type: "organisation",
        country: "FR",
        organisationName: "Agence des essais",
        name: "Nora Test",
        publicSector: true,
        publication: "anonymous",
        privacyConsent: true,
        ...(email ? { email } : {}),
      },
    },
  });
  expect(res.status()).toBe(201);
  const body = (await res.json()) as { reference: string; receiptUrl: string };
  return { reference: body.reference, url: body.receiptUrl.replace(/^\/en\//, `/${locale}/`) };
}

/** The answer shown under a question (a <dt> with exactly this text, its <dd>). */
function answerTo(page: Page, question: string) {
  return page
    .locator("dt")
    .filter({ hasText: new RegExp(`^${question.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) })
    .locator("xpath=following-sibling::dd[1]");
}

const NEXT = {
  en: {
    sent: (email: string) => `We sent an email to ${email} with this receipt and a private link.`,
    noAddress:
      "No email was sent: you did not give an email address. So there is no private link to change your response.",
    change: /To change or withdraw your response, use the private link in the email, until the consultation closes on /,
    contact:
      "You cannot change this response online. To withdraw it, or to have it deleted, contact us and quote your reference number.",
    results: "After the consultation closes, the results will be published on the consultation’s page.",
    print: "Print this receipt",
    outOf5: (n: number) => `${n} out of 5`,
  },
  fr: {
    sent: (email: string) =>
      `Nous avons envoyé un courriel à ${email} avec cet accusé de réception et un lien personnel.`,
    noAddress:
      "Aucun courriel n’a été envoyé\u202F: vous n’avez pas indiqué d’adresse électronique. Vous n’avez donc pas de lien personnel pour modifier votre réponse.",
    change:
      /Pour modifier ou retirer votre réponse, utilisez le lien personnel figurant dans le courriel, jusqu’à la clôture de la consultation, le /,
    contact:
      "Cette réponse ne peut pas être modifiée en ligne. Pour la retirer ou la faire supprimer, contactez-nous en indiquant votre numéro de référence.",
    results: "Après la clôture de la consultation, les résultats seront publiés sur la page de la consultation.",
    print: "Imprimer cet accusé de réception",
    outOf5: (n: number) => `${n} sur 5`,
  },
} as const;

for (const locale of ["en", "fr"] as const) {
  test(`the receipt (${locale}) says what happens next and shows each answer under the form's question, at 1280 and 390 px`, async ({
    page,
  }) => {
    const m = MESSAGES[locale].respond;
    const next = NEXT[locale];
    const slug = uniqueSlug("receipt-next");
    await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
    const email = `${uniqueSlug("next")}@test.clausewise.invalid`;
    const withEmail = await respondWithEverything(page, locale, slug, email);
    await readMail(email, new RegExp(withEmail.reference));

    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(withEmail.url);
      const main = page.getByRole("main");
      await expect(
        main.getByRole("heading", { level: 2, name: locale === "en" ? "What happens next" : "La suite" }),
      ).toBeVisible();
      await expect(main.getByText(next.sent(email))).toBeVisible();
      await expect(main.getByText(next.change)).toBeVisible();
      await expect(main.getByText(next.results)).toBeVisible();
      await expect(
        main.getByRole("link", { name: locale === "en" ? "the consultation’s page" : "la page de la consultation" }),
      ).toHaveAttribute("href", `/${locale}/c/${slug}`);

      // Each answer under the form's own wording of its question, and none of the form's "(optional)".
      await expect(answerTo(page, m.clarityRating)).toHaveText(next.outOf5(2));
      await expect(answerTo(page, m.clarityComment)).toHaveText("Who acts first?");
      await expect(answerTo(page, m.term)).toHaveText("weak signals");
      await expect(answerTo(page, m.proposedWording)).toHaveText("early signs");
      await expect(answerTo(page, m.reason)).toHaveText("Plainer for readers.");
      await expect(answerTo(page, m.feasibilityRating)).toHaveText(next.outOf5(4));
      await expect(answerTo(page, m.countryContext)).toHaveText("Small ministries.");
      await expect(answerTo(page, m.feasibilityComment)).toHaveText("Needs two people.");
      await expect(answerTo(page, m.general)).toHaveText("A useful draft overall.");
      await expect(answerTo(page, m.respondentType)).toHaveText(m.type_organisation);
      await expect(answerTo(page, m.organisationName)).toHaveText("Agence des essais");
      await expect(answerTo(page, m.name)).toHaveText("Nora Test");
      await expect(answerTo(page, m.publicSector)).toHaveText(m.yes);
      await expect(answerTo(page, m.email)).toHaveText(email);
      await expect(answerTo(page, m.publication)).toHaveText(m.publication_anonymous);
      await expect(main).not.toContainText(/\((optional|facultatif)\)/);

      // The reference stays on one line, and nothing scrolls sideways.
      const lines = await page.getByTestId("reference").evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      expect(lines, `the reference ${withEmail.reference} at ${width} px`).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await expectAccessible(page);
    }

    // Without an email address: said plainly, and how to change it instead.
    const without = await respondWithEverything(page, locale, slug);
    await page.goto(without.url);
    await expect(page.getByRole("main").getByText(next.noAddress)).toBeVisible();
    await expect(page.getByRole("main").getByText(next.contact)).toBeVisible();
    await expectAccessible(page);
  });

  test(`the receipt (${locale}) prints without navigation, and its Print button prints`, async ({ page }) => {
    const slug = uniqueSlug("receipt-print");
    await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
    const { url } = await respondWithEverything(page, locale, slug);
    await page.goto(url);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.getByRole("button", { name: NEXT[locale].print }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("banner")).toBeHidden();
    await expect(page.getByRole("contentinfo")).toBeHidden();
    await expect(page.getByRole("button", { name: NEXT[locale].print })).toBeHidden();
    await expect(
      page.getByRole("main").getByRole("link", { name: locale === "en" ? "Back to the draft" : "Retour au projet" }),
    ).toBeHidden();
    await expect(page.getByTestId("reference")).toBeVisible();
    await expect(answerTo(page, MESSAGES[locale].respond.clarityComment)).toBeVisible();
    await expectAccessible(page);
  });

  test(`without JavaScript the receipt (${locale}) offers no Print button that cannot work, and still prints`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const slug = uniqueSlug("receipt-nojs");
    await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
    const { url } = await respondWithEverything(page, locale, slug);
    await page.goto(url);
    // (axe needs JavaScript: the same page is scanned with it, on screen and printed, in the tests above.)
    await expect(page.getByTestId("reference")).toBeVisible();
    await expect(
      page.getByRole("heading", { level: 2, name: locale === "en" ? "What happens next" : "La suite" }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: NEXT[locale].print })).toHaveCount(0);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("banner")).toBeHidden();
    await expect(answerTo(page, MESSAGES[locale].respond.general)).toHaveText("A useful draft overall.");
    await context.close();
  });
}
