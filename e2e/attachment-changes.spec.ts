// Issue 15 §2, the attachments' last gaps: the receipt (page and email) lists each file stored with its size and
// SHA-256; through the private link a respondent removes files and adds new ones (bodies over 1 MB too), errors beside
// the field and in the summary with the other edits kept; staff key in a response with its files. With and without
// JavaScript, axe on every page.
import { createHash } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createAccount, createConsultation, expectAccessible, fillAboutYou, signIn, sql, uniqueSlug } from "./helpers";
import { linkIn, readMail } from "./mail";
import { exeFile, largePngFile, pdfFile, pngFile } from "../test/attachment-files";
import { formatFileSize } from "../lib/attachments/format-size";

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const GENERAL = "General comment on the whole draft (optional)";
const FILES = "Attach files (optional)";
const TYPE_ERROR = /The file report\.pdf is not a PDF, Word \(DOCX\), OpenDocument text \(ODT\), PNG or JPEG file/;

async function ownConsultation(prefix: string) {
  const slug = uniqueSlug(prefix);
  await createConsultation({ slug, closesAt: new Date(Date.now() + 7 * 86_400_000) });
  return slug;
}

/** The files stored with the consultation's responses, in order. */
const stored = (slug: string) =>
  sql<{ file_name: string; sha256: string; channel: string }>(
    `SELECT a.file_name, a.sha256, r.channel::text AS channel FROM response_attachment a
     JOIN response r ON r.id = a.response_id JOIN consultation c ON c.id = r.consultation_id
     WHERE c.slug = $1 ORDER BY a.position`,
    [slug],
  );

/** A response with a PDF and a PNG and an email address, sent through the form; its receipt page is then open. */
async function respondWithFiles(page: Page, slug: string, email: string) {
  const pdf = await pdfFile("Position paper");
  const png = pngFile();
  await page.goto(`/en/c/${slug}/respond`);
  await page.getByLabel(GENERAL).fill("Our position paper is attached.");
  await fillAboutYou(page, { type: "An individual" });
  await page.getByLabel("Email address (optional)").fill(email);
  await page.getByLabel(FILES).setInputFiles([
    { name: "Position paper.pdf", mimeType: "application/pdf", buffer: pdf },
    { name: "chart.png", mimeType: "image/png", buffer: png },
  ]);
  await page.getByRole("button", { name: "Submit your response" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Response received" })).toBeVisible();
  return { pdf, png, reference: (await page.getByTestId("reference").textContent())!.trim() };
}

/** The receipt page lists each file: name, size in the page's language, SHA-256. */
async function expectReceiptFiles(page: Page, files: { name: string; bytes: Buffer }[], locale: "en" | "fr") {
  const list = page.getByRole("list", { name: locale === "en" ? "Files stored with this response" : /^Fichiers/ });
  await expect(list.getByTestId("receipt-file")).toHaveCount(files.length);
  for (const [i, f] of files.entries()) {
    const row = list.getByTestId("receipt-file").nth(i);
    await expect(row).toContainText(f.name);
    await expect(row).toContainText(formatFileSize(f.bytes.length, locale));
    await expect(row).toContainText(sha(f.bytes));
  }
}

test("the receipt lists each file stored, with its size and SHA-256: the page (en and fr, 1280 and 390 px) and the email", async ({
  page,
}) => {
  const slug = await ownConsultation("receipt-files");
  const email = `${uniqueSlug("files")}@test.clausewise.invalid`;
  const { pdf, png, reference } = await respondWithFiles(page, slug, email);
  const files = [
    { name: "Position-paper.pdf", bytes: pdf },
    { name: "chart.png", bytes: png },
  ];
  await expect(page.getByRole("heading", { level: 3, name: "Attached files" })).toBeVisible();
  await expectReceiptFiles(page, files, "en");
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 800 });
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.goto(page.url().replace("/en/", "/fr/"));
  await expect(page.getByRole("heading", { level: 3, name: "Fichiers joints" })).toBeVisible();
  await expectReceiptFiles(page, files, "fr");
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectAccessible(page);

  const mail = await readMail(email, new RegExp(reference));
  expect(mail.text).toContain("2 files stored with your response:");
  expect(mail.text).toContain(`- Position-paper.pdf (${formatFileSize(pdf.length, "en")})`);
  expect(mail.text).toContain(`SHA-256: ${sha(pdf)}`);
  expect(mail.text).toContain(`- chart.png (${formatFileSize(png.length, "en")})`);
  expect(mail.text).toContain(`SHA-256: ${sha(png)}`);
});

