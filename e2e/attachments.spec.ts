// Issue 15 §2: a respondent attaches files to a response (with and without JavaScript); a file that is not what it
// says is refused next to the field and in the error summary, with the person's text kept; a moderator sees the
// files on the item page, downloads them (as a download, never shown inline), and clears one for publication.
import { expect, test, type Page } from "@playwright/test";
import {
  announceChange,
  createAccount,
  createConsultation,
  expectAccessible,
  fillAboutYou,
  signIn,
  sql,
  uniqueSlug,
} from "./helpers";
import { exeFile, pdfFile, pngFile } from "../test/attachment-files";

const closesAt = () => new Date(Date.now() + 7 * 86_400_000);

async function ownConsultation() {
  const slug = uniqueSlug("attach");
  await createConsultation({ slug, closesAt: closesAt() });
  return slug;
}

async function itemOf(slug: string) {
  const [row] = await sql<{ id: string; reference: string }>(
    `SELECT fi.id, r.reference FROM feedback_item fi JOIN response r ON r.id = fi.response_id
     JOIN consultation c ON c.id = r.consultation_id WHERE c.slug = $1 ORDER BY fi.position LIMIT 1`,
    [slug],
  );
  return row;
}

async function storedFiles(slug: string) {
  return sql<{ file_name: string; media_type: string; sha256: string }>(
    `SELECT a.file_name, a.media_type, a.sha256 FROM response_attachment a JOIN response r ON r.id = a.response_id
     JOIN consultation c ON c.id = r.consultation_id WHERE c.slug = $1 ORDER BY a.position`,
    [slug],
  );
}

