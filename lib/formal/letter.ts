// The signed letter: a PDF of at most 10 MB, recognised by its content (the
// %PDF- header and an %%EOF trailer), not by its name or declared type, and
// stored with its SHA-256 so anyone can check the copy they hold.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import type { TCurrentUser } from "@/lib/auth";
import { mayDraft } from "./save-draft";

export const LETTER_MAX_BYTES = 10 * 1024 * 1024;

export type TLetterCheck = "ok" | "empty" | "tooLarge" | "notPdf";

export function checkPdf(bytes: Uint8Array): TLetterCheck {
  if (bytes.length === 0) return "empty";
  if (bytes.length > LETTER_MAX_BYTES) return "tooLarge";
  // The header may follow a little junk (allowed by readers); the trailer ends the file, give or take whitespace.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString("latin1");
  return head.includes("%PDF-1.") || head.includes("%PDF-2.") ? (tail.includes("%%EOF") ? "ok" : "notPdf") : "notPdf";
}

/** A safe file name to keep and to send back: letters, digits, dot, dash, underscore; always .pdf. */
export function safeFileName(name: string): string {
  const base = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/\.pdf$/i, "").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "").slice(0, 120);
  return `${base || "letter"}.pdf`;
}

export type TStoreLetter = { ok: true; sha256: string } | { ok: false; reason: TLetterCheck | "forbidden" | "locked" };

export async function storeLetter(user: TCurrentUser, consultationId: string, fileName: string, bytes: Uint8Array): Promise<TStoreLetter> {
  if (!mayDraft(user)) return { ok: false, reason: "forbidden" };
  const check = checkPdf(bytes);
  if (check !== "ok") return { ok: false, reason: check };
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return db.$transaction(async (tx) => {
    const [ws] = await tx.$queryRaw<{ id: string; status: string }[]>`
      SELECT id, status FROM formal_response WHERE consultation_id = ${consultationId}::uuid AND country = ${user.country} FOR UPDATE`;
    if (!ws) return { ok: false, reason: "forbidden" } as const;
    if (ws.status === "submitted") return { ok: false, reason: "locked" } as const;
    const at = now();
    const data = { fileName: safeFileName(fileName), size: bytes.length, sha256, content: Buffer.from(bytes), uploadedAt: at };
    await tx.formalLetter.upsert({ where: { formalResponseId: ws.id }, create: { formalResponseId: ws.id, ...data }, update: data });
    await tx.$executeRaw`UPDATE formal_response SET version = version + 1, updated_at = ${at} WHERE id = ${ws.id}::uuid`;
    await tx.formalEvent.create({ data: { formalResponseId: ws.id, actorId: user.id, at, kind: "letter_uploaded", detail: `${data.fileName} sha256:${sha256}` } });
    return { ok: true, sha256 } as const;
  });
}

/**
 * The letter for a download: its delegation (any member), moderators and
 * admins; once the country's response is submitted and published, anyone.
 */
export async function getLetter(user: TCurrentUser | null, formalResponseId: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(formalResponseId)) return null;
  const letter = await db.formalLetter.findUnique({
    where: { formalResponseId },
    include: { formalResponse: { select: { country: true, status: true, consultation: { select: { publishFormal: true } } } } },
  });
  if (!letter) return null;
  const fr = letter.formalResponse;
  const staff = user && (user.role === "admin" || user.role === "moderator");
  const ownDelegation = user?.role === "delegate" && user.country === fr.country;
  const published = fr.status === "submitted" && fr.consultation.publishFormal;
  return staff || ownDelegation || published ? letter : null;
}
