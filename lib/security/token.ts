// One-time secrets sent in links (invitations, private receipt links). Only
// their SHA-256 is stored, so a copy of the database opens nothing.
import { createHash, randomBytes } from "node:crypto";

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A token as newToken() makes them: 43 base64url characters. Anything else is refused before any query. */
export function isToken(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);
}
