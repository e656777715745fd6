import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createConsultation, staff, uniqueSlug } from "@/test/db-fixtures";
import { docxFile, exeFile, jpegFile, odtFile, pdfFile, pngFile, zipFile } from "@/test/attachment-files";
import { submitResponseForm } from "@/lib/responses/submit-response-form";
import { eraseResponse } from "@/lib/privacy/erase-responses";
import { checkAttachments } from "./check-attachments";
import { clearAttachment } from "./clear-attachment";
import { getAttachment, listAttachments, publishedAttachmentsOf } from "./get-attachment";
import { Writable } from "node:stream";
import { exportFeedback } from "@/lib/feedback/export-feedback";
import { appUrl } from "@/lib/env";

const about = { type: "individual", country: "CA", publicSector: "no", privacyConsent: "yes" };
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

function form(fields: Record<string, string>, files: { name: string; bytes: Buffer; type?: string }[]) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const file of files)
    f.append("attachments", new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? "" }));
  // What a browser posts for the file input when nothing else was chosen is skipped.
  if (!files.length) f.append("attachments", new File([], ""));
  return f;
}

async function send(publication: "none" | "anonymous", files: { name: string; bytes: Buffer; type?: string }[]) {
  const c = await createConsultation();
  const out = await submitResponseForm(
    form(
      { slug: c.slug, locale: "en", "c:1.1:clarity:comment": "See the attached paper", publication, ...about },
      files,
    ),
    uniqueSlug("ip"),
    0,
  );
  return { c, out };
}

const limits = { maxFiles: 5, maxFileBytes: 10 * 1024 * 1024, maxResponseBytes: 25 * 1024 * 1024 };
const asFile = (name: string, bytes: Buffer) => new File([new Uint8Array(bytes)], name);

