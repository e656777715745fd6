// Checks every page a walk visits: no raw message key in what a person sees or hears, no sideways
// scroll at 390 px, and axe (WCAG 2.2 AA), at 1280 px and at 390 px. Soft assertions, so one run
// names every page that fails.
import { expect, type Page } from "@playwright/test";
import en from "../lib/i18n/messages/en.json";
import { expectAccessible } from "./helpers";

// next-intl shows a missing message as "namespace.key" (the key may hold spaces: "invitations.Passwords need…").
const NAMESPACES = Object.keys(en).join("|");
const RAW_KEY = new RegExp(`(?<![\\w@/.-])(?:${NAMESPACES})\\.[A-Za-z_][\\w]*`, "g");

/** Text that looks like a message key, in the page's text, its title and the names and hints it gives assistive technology. */
export async function rawKeysOn(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out = [document.title, document.body.innerText];
    for (const el of document.querySelectorAll("[aria-label], [title], [placeholder], [alt], [aria-description]")) {
      for (const a of ["aria-label", "title", "placeholder", "alt", "aria-description"]) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  });
  return [...new Set(texts.flatMap((t) => t.match(RAW_KEY) ?? []))];
}

/** The page's width at 390 px, and the outermost elements that stick out (so a failure says what to fix). */
async function sidewaysCulprits(page: Page, width: number): Promise<{ scrollWidth: number; culprits: string[] }> {
  return page.evaluate((w) => {
    const scrollWidth = document.documentElement.scrollWidth;
    const culprits: string[] = [];
    if (scrollWidth > w) {
      for (const el of document.querySelectorAll<HTMLElement>("body *")) {
        const r = el.getBoundingClientRect();
        if (r.right > w + 1 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > w + 1)) {
          culprits.push(
            `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} (${Math.round(r.right)} px): ${(el.textContent ?? "").slice(0, 40)}`,
          );
        }
      }
    }
    return { scrollWidth, culprits: culprits.slice(0, 5) };
  }, width);
}

/** Checks the page as it stands (after a form was sent, say), at the current width. */
export async function checkThisPage(page: Page, label: string, opts: { axe?: boolean } = {}) {
  await expect(page.locator("h1").first()).toBeVisible();
  const keys = await rawKeysOn(page);
  expect.soft(keys, `${label}: raw message keys`).toEqual([]);
  const width = page.viewportSize()!.width;
  const { scrollWidth, culprits } = await sidewaysCulprits(page, width);
  expect
    .soft(scrollWidth, `${label} is ${scrollWidth} px wide at ${width} px: ${culprits.join(" | ")}`)
    .toBeLessThanOrEqual(width);
  if (opts.axe !== false) await expectAccessible(page, { soft: true });
}

export const WIDTHS = [1280, 390] as const;

/** Visits `path` at 1280 px and at 390 px and checks it each time. */
export async function checkPage(page: Page, path: string, opts: { axe?: boolean } = {}) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
    await page.goto(path);
    await checkThisPage(page, `${path} at ${width} px`, opts);
  }
}

/** The same path in both languages ("/L/…" gets /en and /fr). */
export function bothLanguages(path: string): string[] {
  return ["en", "fr"].map((l) => path.replace(/^\/L(\/|$)/, `/${l}$1`));
}
