// The pieces the OpenAPI document (openapi.ts) is made of besides its paths: its head (info, tags, security
// schemes), and the answers, errors, headers and examples that no schema says, written once here and used by
// every path that gives them.
import { z } from "zod";
import type { ZodOpenApiObject, ZodOpenApiResponseObject } from "zod-openapi";
import { ZApiError, ZOpenDataError, ZSlug } from "./wire";

export const JSON_TYPE = "application/json";
export const int = (description: string) => z.int().meta({ description });

// Absent only when the operator turned the limit off (0).
export const RATE_LIMIT = {
  "RateLimit-Limit": int(
    "Requests allowed per minute for this client address (OPEN_DATA_RATE_LIMIT_PER_MINUTE, default 60).",
  ).optional(),
  "RateLimit-Remaining": int("Requests left in the current minute.").optional(),
  "RateLimit-Reset": int("Seconds until the minute's window resets.").optional(),
};
export const RETRY_AFTER = { "Retry-After": int("Seconds to wait before retrying.").meta({ example: 60 }) };

/** An error of the response API (`{ error: { code, message } }`), with one example per code it may carry. */
export function apiError(
  description: string,
  examples: Record<string, Record<string, unknown> & { message: string }>,
  headers?: Record<string, z.ZodType>,
): ZodOpenApiResponseObject {
  return {
    description,
    ...(headers ? { headers: z.object(headers) } : {}),
    content: {
      [JSON_TYPE]: {
        schema: ZApiError,
        examples: Object.fromEntries(
          Object.entries(examples).map(([code, error]) => [code, { value: { error: { code, ...error } } }]),
        ),
      },
    },
  };
}

/** An error of the open-data and results API (`{ error, message }`). */
export function openDataError(
  description: string,
  headers?: Record<string, z.ZodType>,
  example?: { error: string; message: string },
): ZodOpenApiResponseObject {
  return {
    description,
    ...(headers ? { headers: z.object(headers) } : {}),
    content: { [JSON_TYPE]: { schema: ZOpenDataError, ...(example ? { example } : {}) } },
  };
}

/** The staff export's error (`{ error: { code, message } }`, codes of its own). */
export function staffError(
  description: string,
  codes: [string, ...string[]],
  headers?: Record<string, z.ZodType>,
): ZodOpenApiResponseObject {
  const schema = z.object({ error: z.object({ code: z.enum(codes), message: z.string() }) });
  return { description, ...(headers ? { headers: z.object(headers) } : {}), content: { [JSON_TYPE]: { schema } } };
}

export const slugParam = { path: z.object({ slug: ZSlug }) };
export const notFound = apiError("No consultation has this slug.", {
  not_found: { message: "No consultation has this slug." },
});
export const openDataNotFound = openDataError("No such consultation (a hidden draft too).", RATE_LIMIT, {
  error: "not_found",
  message: "No consultation has this address.",
});
export const openDataLimited = openDataError(
  "Too many requests (rate_limited), or this client already has an export running (too_many_streams): wait Retry-After seconds.",
  { ...RATE_LIMIT, ...RETRY_AFTER },
);
// scripts/server.mjs sheds load before any handler runs, on every /api/ path but the health check: too many
// requests at once (MAX_IN_FLIGHT, or MAX_IN_FLIGHT_PER_CLIENT from one client) or a late event loop.
export const SHEDDING =
  "the server is shedding load (too many requests at once, overall or from this client; code unavailable)";
const SHED_EXAMPLE = { unavailable: { message: "The service is busy. Retry after 2 seconds." } };
export const shed = apiError(`Not answered: ${SHEDDING}. Retry after Retry-After seconds.`, SHED_EXAMPLE, RETRY_AFTER);
/** An export's 503: its connections are all busy (its own error shape), or the server sheds load. */
export function busyOrShed(busy: z.ZodType): ZodOpenApiResponseObject {
  return {
    description: `Every export connection is busy (busy), or ${SHEDDING}: wait Retry-After seconds.`,
    headers: z.object(RETRY_AFTER),
    content: { [JSON_TYPE]: { schema: z.union([busy, ZApiError]) } },
  };
}
export const busy = busyOrShed(ZOpenDataError);

export function override({ jsonSchema, io }: { jsonSchema: Record<string, unknown>; io: "input" | "output" }) {
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  if (io === "output" && jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
}

/** The document's head: info, servers, tags and security schemes. */
export const DOCUMENT_HEAD = {
  openapi: "3.1.0",
  info: {
    title: "Clausewise API",
    version: "1.0.0",
    description:
      "Read a consultation and its draft, submit a response to it clause by clause, and read what was published. No account is needed: submissions are rate-limited per client address (SUBMIT_RATE_LIMIT_PER_MINUTE, default 20 a minute, shared with the web form) and the open data too (OPEN_DATA_RATE_LIMIT_PER_MINUTE, default 60, with RateLimit headers). Deadlines are enforced by the server's clock. Made from the schemas the server validates with.",
  },
  servers: [{ url: "/" }],
  tags: [
    { name: "Consultations", description: "Read a consultation and its draft." },
    { name: "Responses", description: "Submit a response." },
    { name: "Open data", description: "What was published: comments, formal responses, results." },
    { name: "Service", description: "Health and this document." },
    {
      name: "Staff",
      description: "For signed-in moderators, admins and delegations: their browser session, not for programs.",
    },
  ],
  components: {
    securitySchemes: {
      healthToken: {
        type: "http",
        scheme: "bearer",
        description: "The operator's HEALTH_TOKEN (32+ characters): /api/health then shows its details.",
      },
      staffSession: {
        type: "apiKey",
        in: "cookie",
        name: "authjs.session-token",
        description:
          "A moderator's, admin's or delegate's session, from signing in on the site (`__Secure-` prefixed over HTTPS).",
      },
    },
  },
} satisfies Omit<ZodOpenApiObject, "openapi" | "paths"> & { openapi: "3.1.0" };
