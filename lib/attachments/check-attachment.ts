// What a respondent's file is, from its content alone (never its name or declared type): a PDF that a PDF
// parser reads (the delegation letter's check, lib/formal/letter.ts), a PNG or JPEG whose header parses
// (PNG: the IHDR chunk and its CRC; JPEG: the segments up to a frame header), or a DOCX/ODT, which are zip
// files: the ODT's first entry is its "mimetype", the DOCX's [Content_Types].xml names a Word document.
import { crc32, inflateRawSync } from "node:zlib";
import { checkPdf } from "@/lib/formal/letter";

export const ATTACHMENT_TYPES = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.oasis.opendocument.text": "odt",
  "image/png": "png",
  "image/jpeg": "jpg",
} as const;

export type TMediaType = keyof typeof ATTACHMENT_TYPES;

export type TAttachmentCheck = { ok: true; mediaType: TMediaType } | { ok: false; reason: "empty" | "type" };

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

export async function checkAttachment(bytes: Uint8Array): Promise<TAttachmentCheck> {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  const fits = (ok: boolean, mediaType: TMediaType): TAttachmentCheck =>
    ok ? { ok: true, mediaType } : { ok: false, reason: "type" };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    // The size limits are the caller's (per file and per response): here only whether it is a PDF.
    return fits((await checkPdf(bytes, Number.MAX_SAFE_INTEGER)) === "ok", "application/pdf");
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return fits(isPng(bytes), "image/png");
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return fits(isJpeg(bytes), "image/jpeg");
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const kind = zipDocument(bytes);
    return kind ? { ok: true, mediaType: kind } : { ok: false, reason: "type" };
  }
  return { ok: false, reason: "type" };
}

const u32 = (b: Uint8Array, at: number) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
const u16le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32le = (b: Uint8Array, at: number) => (u16le(b, at) | (u16le(b, at + 2) << 16)) >>> 0;
const ascii = (b: Uint8Array, from: number, to: number) => Buffer.from(b.subarray(from, to)).toString("latin1");

/** The signature, then an IHDR chunk of 13 bytes with a sound CRC and a non-zero size, and an IEND chunk at the end. */
function isPng(b: Uint8Array): boolean {
  if (b.length < 8 + 25 + 12) return false;
  if (u32(b, 8) !== 13 || ascii(b, 12, 16) !== "IHDR") return false;
  if (crc32(b.subarray(12, 29)) !== u32(b, 29)) return false;
  const width = u32(b, 16);
  const height = u32(b, 20);
  if (width === 0 || height === 0) return false;
  return ascii(b, b.length - 8, b.length - 4) === "IEND";
}

/** SOI, then segments (each a marker and a length that fits the file) up to a frame header with a non-zero size. */
function isJpeg(b: Uint8Array): boolean {
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return false;
    const marker = b[at + 1];
    if (marker === 0xff) {
      at += 1; // fill bytes
      continue;
    }
    const length = (b[at + 2] << 8) | b[at + 3];
    if (length < 2 || at + 2 + length > b.length) return false;
    const frame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (frame) {
      if (length < 8) return false;
      const height = (b[at + 5] << 8) | b[at + 6];
      const width = (b[at + 7] << 8) | b[at + 8];
      return height > 0 && width > 0 && b[b.length - 2] === 0xff && b[b.length - 1] === 0xd9;
    }
    if (marker === 0xda || marker === 0xd9) return false; // scan or end before any frame header
    at += 2 + length;
  }
  return false;
}

type TZipEntry = { name: string; method: number; compressedSize: number; localOffset: number };

/** The zip's central directory (from the end-of-central-directory record), or null when it does not hold together. */
function zipEntries(b: Uint8Array): TZipEntry[] | null {
  // The end record is in the last 22 + 65,535 bytes (its comment is at most 65,535 bytes long).
  let end = -1;
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 65_535); at--) {
    if (b[at] === 0x50 && b[at + 1] === 0x4b && b[at + 2] === 0x05 && b[at + 3] === 0x06) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16le(b, end + 10);
  let at = u32le(b, end + 16);
  const entries: TZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || u32le(b, at) !== 0x02014b50) return null;
    const nameLength = u16le(b, at + 28);
    const extra = u16le(b, at + 30);
    const comment = u16le(b, at + 32);
    entries.push({
      name: ascii(b, at + 46, at + 46 + nameLength),
      method: u16le(b, at + 10),
      compressedSize: u32le(b, at + 20),
      localOffset: u32le(b, at + 42),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** An entry's content (stored or deflated), at most `max` bytes of it; null when it cannot be read. */
function zipRead(b: Uint8Array, e: TZipEntry, max: number): string | null {
  const at = e.localOffset;
  if (at + 30 > b.length || u32le(b, at) !== 0x04034b50) return null;
  const start = at + 30 + u16le(b, at + 26) + u16le(b, at + 28);
  const data = b.subarray(start, start + e.compressedSize);
  if (data.length !== e.compressedSize) return null;
  try {
    if (e.method === 0) return ascii(data, 0, Math.min(max, data.length));
    if (e.method === 8) return inflateRawSync(data, { maxOutputLength: max }).toString("utf8");
  } catch {
    return null;
  }
  return null;
}

const ODT = "application/vnd.oasis.opendocument.text";
const DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

function zipDocument(b: Uint8Array): TMediaType | null {
  const entries = zipEntries(b);
  if (!entries?.length) return null;
  const byName = new Map(entries.map((e) => [e.name, e]));
  // OpenDocument: "mimetype" first, stored, holding exactly the type; and a content.xml.
  const first = entries[0];
  if (first.name === "mimetype" && first.method === 0 && byName.has("content.xml")) {
    return zipRead(b, first, 100) === ODT ? ODT : null;
  }
  const types = byName.get("[Content_Types].xml");
  if (types && byName.has("word/document.xml")) {
    const xml = zipRead(b, types, 256 * 1024);
    return xml?.includes(DOCX_MAIN) ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : null;
  }
  return null;
}

/** A safe file name to keep and send back: letters, digits, dot, dash, underscore; the extension of its real type. */
export function attachmentFileName(name: string, mediaType: TMediaType): string {
  const ext = ATTACHMENT_TYPES[mediaType];
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\.[A-Za-z0-9]{1,5}$/, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 120);
  return `${base || "attachment"}.${ext}`;
}
