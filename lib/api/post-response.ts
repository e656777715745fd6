// POST /api/consultations/{slug}/responses: the JSON twin of the web form,
// through the same schema and the same submitResponse().
import { randomUUID } from "node:crypto";
import { limitClient, limitEmail } from "@/lib/http/submission-limits";
import { isDatabaseBusy } from "@/lib/db";
import { foreignOrigin } from "@/lib/http/csp";
import { jsonBodyFrom, readJsonBody, type TBodyResult } from "@/lib/http/read-json-body";
import { toIssues, ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { apiCsp, securityHeaders } from "@/lib/http/security-headers.mjs";
import { apiLocale, attachmentErrors, issueErrors } from "./api-messages";
import { isMultipart, multipartBodyFrom, type TMultipartResult } from "./multipart-body";
import { readCapped } from "@/lib/http/read-json-body";
import { checkAttachments } from "@/lib/attachments/check-attachments";
import { attachmentLimits } from "@/lib/attachments/limits";

type TOut = { status: number; body: unknown; headers?: Record<string, string> };

/** What goes on the wire, whoever writes it: the Next.js route, or scripts/server.mjs itself (servePostResponse). */
export type TWire = { status: number; headers: Record<string, string>; text: string };

const WIRE_HEADERS: Record<string, string> = {
  ...Object.fromEntries(securityHeaders.map((h) => [h.key, h.value])),
  "Content-Security-Policy": apiCsp,
  "Cache-Control": "no-store",
  "Content-Type": "application/json",
};

export function toWire(out: TOut): TWire {
  return { status: out.status, headers: { ...WIRE_HEADERS, ...out.headers }, text: JSON.stringify(out.body) };
}

/**
 * The JSON API as scripts/server.mjs calls it, without Next.js's routing and rendering machinery (the
 * framework was most of a submission's cost): the body it has already read, the path's slug, the client
 * key it has computed. The same steps as postResponse() (answer() below), the same schema, the same answer.
 */
export async function servePostResponse(call: {
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
  slug: string;
  clientKey: string;
}): Promise<TWire> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(call.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const read = async () =>
    isMultipart(headers) ? multipartBodyFrom(headers, call.body) : jsonBodyFrom(headers, call.body);
  return toWire(await answer(headers, read, call.slug, call.clientKey));
}

const err = (
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers?: Record<string, string>,
): TOut => ({
  status,
  body: { error: { code, message, ...extra } },
  headers,
});

const BODY_MESSAGES = {
  unsupported_media_type: "Send the response as application/json.",
  body_too_large: "The request body is larger than 1 MB.",
  invalid_utf8: "The request body is not valid UTF-8.",
  invalid_json: "The request body is not valid JSON.",
  invalid_multipart:
    'The multipart body cannot be read, or has no part named "response" (the response as JSON; files in parts named "attachments").',
} as const;

const KEY_REUSED =
  "This idempotency key was already used with a different request body. Nothing was stored. Use a new key for a new response; reuse a key only to retry the exact same request.";

export async function postResponse(request: Request, slug: string, clientKey: string): Promise<TOut> {
  const read = async (): Promise<TBodyResult | TMultipartResult> => {
    if (!isMultipart(request.headers)) return readJsonBody(request);
    // The files' total and room for the JSON part and the envelope (as scripts/server.mjs's cap).
    const body = await readCapped(request, attachmentLimits().maxResponseBytes + 2 * 1024 * 1024);
    return body ? multipartBodyFrom(request.headers, body) : { ok: false, status: 413, code: "body_too_large" };
  };
  return answer(request.headers, read, slug, clientKey);
}

async function answer(
  headers: Headers,
  readBody: () => Promise<TBodyResult | TMultipartResult>,
  slug: string,
  clientKey: string,
): Promise<TOut> {
  const locale = apiLocale(headers);
  // Programs send no Origin; a browser page of another site does, and is refused (CSRF, even without cookies).
  if (foreignOrigin(headers)) return err(403, "forbidden_origin", "Requests from another site's pages are refused.");
  const limited = await limitClient(clientKey).catch(() => ({ ok: true as const }));
  if (!limited.ok) {
    return err(
      429,
      "rate_limited",
      "Too many responses from this client in the last minute.",
      {},
      { "Retry-After": String(limited.retryAfterSeconds) },
    );
  }
  const body = await readBody();
  if (!body.ok) return err(body.status, body.code, BODY_MESSAGES[body.code]);

  const headerKey = headers.get("idempotency-key");
  const value = body.value;
  const withKey =
    headerKey && value && typeof value === "object" && !Array.isArray(value) && !("idempotencyKey" in value)
      ? { ...value, idempotencyKey: headerKey }
      : value;
  const parsed = ZResponseInput.safeParse(withKey);
  // The files (multipart only) are checked with the JSON, so that one answer lists every problem.
  const files = "files" in body ? await checkAttachments(body.files, attachmentLimits()) : null;
  const fileErrors = files && !files.ok ? attachmentErrors(files.error, locale) : [];
  if (!parsed.success || fileErrors.length) {
    const fields = parsed.success ? [] : issueErrors(toIssues(parsed.error), locale);
    return err(400, "invalid", "The response has errors.", { fields: [...fields, ...fileErrors] });
  }
  try {
    const byEmail = await limitEmail(parsed.data.respondent.email);
    if (!byEmail.ok) {
      return err(
        429,
        "rate_limited",
        "Too many responses with this email address in the last hour.",
        {},
        { "Retry-After": String(byEmail.retryAfterSeconds) },
      );
    }
    const result = await submitResponse(slug, parsed.data, {
      locale,
      channel: "api",
      clientIp: clientKey,
      attachments: files?.ok ? files.files : undefined,
    });
    if (result.ok) {
      const receiptUrl = `/${locale}/c/${slug}/receipt/${result.reference}?key=${result.receiptKey}`;
      return {
        status: result.replayed ? 200 : 201,
        body: { reference: result.reference, receiptUrl, replayed: result.replayed },
      };
    }
    switch (result.reason) {
      case "not_found":
        return err(404, "not_found", "No consultation has this slug.");
      case "key_reused":
        return err(409, "idempotency_key_reused", KEY_REUSED);
      case "closed":
        return err(409, "closed", `This consultation closed at ${result.closesAt.toISOString()}.`, {
          closedAt: result.closesAt.toISOString(),
        });
      case "not_open":
        return err(409, "not_open", `This consultation opens at ${result.opensAt.toISOString()}.`, {
          opensAt: result.opensAt.toISOString(),
        });
      case "invalid":
        return err(400, "invalid", "The response has errors.", { fields: issueErrors(result.issues, locale) });
    }
  } catch (e) {
    const id = randomUUID();
    if (isDatabaseBusy(e)) {
      console.warn(
        `[api] busy ${id}: ${String((e as Error).message)
          .trim()
          .split("\n")
          .pop()}`,
      );
      return err(
        503,
        "unavailable",
        `The service is busy. Retry with the same idempotency key. (error ${id})`,
        {},
        { "Retry-After": "5" },
      );
    }
    console.error(`[api] error ${id}:`, e);
    return err(
      503,
      "unavailable",
      `The response could not be stored. Retry with the same idempotency key. (error ${id})`,
      {},
      { "Retry-After": "5" },
    );
  }
}
