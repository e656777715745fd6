// The README's pictures, taken on a 390 px phone: the draft, the response form, a receipt and the
// moderators' queue. This test is the only way they are made (`npm run test:e2e -- e2e/screenshots.spec.ts`
// writes them to e2e/screenshots/); it checks that each page loaded and passes axe, never the pixels.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createAccount, expectAccessible, signIn } from "./helpers";

const DIR = path.join(__dirname, "screenshots");
const PHONE = { width: 390, height: 844 };

async function shoot(page: Page, name: string) {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: path.join(DIR, `${name}.png`), animations: "disabled", caret: "hide" });
}

test("screenshots at 390 px: the draft, the response form, a receipt and the moderators' queue", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();

  await page.goto("/en/c/dpsi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Draft Declaration on Public Sector Innovation");
  await shoot(page, "draft");

  await page.goto("/en/c/dpsi/respond?clause=1.1#clause-1.1");
  await expect(page.locator('details[data-clause="1.1"]')).toHaveAttribute("open", "");
  await shoot(page, "respond");

  const res = await page.request.post("/api/consultations/dpsi/responses", {
    data: {
      feedback: [{ clause: "1.1", clarity: { rating: 3, comment: "Who decides what counts as a weak signal?" } }],
      respondent: {
        type: "individual",
        country: "FR",
        publicSector: true,
        publication: "anonymous",
        privacyConsent: true,
      },
    },
  });
  expect(res.status()).toBe(201);
  await page.goto((await res.json()).receiptUrl);
  await expect(page.getByTestId("reference")).toBeVisible();
  await shoot(page, "receipt");

  await signIn(page, await createAccount("moderator"), { path: "/en/moderate" });
  await page.goto("/en/moderate?c=dpsi");
  await shoot(page, "queue");
  await context.close();
});
