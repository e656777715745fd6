import { expect, test, type Browser } from "@playwright/test";
import {
  formatPhone,
  measurePhone,
  measurePhoneBest,
  PHONE_BUDGET,
  PHONE_FLOOR_PATH,
} from "../scripts/phone-metrics.mjs";

// Issue 12, "Light on a phone": what a mid-range phone downloads and how soon it can read and use the
// public pages. The figures come from scripts/phone-metrics.mjs, which `npm run bench:read` prints too.
// One after the other: two phones emulated at once on the same cores would slow each other down.
test.describe.configure({ mode: "serial" });

test("the draft and the home page send at most 120 KB of compressed JavaScript, the draft at most 30 KB of compressed HTML", async ({
  browser,
  baseURL,
}) => {
  for (const path of ["/en/c/dpsi", "/en", "/fr/c/dpsi"]) {
    const m = await measurePhone(browser, `${baseURL}${path}`, { throttle: false });
    console.log(formatPhone(m));
    expect(m.scriptFiles, `${path}: the page loads scripts`).toBeGreaterThan(0);
    expect(m.scriptBytes, `${path}: compressed JavaScript, in bytes`).toBeLessThanOrEqual(PHONE_BUDGET.scriptBytes);
    if (path !== "/en")
      expect(m.htmlBytes, `${path}: compressed HTML, in bytes`).toBeLessThanOrEqual(PHONE_BUDGET.htmlBytes);
    expect(m.htmlBytes, `${path}: the HTML was compressed`).toBeLessThan(m.htmlDecodedBytes / 2);
  }
});

/**
 * LCP ≤ 2.5 s and TBT ≤ 200 ms, or, on a machine that starts pages slower than the one where 200 ms was set, TBT
 * ≤ 200/110 × what the framework alone blocked in the same run (the floor: a page with no client code of its own,
 * scripts/phone-metrics.mjs). The best of up to 5 loads of each, interleaved, stopping once within budget: other
 * work on a shared machine only adds time.
 */
async function expectLightOnAPhone(browser: Browser, url: string) {
  const { best, floor, tbtBudgetMs, runs, floors } = await measurePhoneBest(browser, url, { attempts: 5 });
  for (const r of floors) console.log(`floor ${formatPhone(r)}`);
  for (const r of runs) console.log(formatPhone(r));
  console.log(`${url}: the floor (${PHONE_FLOOR_PATH}) blocked ${floor.tbtMs} ms at best, so TBT ≤ ${tbtBudgetMs} ms`);
  expect(best.lcpMs, "Largest Contentful Paint (ms)").toBeGreaterThan(0);
  expect(best.lcpMs, "Largest Contentful Paint (ms)").toBeLessThanOrEqual(PHONE_BUDGET.lcpMs);
  expect(best.tbtMs, `total blocking time (ms), the floor's ${floor.tbtMs} ms in the same run`).toBeLessThanOrEqual(
    tbtBudgetMs,
  );
}

test("on a mid-range phone the draft paints within 2.5 s and blocks at most 200 ms (or 200/110 × the framework's start-up in the same run)", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  await expectLightOnAPhone(browser, `${baseURL}/en/c/dpsi`);
});

// Total blocking time, quiet machine, five loads each (2026-12-01): the draft 110–148 ms, the form 115–148 ms. What is
// left is one task: loading React and Next.js's router (about 110 ms beyond the 50 ms a task may take). The reader's
// local time (components/local-time.tsx) and the kept draft (components/response-form/response-form.tsx) are worked
// out after hydration, in tasks of their own; inside it they had made the draft 131–187 ms and the form 160–251 ms.
test("on a mid-range phone the response form paints within 2.5 s and blocks at most 200 ms (or 200/110 × the framework's start-up in the same run)", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  await expectLightOnAPhone(browser, `${baseURL}/en/c/dpsi/respond`);
});