/** Through the private link: remove the PDF, add a program renamed .pdf (refused), then a PNG over 1 MB (taken). */
async function changeFiles(page: Page, manage: string, slug: string, opts: { axe: boolean }) {
  await page.goto(manage);
  const storedFiles = page.getByRole("group", { name: "Files stored with your response" });
  await expect(storedFiles.getByTestId("stored-file")).toHaveCount(2);
  if (opts.axe) await expectAccessible(page);
  await page.getByLabel(GENERAL).fill("Our position paper, revised: see the new scan.");
  await storedFiles.getByLabel(/^Remove Position-paper\.pdf \(/).check();
  await page.getByLabel(FILES).setInputFiles([{ name: "report.pdf", mimeType: "application/pdf", buffer: exeFile() }]);
  await page.getByRole("button", { name: "Save changes" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary.getByRole("link", { name: TYPE_ERROR })).toBeVisible();
  await expect(page.locator("#f-attachments-error")).toHaveText(TYPE_ERROR);
  await expect(page.getByLabel(FILES)).toHaveAttribute("aria-invalid", "true");
  // The other edits are kept, the box ticked too; nothing was changed.
  await expect(page.getByLabel(GENERAL)).toHaveValue("Our position paper, revised: see the new scan.");
  await expect(storedFiles.getByLabel(/^Remove Position-paper\.pdf \(/)).toBeChecked();
  if (opts.axe) await expectAccessible(page);
  expect((await stored(slug)).map((f) => f.file_name)).toEqual(["Position-paper.pdf", "chart.png"]);

  const scan = largePngFile(1536 * 1024);
  await page.getByLabel(FILES).setInputFiles([{ name: "scan.png", mimeType: "image/png", buffer: scan }]);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Your response now stands as version 2.")).toBeVisible();
  expect((await stored(slug)).map((f) => [f.file_name, f.sha256])).toEqual([
    ["chart.png", sha(pngFile())],
    ["scan.png", sha(scan)],
  ]);
  // The page now lists the files kept and added.
  await expect(storedFiles.getByTestId("stored-file")).toHaveText([
    /^Remove chart\.png/,
    /^Remove scan\.png \(1\.5 MB\)/,
  ]);
  await page.getByRole("link", { name: /See the receipt/ }).click();
  await expectReceiptFiles(
    page,
    [
      { name: "chart.png", bytes: pngFile() },
      { name: "scan.png", bytes: scan },
    ],
    "en",
  );
}

async function manageLink(browser: Browser, slug: string) {
  const email = `${uniqueSlug("manage")}@test.clausewise.invalid`;
  const page = await browser.newPage();
  const { reference } = await respondWithFiles(page, slug, email);
  await page.close();
  return new URL(linkIn(await readMail(email, new RegExp(reference)), `/en/c/${slug}/manage/`)).pathname;
}

test("through the private link a respondent removes a file and adds one over 1 MB; a refused file is named beside the field and in the summary, the other edits kept", async ({
  page,
  browser,
}) => {
  const slug = await ownConsultation("manage-files");
  await changeFiles(page, await manageLink(browser, slug), slug, { axe: true });
  // French, and a phone's width: the list of files does not scroll sideways.
  const manage = await manageLink(browser, slug);
  await page.goto(manage.replace("/en/", "/fr/"));
  await expect(page.getByRole("group", { name: "Fichiers conservés avec votre réponse" })).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 800 });
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the private link's files: remove, a refused file, add one over 1 MB", async ({ page, browser }) => {
    const slug = await ownConsultation("manage-files-nojs");
    await changeFiles(page, await manageLink(browser, slug), slug, { axe: false });
  });

  test("staff key in a response with its files; a refused file is named beside the field", async ({ page }) => {
    const slug = await ownConsultation("keyin-files-nojs");
    await keyInWithFiles(page, slug, { axe: false });
  });
});

/** A moderator keys in a letter with its scan: a bad file first (named, the text kept), then the scan. */
async function keyInWithFiles(page: Page, slug: string, opts: { axe: boolean }) {
  await signIn(page, await createAccount("moderator"));
  await page.goto(`/en/moderate/key-in?c=${slug}`);
  await expect(page.getByText(/Attach what came with the response/)).toBeVisible();
  if (opts.axe) await expectAccessible(page);
  await page.getByLabel("Date received").fill(new Date().toISOString().slice(0, 10));
  await page.getByLabel(GENERAL).fill("Letter received by post, scan attached.");
  await fillAboutYou(page, { type: "An individual" });
  await page.getByLabel(FILES).setInputFiles([{ name: "report.pdf", mimeType: "application/pdf", buffer: exeFile() }]);
  await page.getByRole("button", { name: "Key in this response" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary.getByRole("link", { name: TYPE_ERROR })).toBeVisible();
  await expect(page.locator("#f-attachments-error")).toHaveText(TYPE_ERROR);
  await expect(page.getByLabel(GENERAL)).toHaveValue("Letter received by post, scan attached.");
  if (opts.axe) await expectAccessible(page);
  expect(await stored(slug)).toEqual([]);

  const scan = largePngFile(1200 * 1024);
  await page.getByLabel(FILES).setInputFiles([{ name: "letter scan.png", mimeType: "image/png", buffer: scan }]);
  await page.getByRole("button", { name: "Key in this response" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Response received" })).toBeVisible();
  await expectReceiptFiles(page, [{ name: "letter-scan.png", bytes: scan }], "en");
  expect(await stored(slug)).toEqual([{ file_name: "letter-scan.png", sha256: sha(scan), channel: "staff" }]);
}

test("staff key in a response with its files (a letter's scan over 1 MB), with the same checks", async ({ page }) => {
  const slug = await ownConsultation("keyin-files");
  await keyInWithFiles(page, slug, { axe: true });
  // The French page and a phone's width.
  await page.goto(`/fr/moderate/key-in?c=${slug}`);
  await expect(page.getByLabel(/^Joindre des fichiers/)).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 800 });
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("the response form takes a file over 1 MB (its post is not held to the 1 MB of other forms)", async ({ page }) => {
  const slug = await ownConsultation("respond-large");
  const scan = largePngFile(1536 * 1024);
  await page.goto(`/en/c/${slug}/respond`);
  await page.getByLabel(GENERAL).fill("A large scan is attached.");
  await fillAboutYou(page, { type: "An individual" });
  await page.getByLabel(FILES).setInputFiles([{ name: "scan.png", mimeType: "image/png", buffer: scan }]);
  await page.getByRole("button", { name: "Submit your response" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Response received" })).toBeVisible();
  expect((await stored(slug)).map((f) => f.sha256)).toEqual([sha(scan)]);
});
