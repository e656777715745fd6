import { randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { gzipWithGaps } from "./gzip-gaps.mjs";

const joined = (parts: Buffer[], gap: Buffer) => Buffer.concat(parts.flatMap((p, i) => (i > 0 ? [gap, p] : [p])));

describe("gzipWithGaps", () => {
  it("makes one whole gzip member (its CRC-32 and length checked by gunzip) for each reader's bytes", () => {
    const parts = [
      Buffer.alloc(0), // a gap at the very start
      randomBytes(70_000), // incompressible, longer than deflate's window
      Buffer.from("é".repeat(40_000)), // very compressible
      Buffer.alloc(0), // two gaps side by side
      Buffer.from("end"),
      Buffer.alloc(0), // a gap at the very end
    ];
    const gz = gzipWithGaps(parts, 22);
    for (const gap of [Buffer.alloc(22), Buffer.from("abcdefghij_-0123456789"), randomBytes(22)]) {
      expect(gunzipSync(gz.fill(gap)).equals(joined(parts, gap))).toBe(true);
    }
  });

  it("works with no gap at all, and refuses bytes of another length", () => {
    const text = Buffer.from("one part only ".repeat(100));
    const gz = gzipWithGaps([text], 8);
    expect(gunzipSync(gz.fill(Buffer.alloc(8))).equals(text)).toBe(true);
    expect(() => gzipWithGaps([text, text], 4).fill(Buffer.alloc(5))).toThrow();
    expect(() => gzipWithGaps([text], 70_000)).toThrow();
  });
});
