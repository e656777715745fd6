// What an idempotency key stands for. A key is bound to the request it first
// came with: a retry of the same request gets the same answer, and the same
// key with any other request is refused, so knowing (or guessing) someone's
// key never gives their receipt. Keys have at least 16 characters of
// [A-Za-z0-9_-] (schema.ts: 96 bits when random); the forms make 128-bit ones.
import { createHash, randomBytes } from "node:crypto";
import type { TFormValues } from "./form-data";
import type { TFormState } from "@/lib/forms/form-state";
import type { TResponseInput } from "./schema";

/** A fresh key for a form page: 128 random bits, 22 characters of base64url. */
export function newIdempotencyKey(): string {
  return randomBytes(16).toString("base64url");
}

/**
 * SHA-256 (hex) over a canonical JSON of the parsed input without its key,
 * the consultation, and the day a keyed-in response was received. Parsed, so
 * what the schema makes equal (spaces trimmed, empty fields absent, keys in
 * any order) hashes equal; the channel is left out, so a form's retry sent by
 * a program with the same key and the same content is still a retry.
 */
export function requestHash(
  consultationId: string,
  input: TResponseInput,
  receivedOn?: string | null,
  /** The SHA-256 of each attached file, in order: a retry with other files is another request. */
  files: string[] = [],
): string {
  const content: Partial<TResponseInput> = { ...input };
  delete content.idempotencyKey;
  // Without files, the text hashed is what it was before attachments existed.
  const text = { v: 1, consultation: consultationId, receivedOn: receivedOn ?? null, content };
  return createHash("sha256")
    .update(canonicalJson(files.length ? { ...text, files } : text))
    .digest("hex");
}

/** JSON with object members sorted by name at every level and undefined ones left out: one value, one text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++)
      out += (i ? "," : "") + (value[i] === undefined ? "null" : canonicalJson(value[i]));
    return out + "]";
  }
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    // Sorted by UTF-16 code units, as `<` compares: the same order on every server.
    const keys = Object.keys(record).sort();
    let out = "{";
    for (const key of keys) {
      if (record[key] === undefined) continue;
      out += (out.length > 1 ? "," : "") + JSON.stringify(key) + ":" + canonicalJson(record[key]);
    }
    return out + "}";
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * A form whose key was already used with other answers (the person went back
 * after their receipt and changed something): say so in the error summary,
 * keep every value, and give the form a fresh key, so sending again stores a
 * new response instead of being refused again.
 */
export function keyReusedFormState(values: TFormValues): Pick<TFormState, "status" | "errors" | "values"> {
  return {
    status: "invalid",
    errors: [{ field: "form", key: "idempotencyKeyReused" }],
    values: { ...values, idempotencyKey: newIdempotencyKey() },
  };
}
