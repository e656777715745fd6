// Issue 15 §2, the attachments' last gaps: the receipt (page and email) lists the files stored, with their size and
// SHA-256; the private link removes and adds files within the limits; staff key in a response with its files.
import { createHash } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setNow } from "@/lib/clock";
import { mailSink } from "@/test/mail-sink";
import { runJobs } from "@/test/run-jobs";
import { createConsultation, respondent, staff, uniqueSlug } from "@/test/db-fixtures";
import { exeFile, largePngFile, pdfFile } from "@/test/attachment-files";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { changeResponse, findManaged } from "@/lib/responses/manage-response";
import { getReceipt } from "@/lib/responses/get-receipt";
import { receiptKey } from "@/lib/responses/receipt-key";
import { checkAttachments } from "./check-attachments";
import { clearAttachment } from "./clear-attachment";
import { formatFileSize } from "./format-size";

// Before anything reads the environment: receipts go to this sink, and the limits are small (3 files, 2 MB each,
// 3 MB in all), as `limits` below says.
const sink = await mailSink();
process.env.SMTP_URL = sink.url;
process.env.ATTACHMENT_MAX_FILES = "3";
process.env.ATTACHMENT_MAX_FILE_MB = "2";
process.env.ATTACHMENT_MAX_RESPONSE_MB = "3";
afterAll(() => sink.stop());
afterEach(() => setNow(null));

const MB = 1024 * 1024;
const limits = { maxFiles: 3, maxFileBytes: 2 * MB, maxResponseBytes: 3 * MB };
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const asFile = (name: string, bytes: Buffer) => new File([new Uint8Array(bytes)], name);
const input = (email: string) =>
  ZResponseInput.parse({
    generalComment: "Our paper is attached.",
    respondent: { ...respondent, publication: "anonymous", email },
  });

/** A response with two files (a PDF and a PNG), its email receipt sent; its private link's token from that email. */
async function withFiles(locale: "en" | "fr" = "en") {
  const c = await createConsultation();
  const email = `${uniqueSlug("r")}@example.org`;
  const pdf = await pdfFile("Position paper");
  const png = largePngFile(1536);
  const checked = await checkAttachments([asFile("Position paper.pdf", pdf), asFile("chart.png", png)], limits);
  if (!checked.ok) throw new Error("files refused");
  const r = await submitResponse(c.slug, input(email), { locale, channel: "web", attachments: checked.files });
  if (!r.ok) throw new Error("not stored");
  await runJobs();
  const mail = await sink.waitFor(email);
  const token = /\/manage\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? "")![1];
  return { c, reference: r.reference, mail, token, pdf, png };
}

const storedOf = (reference: string) =>
  db.responseAttachment.findMany({
    where: { response: { reference } },
    orderBy: { position: "asc" },
    select: { id: true, fileName: true, size: true, sha256: true, clearedAt: true, position: true },
  });

describe("the receipt lists the files stored", () => {
  it("formats a file's size for the reader's language", () => {
    expect(formatFileSize(512, "en")).toBe("512 bytes");
    expect(formatFileSize(1536, "en")).toBe("1.5 kB");
    expect(formatFileSize(1536, "fr")).toBe("1,5\u202fko");
    expect(formatFileSize(Math.round(2.25 * MB), "en")).toBe("2.3 MB");
    expect(formatFileSize(Math.round(2.25 * MB), "fr")).toBe("2,3\u202fMo");
  });

  it("gives the receipt page each file's name, size and SHA-256, in the order sent", async () => {
    const { c, reference, pdf, png } = await withFiles();
    const receipt = await getReceipt(c.slug, reference, receiptKey(reference));
    expect(receipt?.attachments).toEqual([
      { fileName: "Position-paper.pdf", size: pdf.length, sha256: sha(pdf) },
      { fileName: "chart.png", size: png.length, sha256: sha(png) },
    ]);
  });

  it("lists each file in the email receipt: name, size in the respondent's language, SHA-256", async () => {
    const { mail, pdf, png } = await withFiles("fr");
    const text = mail.text ?? "";
    expect(text).toContain("2 fichiers joints conservés avec votre réponse\u202f:");
    expect(text).toContain(`Position-paper.pdf (${formatFileSize(pdf.length, "fr")})`);
    expect(text).toContain(`chart.png (${formatFileSize(png.length, "fr")})`);
    expect(text).toContain(`SHA-256\u202f: ${sha(pdf)}`);
    expect(text).toContain(`SHA-256\u202f: ${sha(png)}`);
  });
});

