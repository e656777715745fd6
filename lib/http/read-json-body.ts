// Reads a JSON request body without trusting it: a size cap enforced while
// streaming (Content-Length may lie or be absent), strict UTF-8, then JSON.
export const MAX_BODY_BYTES = 1024 * 1024;

export type TBodyResult =
  | { ok: true; value: unknown }
  | {
      ok: false;
      status: 400 | 413 | 415;
      code: "unsupported_media_type" | "body_too_large" | "invalid_utf8" | "invalid_json";
    };

export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<TBodyResult> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") return { ok: false, status: 415, code: "unsupported_media_type" };
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, status: 413, code: "body_too_large" };

  const body = await readCapped(request, maxBytes);
  if (!body) return { ok: false, status: 413, code: "body_too_large" };
  return parseJsonBytes(body);
}

/**
 * A body already read whole (scripts/server.mjs reads every body, capped, before handling it): the same
 * checks as readJsonBody, in the same order, without the web stream.
 */
export function jsonBodyFrom(headers: Headers, body: Uint8Array, maxBytes = MAX_BODY_BYTES): TBodyResult {
  const type = (headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") return { ok: false, status: 415, code: "unsupported_media_type" };
  if (body.byteLength > maxBytes) return { ok: false, status: 413, code: "body_too_large" };
  return parseJsonBytes(body);
}

export function parseJsonBytes(body: Uint8Array): TBodyResult {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return { ok: false, status: 400, code: "invalid_utf8" };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, code: "invalid_json" };
  }
}

/** The body's bytes, or null when it is larger than maxBytes (counted while streaming). */
export async function readCapped(request: Request, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return null;
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}
