import "server-only";
import { env } from "@/lib/env";

export type TAttachmentLimits = { maxFiles: number; maxFileBytes: number; maxResponseBytes: number };

const MB = 1024 * 1024;

/** ATTACHMENT_MAX_FILES, ATTACHMENT_MAX_FILE_MB, ATTACHMENT_MAX_RESPONSE_MB (lib/env-schema.mjs). */
export function attachmentLimits(): TAttachmentLimits {
  const e = env();
  return {
    maxFiles: e.ATTACHMENT_MAX_FILES,
    maxFileBytes: e.ATTACHMENT_MAX_FILE_MB * MB,
    maxResponseBytes: e.ATTACHMENT_MAX_RESPONSE_MB * MB,
  };
}

export const toMb = (bytes: number) => Math.round(bytes / MB);