describe("files through the private link", () => {
  it("removes a file (deleted), keeps another with its clearance, adds a new one uncleared, and records a version", async () => {
    const { c, reference, token } = await withFiles();
    const [pdfRow, pngRow] = await storedOf(reference);
    const moderator = await staff("moderator");
    const item = await db.feedbackItem.findFirstOrThrow({ where: { response: { reference } } });
    expect(await clearAttachment(moderator, item.id, pngRow.id, true)).toEqual({ ok: true });

    const added = await pdfFile("Annex");
    const add = await checkAttachments([asFile("annex.pdf", added)], limits, [pngRow.size]);
    if (!add.ok) throw new Error("refused");
    expect(
      await changeResponse(token, c.slug, input("x@example.org"), { remove: [pdfRow.id], add: add.files }),
    ).toEqual({ ok: true, reference });
    const after = await storedOf(reference);
    expect(after.map((a) => [a.fileName, a.sha256, a.clearedAt !== null])).toEqual([
      ["chart.png", pngRow.sha256, true],
      ["annex.pdf", sha(added), false],
    ]);
    expect(after[0].id).toBe(pngRow.id);
    // The removed file's bytes are gone from the database, not merely hidden.
    expect(await db.responseAttachment.count({ where: { id: pdfRow.id } })).toBe(0);
    // The version keeps what the response held before: the files' names and hashes, never their content.
    const r = await db.response.findUniqueOrThrow({ where: { reference }, include: { versions: true } });
    expect(r.version).toBe(2);
    const before = JSON.stringify(r.versions[0].content);
    expect(before).toContain(pdfRow.sha256);
    expect(before).toContain("Position-paper.pdf");
    expect(before).not.toContain(sha(added));
  });

  it("counts kept files in the limits: more files, or a larger total, than allowed with them is refused and nothing changes", async () => {
    const { c, reference, token } = await withFiles();
    const stored = await storedOf(reference);
    const kept = stored.map((s) => s.size);
    // Two kept, a limit of 3: two more is one too many, named as such.
    const two = [asFile("a.pdf", await pdfFile("a")), asFile("b.pdf", await pdfFile("b"))];
    expect(await checkAttachments(two, limits, kept)).toEqual({
      ok: false,
      error: { field: "attachments", key: "attachments.errorTooManyKept", max: 1 },
    });
    // With a file removed, two fit.
    expect((await checkAttachments(two, limits, kept.slice(1))).ok).toBe(true);
    // The total counts the kept files too.
    const big = asFile("scan.png", largePngFile(Math.round(1.9 * MB)));
    const heavy = [big, asFile("scan2.png", largePngFile(Math.round(1.05 * MB)))];
    expect((await checkAttachments(heavy, limits)).ok).toBe(true);
    expect(await checkAttachments(heavy, limits, [100_000])).toEqual({
      ok: false,
      error: { field: "attachments", key: "attachments.errorTotalTooLargeKept", max: 3 },
    });
    // Checked again when the change is written, against the files stored then (another tab may have added some).
    const ok = await checkAttachments([two[0]], limits, kept);
    if (!ok.ok) throw new Error("refused");
    const again = await checkAttachments([two[1]], limits, kept);
    if (!again.ok) throw new Error("refused");
    expect(await changeResponse(token, c.slug, input("x@example.org"), { remove: [], add: ok.files })).toMatchObject({
      ok: true,
    });
    expect(await changeResponse(token, c.slug, input("x@example.org"), { remove: [], add: again.files })).toEqual({
      ok: false,
      reason: "files",
      error: { field: "attachments", key: "attachments.errorTooManyKept", max: 0 },
    });
    expect((await storedOf(reference)).map((a) => a.fileName)).toEqual(["Position-paper.pdf", "chart.png", "a.pdf"]);
    expect((await db.response.findUniqueOrThrow({ where: { reference } })).version).toBe(2);
  });

  it("checks a new file by its content, and ignores a removal of a file that is not the response's", async () => {
    const { c, reference, token } = await withFiles();
    expect(await checkAttachments([asFile("report.pdf", exeFile())], limits, [1, 1])).toEqual({
      ok: false,
      error: { field: "attachments", key: "attachments.errorType", file: "report.pdf" },
    });
    const other = await withFiles();
    const [foreign] = await storedOf(other.reference);
    expect(
      await changeResponse(token, c.slug, input("x@example.org"), { remove: [foreign.id, "not-a-uuid"], add: [] }),
    ).toEqual({ ok: true, reference });
    expect(await storedOf(other.reference)).toHaveLength(2);
    expect(await storedOf(reference)).toHaveLength(2);
  });

  it("changes no file after the deadline", async () => {
    const { c, reference, token } = await withFiles();
    const [first] = await storedOf(reference);
    setNow(new Date(c.closesAt.getTime() + 1));
    expect(await changeResponse(token, c.slug, input("x@example.org"), { remove: [first.id], add: [] })).toEqual({
      ok: false,
      reason: "closed",
    });
    setNow(null);
    expect(await storedOf(reference)).toHaveLength(2);
    expect((await findManaged(token))?.version).toBe(1);
  });
});

describe("staff key in a response with its files", () => {
  it("stores the files of a keyed-in response, uncleared, with the same checks", async () => {
    const c = await createConsultation();
    const moderator = await staff("moderator");
    const scan = await pdfFile("Letter received by post");
    const checked = await checkAttachments([asFile("letter scan.pdf", scan)], limits);
    if (!checked.ok) throw new Error("refused");
    const r = await submitResponse(c.slug, input("letter@example.org"), {
      locale: "en",
      channel: "staff",
      keyedIn: { by: moderator.id, receivedOn: new Date().toISOString().slice(0, 10) },
      attachments: checked.files,
    });
    if (!r.ok) throw new Error("not stored");
    expect((await storedOf(r.reference)).map((a) => [a.fileName, a.sha256, a.clearedAt])).toEqual([
      ["letter-scan.pdf", sha(scan), null],
    ]);
  });
});
