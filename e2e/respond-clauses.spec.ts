import { expect, test, type Page } from "@playwright/test";
import { clauseBlock, expectAccessible } from "./helpers";

// Issue 13, the response form's items: each of the 24 closed clause sections says what the clause is about,
// every optional field says so, the error summary names each error's clause, and on a 390 px phone the
// rating scales stack one option a line and nothing scrolls sideways. In English and French, at 1280 px
// and 390 px, with axe on each state of the page.
const LOCALES = {
  en: {
    first: "Explain, at the highest levels of leadership, why innovation matters to the organisation's mission.",
    opens: "Give feedback on Action 1.1",
    optional: ["Your name (optional)", "Email address (optional)", "General comment on the whole draft (optional)"],
    optionalInClause: [
      /^What is unclear, and how could it be clearer\? \(optional\)$/,
      /^What would help or stand in the way\? \(optional\)$/,
    ],
    clarity: "How clear is it?",
    term: "Word or phrase",
    submit: "Submit your response",
    problem: "There is a problem",
    clauseError: /^Action 1\.1, language: Enter the wording you propose, or say why the term is a problem$/,
  },
  fr: {
    first: "Expliquer, au plus haut niveau de direction, en quoi l'innovation sert les missions de l'organisation.",
    opens: "Donner votre avis sur Action 1.1",
    optional: [
      "Votre nom (facultatif)",
      "Adresse électronique (facultatif)",
      "Commentaire général sur l’ensemble du projet (facultatif)",
    ],
    optionalInClause: [
      /^Qu’est-ce qui n’est pas clair, et comment le rendre plus clair\s\? \(facultatif\)$/,
      /^Qu’est-ce qui aiderait ou ferait obstacle\s\? \(facultatif\)$/,
    ],
    clarity: /À quel point est-elle claire/,
    term: "Mot ou expression",
    submit: "Envoyer votre réponse",
    problem: "Il y a un problème",
    // Accessible names fold the narrow no-break space to a space; the text itself keeps it (checked below).
    clauseError: /^Action 1\.1, langue\s: \S/,
  },
} as const;

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, "the page's width, in CSS pixels").toBeLessThanOrEqual(innerWidth);
}

for (const locale of ["en", "fr"] as const) {
  for (const width of [1280, 390]) {
    test(`${locale} at ${width} px: closed clause sections show their first line, optional fields say so, errors name their clause, nothing scrolls sideways`, async ({
      page,
    }) => {
      const l = LOCALES[locale];
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/${locale}/c/dpsi/respond`);

      // 24 closed sections, each with its label and the start of its text.
      const summaries = page.locator("details[data-clause] > summary");
      await expect(summaries).toHaveCount(24);
      await expect(page.locator("details[data-clause][open]")).toHaveCount(0);
      const block = clauseBlock(page, "1.1");
      await expect(block.locator("summary")).toContainText(l.opens);
      await expect(block.locator("summary")).toContainText(l.first);
      for (const text of await summaries.allInnerTexts())
        expect(text.split("\n").filter((s) => s.trim()).length, text).toBeGreaterThanOrEqual(2);
      for (const label of l.optional) await expect(page.getByLabel(label, { exact: true })).toHaveCount(1);
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);

      // Opened: the optional comments say so; the 1–5 scale is one option a line on a phone, side by side on a desktop.
      await block.locator("summary").click();
      await expect(block).toHaveAttribute("open", "");
      for (const label of l.optionalInClause) await expect(block.getByLabel(label)).toHaveCount(1);
      const radios = block.getByRole("group", { name: l.clarity }).getByRole("radio");
      await expect(radios).toHaveCount(6);
      const boxes = await Promise.all((await radios.all()).map(async (r) => (await r.boundingBox())!));
      const rows = new Set(boxes.map((b) => Math.round(b.y)));
      if (width === 390) {
        expect(rows.size, "one option a line").toBe(6);
        expect(new Set(boxes.map((b) => Math.round(b.x))).size, "all options in one column").toBe(1);
      } else {
        expect(rows.size, "options side by side").toBeLessThan(6);
      }
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);

      // A word without the wording or the reason: the summary says which clause and which aspect.
      await block.getByLabel(l.term, { exact: true }).fill("weak signals");
      await page.getByRole("button", { name: l.submit }).click();
      const summary = page.getByRole("alert").filter({ hasText: l.problem });
      await expect(summary).toBeFocused();
      await expect(summary.getByRole("link", { name: l.clauseError })).toHaveCount(1);
      if (locale === "fr")
        expect(await summary.getByRole("link", { name: l.clauseError }).textContent()).toContain("langue\u202f: ");
      await expect(block.getByLabel(l.term, { exact: true })).toHaveValue("weak signals");
      // The field's own message starts with "Error: " for a screen reader, in French with the narrow no-break space.
      const fieldError = await block.locator('p[id$="-error"]').first().textContent();
      expect(fieldError).toMatch(locale === "fr" ? /^Erreur\u202f: \S/ : /^Error: \S/);
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);
    });
  }
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the error summary names each error's clause and aspect", async ({ page }) => {
    await page.goto("/en/c/dpsi/respond?clause=1.1");
    const block = clauseBlock(page, "1.1");
    await block.getByLabel("Word or phrase", { exact: true }).fill("weak signals");
    await page.getByRole("button", { name: "Submit your response" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary.getByRole("link", { name: LOCALES.en.clauseError })).toHaveCount(1);
    await expect(summary.getByRole("link", { name: "Select who you are responding as" })).toHaveCount(1);
    await expect(block.getByLabel("Word or phrase", { exact: true })).toHaveValue("weak signals");
    // (axe runs in the page, so without JavaScript it cannot: the same state is scanned with JavaScript above.)
  });
});
