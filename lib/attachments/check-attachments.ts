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

export async function checkAttachments(files: File[], limits: TAttachmentLimits): Promise<TAttachmentsCheck> {
  const refuse = (key: string, extra: Partial<TFieldError> = {}): TAttachmentsCheck => ({
    ok: false,
    error: { field: "attachments", key: `attachments.${key}`, ...extra },
  });
  if (files.length > limits.maxFiles) return refuse("errorTooMany", { max: limits.maxFiles });
  const total = files.reduce((sum, f) => sum + f.size, 0);
  for (const f of files)
    if (f.size > limits.maxFileBytes)
      return refuse("errorTooLarge", { max: toMb(limits.maxFileBytes), file: nameOf(f) });
  if (total > limits.maxResponseBytes) return refuse("errorTotalTooLarge", { max: toMb(limits.maxResponseBytes) });
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