/** A bad file first: the answer names it next to the field and in the summary, and keeps the text; then good files. */
async function attachBadThenGood(page: Page, slug: string, opts: { axe: boolean }) {
  await page.goto(`/en/c/${slug}/respond`);
  const general = page.getByLabel("General comment on the whole draft (optional)");
  await general.fill("Our position paper is attached.");
  await fillAboutYou(page, { type: "An individual" });
  const files = page.getByLabel("Attach files (optional)");
  await files.setInputFiles([
    { name: "report.pdf", mimeType: "application/pdf", buffer: exeFile() },
    { name: "chart.png", mimeType: "image/png", buffer: pngFile() },
  ]);
  await page.getByRole("button", { name: "Submit your response" }).click();

  const message = /The file report\.pdf is not a PDF, Word \(DOCX\), OpenDocument text \(ODT\), PNG or JPEG file/;
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary.getByRole("link", { name: message })).toBeVisible();
  const field = page.getByLabel("Attach files (optional)");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#f-attachments-error")).toHaveText(message);
  await expect(page.getByText(/Files are not kept when the form comes back with a problem/)).toBeVisible();
  await expect(general).toHaveValue("Our position paper is attached.");
  // (axe runs in the page: with JavaScript only; the page is the same without.)
  if (opts.axe) await expectAccessible(page);
  expect(await storedFiles(slug)).toEqual([]);

  // The summary's link leads to the field.
  await summary.getByRole("link", { name: message }).click();
  await expect(page).toHaveURL(/#f-attachments$/);

  const pdf = await pdfFile("Position paper");
  await field.setInputFiles([
    { name: "Position paper.pdf", mimeType: "application/pdf", buffer: pdf },
    { name: "chart.png", mimeType: "image/png", buffer: pngFile() },
  ]);
  await page.getByRole("button", { name: "Submit your response" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Response received" })).toBeVisible();
  return pdf;
}

test("a respondent attaches files; a program renamed .pdf is refused with a clear message and the text kept", async ({
  page,
}) => {
  const slug = await ownConsultation();
  await attachBadThenGood(page, slug, { axe: true });
  const stored = await storedFiles(slug);
  expect(stored.map((f) => [f.file_name, f.media_type])).toEqual([
    ["Position-paper.pdf", "application/pdf"],
    ["chart.png", "image/png"],
  ]);
  // The French form: the field's label and hint in French, and the page accessible.
  await page.goto(`/fr/c/${slug}/respond`);
  await expect(page.getByLabel(/^Joindre des fichiers/)).toBeVisible();
  await expectAccessible(page);
});

test("a response without files, sent with JavaScript, is stored with none (the empty file field is no file)", async ({
  page,
}) => {
  const slug = await ownConsultation();
  await page.goto(`/en/c/${slug}/respond`);
  await page.getByLabel("General comment on the whole draft (optional)").fill("No files with this one.");
  await fillAboutYou(page, { type: "An individual" });
  await page.getByRole("button", { name: "Submit your response" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Response received" })).toBeVisible();
  expect(await storedFiles(slug)).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the file field works, errors and all", async ({ page }) => {
    const slug = await ownConsultation();
    await attachBadThenGood(page, slug, { axe: false });
    expect((await storedFiles(slug)).map((f) => f.file_name)).toEqual(["Position-paper.pdf", "chart.png"]);
  });
});

test("a moderator sees the files on the item page, downloads them safely and clears one for publication", async ({
  page,
  browser,
}) => {
  const slug = await ownConsultation();
  const pdf = await attachBadThenGood(page, slug, { axe: false });
  const item = await itemOf(slug);
  const [first] = await storedFiles(slug);

  // Before a moderator clears it, nobody else can read it.
  const [{ id: fileId }] = await sql<{ id: string }>(
    `SELECT a.id FROM response_attachment a JOIN response r ON r.id = a.response_id WHERE r.reference = $1 AND a.position = 0`,
    [item.reference],
  );
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`/api/attachments/${fileId}`)).status()).toBe(404);

  await signIn(page, await createAccount("moderator"), { path: `/en/moderate/items/${item.id}` });
  const section = page.getByRole("region", { name: "Attached files" });
  await expect(section.getByTestId("attachment")).toHaveCount(2);
  await expect(section.getByText(first.sha256)).toBeVisible();
  await expect(section.getByText("Not cleared for publication")).toHaveCount(2);
  await expectAccessible(page);

  // The download: an attachment, never sniffed, under the strictest CSP, with its hash.
  const link = section.getByRole("link", { name: "Download Position-paper.pdf" });
  const res = await page.request.get((await link.getAttribute("href"))!);
  expect(res.status()).toBe(200);
  const h = res.headers();
  expect(h["content-type"]).toBe("application/pdf");
  expect(h["content-disposition"]).toBe('attachment; filename="Position-paper.pdf"');
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["content-security-policy"]).toContain("default-src 'none'");
  expect(h["x-content-sha256"]).toBe(first.sha256);
  expect(Buffer.from(await res.body()).equals(pdf)).toBe(true);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("Position-paper.pdf");

  // Cleared (the respondent agreed to publication): logged in the history, and readable by anyone.
  await section.getByRole("button", { name: "Clear Position-paper.pdf for publication" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The file was cleared for publication." })).toBeVisible();
  await expect(section.getByText("Cleared for publication", { exact: true })).toHaveCount(1);
  await expect(page.getByText(/attached file/)).toBeVisible();
  await expectAccessible(page);
  const publicCopy = await anonymous.request.get(`/api/attachments/${fileId}`);
  expect(publicCopy.status()).toBe(200);
  expect(publicCopy.headers()["content-disposition"]).toBe('attachment; filename="Position-paper.pdf"');
  // Beside the published comment (once the comment itself is cleared), for anyone: the cleared file, not the other.
  await sql(`UPDATE feedback_item SET cleared_at = now() WHERE id = $1`, [item.id]);
  await announceChange();
  const reader = await anonymous.newPage();
  await reader.goto(`/en/c/${slug}/comments`);
  await expect(reader.getByRole("link", { name: "Download Position-paper.pdf" })).toBeVisible();
  await expect(reader.getByRole("link", { name: "Download chart.png" })).toHaveCount(0);
  await expectAccessible(reader);
  await anonymous.close();

  // On a phone, the long hash wraps: the page does not scroll sideways.
  await page.setViewportSize({ width: 390, height: 800 });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("the API's multipart variant stores files, and names a file over the size limit (bodies over 1 MB pass nginx and the server)", async ({
  request,
}) => {
  const slug = await ownConsultation();
  const response = {
    generalComment: "Sent with a file by a program.",
    respondent: { type: "individual", country: "FR", publicSector: true, publication: "none", privacyConsent: true },
  };
  const form = (file: { name: string; bytes: Buffer }) => {
    const f = new FormData();
    f.append("response", new Blob([JSON.stringify(response)], { type: "application/json" }));
    f.append("attachments", new Blob([new Uint8Array(file.bytes)], { type: "application/octet-stream" }), file.name);
    return f;
  };
  const ok = await request.post(`/api/consultations/${slug}/responses`, {
    multipart: form({ name: "paper.pdf", bytes: await pdfFile() }),
  });
  expect(ok.status()).toBe(201);
  expect((await storedFiles(slug)).map((f) => f.file_name)).toEqual(["paper.pdf"]);

  const big = Buffer.concat([pngFile(), Buffer.alloc(11 * 1024 * 1024)]);
  const tooLarge = await request.post(`/api/consultations/${slug}/responses`, {
    multipart: form({ name: "scan.png", bytes: big }),
  });
  expect(tooLarge.status()).toBe(400);
  expect((await tooLarge.json()).error.fields).toEqual([
    { field: "attachments", code: "errorTooLarge", message: "The file scan.png is larger than 10 MB" },
  ]);
});
