// Issue 13: the draft on a phone. "Respond" stays within reach while reading (a bar stuck to the top of
// the screen, CSS only: the page's script budget is in phone.spec.ts), focus and linked clauses are never
// hidden under it (WCAG 2.2, 2.4.11), and every per-clause link says in words what it does and to which clause.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./helpers";

const TEXT = {
  en: {
    respond: "Respond to this consultation",
    comment: "Comment on Action 2.1",
    link: "Link to Action 2.1",
    published: "Published comments on Action 2.1",
  },
  fr: {
    respond: "Répondre à cette consultation",
    comment: "Commenter Action 2.1",
    link: "Lien vers Action 2.1",
    published: "Commentaires publiés sur Action 2.1",
  },
} as const;

/** Tabs through `count` stops from where focus is (backwards too); no focused element may be under the sticky bar. */
async function expectFocusNeverUnderTheBar(page: Page, count: number, key = "Tab") {
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(key);
    const hidden = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const bar = document.querySelector<HTMLElement>("[data-respond-bar]");
      if (!el || el === document.body || !bar || bar.contains(el)) return null;
      const r = el.getBoundingClientRect();
      const b = bar.getBoundingClientRect();
      const overlaps = r.bottom > b.top && r.top < b.bottom && r.right > b.left && r.left < b.right;
      return overlaps
        ? `${el.tagName} "${el.textContent?.trim().slice(0, 40)}" (${Math.round(r.top)}–${Math.round(r.bottom)} px) under the bar (${Math.round(b.top)}–${Math.round(b.bottom)} px)`
        : null;
    });
    expect(hidden, `tab stop ${i + 1}`).toBeNull();
  }
}

for (const locale of ["en", "fr"] as const) {
  for (const width of [1280, 390]) {
    test(`the draft (${locale}, ${width} px) keeps "Respond" within reach and names each clause's links in words`, async ({
      page,
    }) => {
      const t = TEXT[locale];
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.goto(`/${locale}/c/dpsi`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

      // The clause's links read as words and name the clause where one can see it.
      const clause = page.locator("#clause-2\\.1");
      await expect(clause.getByRole("link", { name: t.comment, exact: true })).toHaveText(t.comment);
      await expect(clause.getByRole("link", { name: t.link, exact: true })).toHaveText(t.link);
      await expect(clause.getByRole("link", { name: t.published, exact: true })).toHaveText(t.published);
      await expect(page.getByRole("main").getByRole("link").filter({ hasText: /^#/ })).toHaveCount(0);

      // Deep in the draft, "Respond" is on screen, and the page does not scroll sideways.
      await page.locator("#clause-3\\.1").scrollIntoViewIfNeeded();
      await expect(page.getByRole("link", { name: t.respond }).last()).toBeInViewport();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      // A clause reached from the contents starts below the bar, not under it.
      await page
        .getByRole("navigation", { name: locale === "en" ? "Contents" : "Sommaire" })
        .getByRole("link", { name: "Action 2.1", exact: true })
        .click();
      await expect(page).toHaveURL(/#clause-2\.1$/);
      await expect(async () => {
        const [heading, bar] = [
          await clause.getByRole("heading").first().boundingBox(),
          await page.locator("[data-respond-bar]").boundingBox(),
        ];
        expect(heading!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height);
      }).toPass();

      // Keyboard users walk the clauses' links, forwards and back, without one disappearing under the bar.
      await page.getByRole("heading", { level: 2, name: locale === "en" ? "The draft" : "Le projet de texte" }).click();
      await expectFocusNeverUnderTheBar(page, 40);
      await expectFocusNeverUnderTheBar(page, 40, "Shift+Tab");
      await expectAccessible(page);
    });
  }
}
