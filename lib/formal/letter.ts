// The signed letter: a PDF of at most 10 MB, recognised by its content (it starts
// with the %PDF- header and a PDF parser finds its pages), not by its name or
// declared type, and stored with its SHA-256 so anyone can check the copy they hold.
import { createHash } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import type { TCurrentUser } from "@/lib/auth";
import { lockWorkspace, mayDraft, workspaceWindow } from "./save-draft";

export const LETTER_MAX_BYTES = 10 * 1024 * 1024;

export type TLetterCheck = "ok" | "empty" | "tooLarge" | "notPdf";

const HEADER = /^%PDF-[12]\.\d/;

/**
 * A header and a trailer are not enough (an HTML page can carry both): the file must start with
 * the header, so no browser sniffs it as anything else, and parse as a PDF with at least one page.
 * Encrypted files are refused (the letter must be readable by whoever checks it).
 */
export async function checkPdf(bytes: Uint8Array, maxBytes = LETTER_MAX_BYTES): Promise<TLetterCheck> {
  if (bytes.length === 0) return "empty";
  if (bytes.length > maxBytes) return "tooLarge";
  if (!HEADER.test(Buffer.from(bytes.subarray(0, 8)).toString("latin1"))) return "notPdf";
  try {
    // Throws on an encrypted file (ignoreEncryption is off) and on any object it cannot parse.
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
    return doc.getPageCount() >= 1 ? "ok" : "notPdf";
  } catch {
    return "notPdf";
  }
}

/** A safe file name to keep and to send back: letters, digits, dot, dash, underscore; always .pdf. */
export function safeFileName(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\.pdf$/i, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 120);
  return `${base || "letter"}.pdf`;
}

export type TStoreLetter =
  { ok: true; sha256: string } | { ok: false; reason: TLetterCheck | "forbidden" | "locked" | "closed" | "notOpen" };

/**
 * Keeps a delegation's letter, under the same rules as a save of its draft: a published
 * consultation (checked in the SQL, whatever the caller read), between its opening and the
 * country's deadline (an admin's extension counts), while the response is not submitted.
 */
export async function storeLetter(
  user: TCurrentUser,
  consultationId: string,
  fileName: string,
  bytes: Uint8Array,
): Promise<TStoreLetter> {
  if (!mayDraft(user)) return { ok: false, reason: "forbidden" };
  const check = await checkPdf(bytes);
  if (check !== "ok") return { ok: false, reason: check };
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return db.$transaction(async (tx) => {
    const ws = await lockWorkspace(tx, consultationId, user.country);
    if (!ws) return { ok: false, reason: "forbidden" } as const;
    if (ws.status === "submitted") return { ok: false, reason: "locked" } as const;
    const at = now();
    const shut = workspaceWindow(ws, at);
    if (shut) return { ok: false, reason: shut } as const;
    const data = {
      fileName: safeFileName(fileName),
      size: bytes.length,
      sha256,
      content: Buffer.from(bytes),
      uploadedAt: at,
    };
    await tx.formalLetter.upsert({
      where: { formalResponseId: ws.id },
      create: { formalResponseId: ws.id, ...data },
      update: data,
    });
    await tx.$executeRaw`UPDATE formal_response SET version = version + 1, updated_at = ${at} WHERE id = ${ws.id}::uuid`;
    await tx.formalEvent.create({
      data: {
        formalResponseId: ws.id,
        actorId: user.id,
        at,
        kind: "letter_uploaded",
        detail: `${data.fileName} sha256:${sha256}`,
      },
    });
    return { ok: true, sha256 } as const;
  });
}

/**
 * The letter for a download: an admin; its delegation (any member) and moderators while the
 * consultation is published; once the country's response is submitted and published, anyone.
 * A hidden draft's letter is not found to all but admins.
 */
export async function getLetter(user: TCurrentUser | null, formalResponseId: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(formalResponseId)) return null;
  const letter = await db.formalLetter.findUnique({
    where: { formalResponseId },
    include: {
      formalResponse: {
        select: { country: true, status: true, consultation: { select: { publishFormal: true, publishedAt: true } } },
      },
    },
  });
  if (!letter) return null;
  const fr = letter.formalResponse;
  if (user?.role === "admin") return letter;
  if (!fr.consultation.publishedAt) return null;
  const moderator = user?.role === "moderator";
  const ownDelegation = user?.role === "delegate" && user.country === fr.country;
  const published = fr.status === "submitted" && fr.consultation.publishFormal;
  return moderator || ownDelegation || published ? letter : null;
}