describe("attachments: accepted by their content", () => {
  it("stores a PDF, a DOCX, an ODT, a PNG and a JPEG with the response, each with its type, size, SHA-256 and a safe name", async () => {
    const pdf = await pdfFile();
    const files = [
      { name: "Position paper (final).PDF", bytes: pdf },
      { name: "comments.docx", bytes: docxFile() },
      { name: "commentaires.odt", bytes: odtFile() },
      { name: "chart.png", bytes: pngFile() },
      { name: "photo.jpeg", bytes: jpegFile() },
    ];
    const { c, out } = await send("anonymous", files);
    if (!("redirectTo" in out)) throw new Error(`expected a receipt, got ${JSON.stringify(out)}`);
    const response = await db.response.findFirstOrThrow({ where: { consultationId: c.id } });
    const stored = await db.responseAttachment.findMany({
      where: { responseId: response.id },
      orderBy: { position: "asc" },
    });
    expect(stored.map((s) => [s.fileName, s.mediaType, s.size])).toEqual([
      ["Position-paper-final.pdf", "application/pdf", pdf.length],
      ["comments.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docxFile().length],
      ["commentaires.odt", "application/vnd.oasis.opendocument.text", odtFile().length],
      ["chart.png", "image/png", pngFile().length],
      ["photo.jpg", "image/jpeg", jpegFile().length],
    ]);
    // The hash kept is the content's, and the content comes back byte for byte.
    expect(stored.map((s) => s.sha256)).toEqual(files.map((f) => sha(f.bytes)));
    const moderator = await staff("moderator");
    const back = await getAttachment(moderator, stored[0].id);
    expect(Buffer.from(back!.content).equals(pdf)).toBe(true);
  });

  it("refuses a program renamed .pdf, with a message naming it, and keeps what the person wrote", async () => {
    const { c, out } = await send("anonymous", [
      { name: "chart.png", bytes: pngFile() },
      { name: "report.pdf", bytes: exeFile(), type: "application/pdf" },
    ]);
    if (!("state" in out)) throw new Error("expected the form back");
    expect(out.state.status).toBe("invalid");
    expect(out.state.errors).toEqual([{ field: "attachments", key: "attachments.errorType", file: "report.pdf" }]);
    expect(out.state.values["c:1.1:clarity:comment"]).toBe("See the attached paper");
    expect(await db.response.count({ where: { consultationId: c.id } })).toBe(0);
  });

  it("names the file problem and the text problems in one answer", async () => {
    const c = await createConsultation();
    const out = await submitResponseForm(
      form({ slug: c.slug, locale: "en", "c:1.1:clarity:comment": "Text", ...about, privacyConsent: "" }, [
        { name: "a.pdf", bytes: exeFile() },
      ]),
      uniqueSlug("ip"),
      0,
    );
    if (!("state" in out)) throw new Error("expected the form back");
    expect(out.state.errors.map((e) => e.field)).toEqual(["publication", "privacyConsent", "attachments"]);
  });

  it("refuses a truncated PDF, an HTML page that starts like a PDF, a zip that is no document, and an empty file", async () => {
    const pdf = await pdfFile();
    const html = Buffer.from("%PDF-1.7\n<html><script>alert(1)</script></html>\n%%EOF\n");
    const cases: [string, Buffer, string][] = [
      ["cut.pdf", pdf.subarray(0, Math.floor(pdf.length / 2)), "attachments.errorType"],
      ["page.pdf", html, "attachments.errorType"],
      ["archive.docx", zipFile([{ name: "readme.txt", text: "hello" }]), "attachments.errorType"],
      [
        "fake.odt",
        zipFile([
          { name: "mimetype", text: "application/zip", stored: true },
          { name: "content.xml", text: "x" },
        ]),
        "attachments.errorType",
      ],
      ["broken.png", pngFile().subarray(0, 40), "attachments.errorType"],
      ["empty.pdf", Buffer.alloc(0), "attachments.errorEmpty"],
    ];
    for (const [name, bytes, key] of cases) {
      const r = await checkAttachments([asFile(name, bytes)], limits);
      expect(r, name).toEqual({ ok: false, error: { field: "attachments", key, file: name } });
    }
  });
});

describe("attachments: limits", () => {
  it("refuses more files than allowed, a file over the per-file limit and files over the per-response total", async () => {
    const png = pngFile();
    const six = Array.from({ length: 6 }, (_, i) => asFile(`p${i}.png`, png));
    expect(await checkAttachments(six, limits)).toEqual({
      ok: false,
      error: { field: "attachments", key: "attachments.errorTooMany", max: 5 },
    });
    const small = { maxFiles: 5, maxFileBytes: 1024 * 1024, maxResponseBytes: 2 * 1024 * 1024 };
    const big = Buffer.concat([png, Buffer.alloc(1024 * 1024)]);
    expect(await checkAttachments([asFile("big.png", big)], small)).toEqual({
      ok: false,
      error: { field: "attachments", key: "attachments.errorTooLarge", max: 1, file: "big.png" },
    });
    const nearly = Buffer.alloc(900 * 1024);
    expect(
      await checkAttachments(
        [0, 1, 2].map((i) => asFile(`n${i}.pdf`, nearly)),
        small,
      ),
    ).toEqual({
      ok: false,
      error: { field: "attachments", key: "attachments.errorTotalTooLarge", max: 2 },
    });
  });

  it("takes the limits from the environment's defaults: 5 files, 10 MB each, 25 MB in all", async () => {
    const { attachmentLimits } = await import("./limits");
    expect(attachmentLimits()).toEqual({
      maxFiles: 5,
      maxFileBytes: 10 * 1024 * 1024,
      maxResponseBytes: 25 * 1024 * 1024,
    });
  });
});

describe("attachments: who reads them, clearing, erasure", () => {
  async function stored(publication: "none" | "anonymous") {
    const { c, out } = await send(publication, [{ name: "paper.pdf", bytes: await pdfFile() }]);
    if (!("redirectTo" in out)) throw new Error("expected a receipt");
    const response = await db.response.findFirstOrThrow({
      where: { consultationId: c.id },
      include: { feedbackItems: true, attachments: true },
    });
    return { response, item: response.feedbackItems[0], file: response.attachments[0] };
  }

  it("shows a file to moderators at once, to the public only once cleared, and logs the clearing", async () => {
    const { response, item, file } = await stored("anonymous");
    const moderator = await staff("moderator");
    expect(await getAttachment(null, file.id)).toBeNull();
    expect((await listAttachments(moderator, response.id)).map((f) => f.id)).toEqual([file.id]);
    expect(await listAttachments(null, response.id)).toEqual([]);

    expect((await publishedAttachmentsOf([item.id])).size).toBe(0);
    expect(await clearAttachment(moderator, item.id, file.id, true)).toEqual({ ok: true });
    expect((await getAttachment(null, file.id))?.sha256).toBe(file.sha256);
    expect((await publishedAttachmentsOf([item.id])).get(item.id)?.map((f) => f.id)).toEqual([file.id]);
    const events = await db.moderationEvent.findMany({ where: { feedbackItemId: item.id, field: "attachment" } });
    expect(events).toHaveLength(1);
    expect(events[0].actorId).toBe(moderator.id);
    expect(events[0].toValue).toContain("paper.pdf");

    expect(await clearAttachment(moderator, item.id, file.id, false)).toEqual({ ok: true });
    expect(await getAttachment(null, file.id)).toBeNull();
  });

  it("refuses to clear a file of a respondent who did not consent to publication, and the public never reads it", async () => {
    const { item, file } = await stored("none");
    const moderator = await staff("moderator");
    expect(await clearAttachment(moderator, item.id, file.id, true)).toEqual({ ok: false, reason: "noConsent" });
    // Even set by hand, consent is checked when the file is read.
    await db.responseAttachment.update({ where: { id: file.id }, data: { clearedAt: new Date() } });
    expect(await getAttachment(null, file.id)).toBeNull();
    expect((await publishedAttachmentsOf([item.id])).size).toBe(0);
    expect(await getAttachment(moderator, file.id)).not.toBeNull();
  });

  it("refuses a file that is not the item's response's", async () => {
    const a = await stored("anonymous");
    const b = await stored("anonymous");
    const moderator = await staff("moderator");
    expect(await clearAttachment(moderator, a.item.id, b.file.id, true)).toEqual({ ok: false, reason: "notFound" });
  });

  it("erasure removes the files, whatever the publication", async () => {
    const admin = await staff("admin");
    for (const publication of ["anonymous", "none"] as const) {
      const { response, file } = await stored(publication);
      expect(await eraseResponse(admin.id, response.reference)).toMatchObject({ ok: true });
      expect(await db.responseAttachment.count({ where: { responseId: response.id } })).toBe(0);
      expect(await getAttachment(admin, file.id)).toBeNull();
    }
  });
});

describe("attachments: the moderators' export", () => {
  it("gives each row of a response its files' links and SHA-256, in order; a response without files has empty cells", async () => {
    const pdf = await pdfFile();
    const { c, out } = await send("none", [
      { name: "paper.pdf", bytes: pdf },
      { name: "chart.png", bytes: pngFile() },
    ]);
    if (!("redirectTo" in out)) throw new Error("expected a receipt");
    const files = await db.responseAttachment.findMany({
      where: { response: { consultationId: c.id } },
      orderBy: { position: "asc" },
    });
    const plain = await submitResponseForm(
      form({ slug: c.slug, locale: "en", generalComment: "No files here", publication: "none", ...about }, []),
      uniqueSlug("ip"),
      0,
    );
    expect("redirectTo" in plain).toBe(true);
    let text = "";
    await exportFeedback(
      c.id,
      {},
      "jsonl",
      new Writable({
        write(chunk, _e, done) {
          text += chunk;
          done();
        },
      }),
    );
    const rows = text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const withFiles = rows.find((r) => r.comment === "See the attached paper");
    expect(withFiles.attachment_urls).toBe(files.map((f) => `${appUrl()}/api/attachments/${f.id}`).join(" "));
    expect(withFiles.attachment_sha256).toBe(`${sha(pdf)} ${sha(pngFile())}`);
    const without = rows.find((r) => r.comment === "No files here");
    expect(without.attachment_urls).toBeNull();
    expect(without.attachment_sha256).toBeNull();
  });
});
