// On a 390 px phone no staff page scrolls sideways: long references, long
// words and wide tables wrap or become cards.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { createAccount, signIn, uniqueSlug } from "./helpers";

// One 216-character word, as people paste links and identifiers.
const LONG_WORD = "Supercalifragilisticexpialidocious".repeat(6) + "xyzxyzxyzxyz";

async function itemIdWith(marker: string): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT id FROM feedback_item WHERE comment LIKE $1 LIMIT 1`, [`%${marker}%`]);
    return rows[0].id as string;
  } finally {
    await client.end();
  }
}

/** The page's widest point, soft-asserted so one run names every page that overflows. */
async function expectNoSidewaysScroll(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("h1").first()).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  // Name the outermost elements that stick out, so a failure says what to fix.
  const culprits =
    width <= 390
      ? []
      : await page.evaluate(() => {
          const out: string[] = [];
          for (const el of document.querySelectorAll<HTMLElement>("body *")) {
            const r = el.getBoundingClientRect();
            if (r.right > 391 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > 391)) {
              out.push(
                `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} (${Math.round(r.right)} px): ${(el.textContent ?? "").slice(0, 40)}`,
              );
            }
          }
          return out.slice(0, 5);
        });
  expect.soft(width, `${path} is ${width} px wide at 390 px: ${culprits.join(" | ")}`).toBeLessThanOrEqual(390);
}

test("no staff page scrolls sideways on a 390 px phone", async ({ page, request }) => {
  test.setTimeout(300_000);
  const marker = uniqueSlug("wide");
  const r = await request.post("/api/consultations/dpsi/responses", {
    data: {
      feedback: [{ clause: "1.2", clarity: { rating: 2, comment: `${marker} ${LONG_WORD}` } }],
      generalComment: `${marker} general ${LONG_WORD}`,
      respondent: {
        type: "organisation",
        organisationName: `Organisation${LONG_WORD.slice(0, 150)}`,
        country: "BE",
        publicSector: false,
        publication: "named",
        privacyConsent: true,
      },
    },
  });
  expect(r.status(), await r.text()).toBe(201);
  const { reference } = (await r.json()) as { reference: string };
  const id = await itemIdWith(marker);

  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, await createAccount("admin"));
  for (const path of [
    "/en/moderate?c=dpsi",
    `/en/moderate?c=dpsi&q=${marker}`,
    `/en/moderate/items/${id}?c=dpsi`,
    "/en/moderate/overview?c=dpsi",
    "/en/moderate/formal?c=dpsi",
    "/en/moderate/countries?c=dpsi",
    "/en/moderate/key-in?c=dpsi",
    "/en/moderate/campaigns?c=dpsi",
    // The confirmations: a bulk decision, closing early, an erasure.
    `/en/moderate/bulk/confirm?c=dpsi&scope=matching&filter=${encodeURIComponent(`q=${marker}`)}&bulkDecision=accepted&bulkReason=${LONG_WORD}`,
    `/en/admin/consultations/dpsi/confirm?intent=close&closeReason=${LONG_WORD}`,
    `/en/admin/privacy/confirm?reference=${reference}`,
    "/en/admin",
    "/en/admin/consultations",
    "/en/admin/consultations/dpsi",
    "/en/admin/consultations/dpsi/edit",
    "/en/admin/consultations/dpsi/redraft",
    "/en/admin/consultations/new",
    "/en/admin/accounts",
    "/en/admin/privacy",
    "/fr/moderate?c=dpsi",
    `/fr/moderate/items/${id}?c=dpsi`,
  ]) {
    await expectNoSidewaysScroll(page, path);
  }
});
