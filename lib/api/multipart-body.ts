// The multipart variant of POST /api/consultations/{slug}/responses: a part named "response" holding the response
// as JSON (the same body as the JSON variant), and up to ATTACHMENT_MAX_FILES parts named "attachments", one per
// file. The JSON part goes through the very checks of a JSON body (UTF-8, JSON, then the schema); the files through
// lib/attachments/check-attachments.ts, as the web form's.
import { postedFiles } from "@/lib/attachments/check-attachments";
import { parseJsonBytes, type TBodyResult } from "@/lib/http/read-json-body";

export type TMultipartResult =
  | { ok: true; value: unknown; files: File[] }
  | Exclude<TBodyResult, { ok: true }>
  | { ok: false; status: 400; code: "invalid_multipart" };

export const isMultipart = (headers: Headers) => /^multipart\/form-data\s*;/i.test(headers.get("content-type") ?? "");

/** A multipart body already read whole (and capped: scripts/server.mjs, or the route with readCapped). */
export async function multipartBodyFrom(headers: Headers, body: Uint8Array): Promise<TMultipartResult> {
  let form: FormData;
  try {
    // The boundary is case-sensitive: the header as sent.
    form = await new Response(new Uint8Array(body), {
      headers: { "content-type": headers.get("content-type") ?? "" },
    }).formData();
  } catch {
    return { ok: false, status: 400, code: "invalid_multipart" };
  }
  const part = form.get("response");
  if (part === null) return { ok: false, status: 400, code: "invalid_multipart" };
  const bytes = typeof part === "string" ? new TextEncoder().encode(part) : new Uint8Array(await part.arrayBuffer());
  const json = parseJsonBytes(bytes);
  return json.ok ? { ok: true, value: json.value, files: postedFiles(form) } : json;
}
