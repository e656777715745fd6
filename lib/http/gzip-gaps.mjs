// A text compressed once, with gaps that each reader fills with bytes of their own, assembled per reader in a few
// microseconds as one valid gzip member (lib/http/page-cache.mjs's response form: its idempotency key). Each part
// between gaps is compressed apart and flushed to a byte boundary, so a gap's bytes go between them as a raw deflate
// stored block; the member's CRC-32 is the parts' CRCs combined with the gap's (zlib's crc32_combine), never a pass
// over the whole text. Plain JavaScript: scripts/server.mjs loads page-cache.mjs before Next.js.
import { constants, crc32, deflateRawSync } from "node:zlib";

// Compressed once per render (every 15 s at most) and sent to every reader: the smallest zlib makes (2 % less than
// its default, in 2–4 ms for the draft).
export const SMALLEST = { level: 9, memLevel: 9 };

// A gzip member's header: deflate, no name or time, from Unix.
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03]);

/**
 * @param {Buffer[]} parts the text cut at each gap
 * @param {number} gapLength the length of every gap's bytes
 */
export function gzipWithGaps(parts, gapLength) {
  if (!Number.isInteger(gapLength) || gapLength < 0 || gapLength > 0xffff)
    throw new Error("a gap holds 0 to 65,535 bytes");
  const packed = parts.map((part) => deflateRawSync(part, { ...SMALLEST, finishFlush: constants.Z_SYNC_FLUSH }));
  const last = deflateRawSync(Buffer.alloc(0)); // the final (empty) block
  const crcs = parts.map((part) => crc32(part));
  const shifts = parts.map((part) => crcShift(part.length));
  const gapShift = crcShift(gapLength);
  const length = parts.reduce((n, p) => n + p.length, 0) + gapLength * (parts.length - 1);
  const storedHeader = Buffer.from([
    0x00,
    gapLength & 0xff,
    gapLength >>> 8,
    ~gapLength & 0xff,
    (~gapLength >>> 8) & 0xff,
  ]);
  return {
    size: packed.reduce((n, b) => n + b.length, 0),
    /** The gzip member with `gap` in every gap. @param {Buffer} gap */
    fill(gap) {
      if (gap.length !== gapLength) throw new Error(`a gap holds ${gapLength} bytes`);
      const stored = Buffer.concat([storedHeader, gap]);
      const gapCrc = crc32(gap);
      const chunks = [GZIP_HEADER, packed[0]];
      let crc = crcs[0];
      for (let i = 1; i < parts.length; i += 1) {
        chunks.push(stored, packed[i]);
        crc = (multModP(shifts[i], (multModP(gapShift, crc) ^ gapCrc) >>> 0) ^ crcs[i]) >>> 0;
      }
      const trailer = Buffer.alloc(8);
      trailer.writeUInt32LE(crc, 0);
      trailer.writeUInt32LE(length % 2 ** 32, 4);
      chunks.push(last, trailer);
      return Buffer.concat(chunks);
    },
  };
}

// CRC-32 arithmetic as zlib's crc32_combine (crc32.c): polynomials over GF(2), reflected. crc(A‖B) =
// multModP(crcShift(|B|), crc(A)) ^ crc(B).
const POLY = 0xedb88320;
/** a × b modulo the CRC polynomial. */
function multModP(a, b) {
  let p = 0;
  for (let m = 0x80000000; m !== 0; m >>>= 1) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}
/** x^(2^k) modulo the polynomial, k = 0…31. */
const X2N = (() => {
  const table = [];
  let p = 1 << 30; // x^1
  for (let n = 0; n < 32; n += 1) {
    table.push(p >>> 0);
    p = multModP(p, p);
  }
  return table;
})();
/** The operator that moves a CRC past `bytes` bytes: x^(8·bytes) modulo the polynomial. */
function crcShift(bytes) {
  let p = 0x80000000; // x^0
  for (let n = bytes, k = 3; n > 0; n = Math.floor(n / 2), k += 1) if (n % 2) p = multModP(X2N[k & 31], p);
  return p;
}
