// A receipt is private: its link carries a key derived from the reference and
// the server's secret, so references (which are sequential) cannot be walked.
import { createHmac, timingSafeEqual } from "node:crypto";
import { requireSecret } from "@/lib/env";

export function receiptKey(reference: string): string {
  return createHmac("sha256", requireSecret()).update(`receipt:${reference}`).digest("base64url").slice(0, 32);
}

export function isReceiptKey(reference: string, key: unknown): boolean {
  if (typeof key !== "string" || !/^[A-Za-z0-9_-]{32}$/.test(key)) return false;
  return timingSafeEqual(Buffer.from(receiptKey(reference)), Buffer.from(key));
}
