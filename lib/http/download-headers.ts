// The headers of a stored file sent back (a delegation's signed letter, a respondent's attachment): always a
// download (never shown inline by the browser, whatever the content), never sniffed as another type, under
// the strictest CSP (next.config.ts sets it on /api/ too; set here so the answer carries it wherever it is
// served from), with the SHA-256 the file was stored with, and never kept by a shared cache.
import { apiCsp } from "./security-headers.mjs";

export function downloadHeaders(file: { fileName: string; mediaType: string; sha256: string; size?: number }) {
  // File names are kept to [A-Za-z0-9._-] when stored (safeFileName, attachmentFileName): safe in a quoted string.
  return {
    "content-type": file.mediaType,
    "content-disposition": `attachment; filename="${file.fileName}"`,
    "x-content-sha256": file.sha256,
    "x-content-type-options": "nosniff",
    "content-security-policy": apiCsp,
    "cache-control": "private, no-store",
    ...(file.size !== undefined ? { "content-length": String(file.size) } : {}),
  };
}
