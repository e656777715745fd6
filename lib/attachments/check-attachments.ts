// A response's files, checked before anything is stored: how many, each one's size and the total (the limits of
// lib/env.ts), and each one's type by its content (check-attachment.ts). The first problem is the answer, as one
// field error on the form's "attachments" field (its message key in the "attachments" namespace), naming the file.
import { createHash } from "node:crypto";
import type { TFieldError } from "@/lib/forms/form-state";
import { attachmentFileName, checkAttachment, type TMediaType } from "./check-attachment";
import { type TAttachmentLimits, toMb } from "./limits";

export type TCheckedAttachment = {
  fileName: string;
  mediaType: TMediaType;
  size: number;
  sha256: string;
  content: Uint8Array;
};

export type TAttachmentsCheck = { ok: true; files: TCheckedAttachment[] } | { ok: false; error: TFieldError };

/**
 * The files posted in a form's field, leaving out empty ones: a file input left empty posts one empty part (with
 * no name in a plain form post; through a Server Action posted by React, with the name "undefined"), and an
 * empty file has nothing to keep anyway.
 */
export function postedFiles(form: FormData, field = "attachments"): File[] {
  return form.getAll(field).filter((v): v is File => typeof v !== "string" && v.size > 0);
}

/** A file's name as sent, or "" (a multipart part's name may be missing). */
const nameOf = (f: File) => (typeof f.name === "string" ? f.name : "").slice(0, 120);

const refuse = (key: string, extra: Partial<TFieldError> = {}): { ok: false; error: TFieldError } => ({
  ok: false,
  error: { field: "attachments", key: `attachments.${key}`, ...extra },
});

/**
 * The count and total of a response's files: the new ones, with the sizes of those it keeps (a change through the
 * private link). A response that adds nothing is never refused for what it keeps (the limits may have been lowered).
 */
export function fitLimits(
  added: number[],
  limits: TAttachmentLimits,
  kept: number[] = [],
): { ok: true } | { ok: false; error: TFieldError } {
  if (!added.length) return { ok: true };
  if (kept.length + added.length > limits.maxFiles)
    return kept.length
      ? refuse("errorTooManyKept", { max: Math.max(0, limits.maxFiles - kept.length) })
      : refuse("errorTooMany", { max: limits.maxFiles });
  const total = [...kept, ...added].reduce((sum, n) => sum + n, 0);
  if (total > limits.maxResponseBytes)
    return refuse(kept.length ? "errorTotalTooLargeKept" : "errorTotalTooLarge", {
      max: toMb(limits.maxResponseBytes),
    });
  return { ok: true };
}

/** `kept`: the sizes of the files the response keeps (a change through the private link), counted in the limits. */
export async function checkAttachments(
  files: File[],
  limits: TAttachmentLimits,
  kept: number[] = [],
): Promise<TAttachmentsCheck> {
  const sizes = files.map((f) => f.size);
  // How many first, then each file's size, then the total.
  const fits = fitLimits(sizes, limits, kept);
  if (!fits.ok && files.length + kept.length > limits.maxFiles) return fits;
  for (const f of files)
    if (f.size > limits.maxFileBytes)
      return refuse("errorTooLarge", { max: toMb(limits.maxFileBytes), file: nameOf(f) });
  if (!fits.ok) return fits;
  const checked: TCheckedAttachment[] = [];
  for (const f of files) {
    const content = new Uint8Array(await f.arrayBuffer());
    const check = await checkAttachment(content);
    if (!check.ok) return refuse(check.reason === "empty" ? "errorEmpty" : "errorType", { file: nameOf(f) });
    checked.push({
      fileName: attachmentFileName(nameOf(f), check.mediaType),
      mediaType: check.mediaType,
      size: content.length,
      sha256: createHash("sha256").update(content).digest("hex"),
      content,
    });
  }
  return { ok: true, files: checked };
}
