// The pieces the OpenAPI document (openapi.ts) is made of besides its paths: its head (info, tags, security
// schemes), and the answers, errors, headers and examples that no schema says, written once here and used by
// every path that gives them.
import { z } from "zod";
import type { ZodOpenApiObject, ZodOpenApiResponseObject, ZodOpenApiResponsesObject } from "zod-openapi";
import { ZApiError, ZConsultation, ZOpenDataError, ZSlug, ZSubmission } from "./wire";

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
function apiError(
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
const SHEDDING =
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

const SUBMISSION_EXAMPLE = {
  idempotencyKey: "f3b9c2d4-7a1e-4c0b-9e55-2d8a6b1c0e77",
  feedback: [
    {
      clause: "1.1",
      clarity: {
        rating: 2,
        comment:
          'It is not clear who "the highest levels of leadership" are: ministers, senior civil servants, or both.',
      },
      language: {
        term: "weak signals",
        proposedWording: "early signs of change",
        reason: '"Signaux faibles" is jargon from foresight work; most public servants will not know it.',
      },
      feasibility: {
        rating: 3,
        countryContext:
          "In France, innovation support sits with the interministerial directorate for public transformation (DITP).",
        comment: "Feasible for central government; local authorities would need dedicated funding.",
      },
    },
  ],
  generalComment: "A welcome draft. Please add examples for smaller administrations.",
  respondent: {
    type: "organisation",
    country: "FR",
    organisationName: "Réseau des laboratoires d'innovation territoriale",
    publicSector: true,
    email: "contact@example.org",
    publication: "named",
    privacyConsent: true,
  },
};
export const REQUEST_EXAMPLES = {
  full: { summary: "Feedback on clause 1.1 from an organisation in France", value: SUBMISSION_EXAMPLE },
};

const RECEIPT = "/en/c/dpsi/receipt/DPSI-2026-000042?key=q3V9xN2bR7kLm0PzT4wYc8HfJ1sDgA6e";

export const submitResponses: ZodOpenApiResponsesObject = {
  201: {
    description: "Stored.",
    content: {
      [JSON_TYPE]: {
        schema: ZSubmission,
        example: { reference: "DPSI-2026-000042", receiptUrl: RECEIPT, replayed: false },
      },
    },
  },
  200: {
    description:
      "Idempotent replay: a response with this key and the same request was already stored for this consultation. Nothing new is stored; the first response's reference and receipt link are returned.",
    content: {
      [JSON_TYPE]: {
        schema: ZSubmission,
        example: { reference: "DPSI-2026-000042", receiptUrl: RECEIPT, replayed: true },
      },
    },
  },
  400: apiError(
    "The body is not valid UTF-8 (invalid_utf8), not JSON (invalid_json), or not a valid response (invalid, with every problem in `fields`).",
    {
      invalid: {
        message: "The response has errors.",
        fields: [
          { field: "feedback[0].clarity.rating", code: "ratingRange", message: "Choose a rating from 1 to 5" },
          {
            field: "respondent.organisationName",
            code: "organisationNameRequired",
            message: "Enter the name of your organisation, group or government",
          },
        ],
      },
      invalid_json: { message: "The request body is not valid JSON." },
      invalid_utf8: { message: "The request body is not valid UTF-8." },
      invalid_multipart: {
        message:
          'The multipart body cannot be read, or has no part named "response" (the response as JSON; files in parts named "attachments").',
      },
    },
  ),
  403: apiError("Sent by a web page of another site (its Origin header): programs send no Origin.", {
    forbidden_origin: { message: "Requests from another site's pages are refused." },
  }),
  404: notFound,
  409: apiError(
    "The consultation is not open (closed, with `closedAt`; not_open, with `opensAt`), by the server's clock when the response is stored; or the idempotency key was used with a different body (idempotency_key_reused): nothing is stored and nothing of the earlier response is returned.",
    {
      closed: {
        message: "This consultation closed at 2026-03-31T21:59:59.000Z.",
        closedAt: "2026-03-31T21:59:59.000Z",
      },
      not_open: {
        message: "This consultation opens at 2026-01-12T08:00:00.000Z.",
        opensAt: "2026-01-12T08:00:00.000Z",
      },
      idempotency_key_reused: {
        message:
          "This idempotency key was already used with a different request body. Nothing was stored. Use a new key for a new response; reuse a key only to retry the exact same request.",
      },
    },
  ),
  413: apiError("The body is larger than 1 MB.", {
    body_too_large: { message: "The request body is larger than 1 MB." },
  }),
  415: apiError("Content-Type is not application/json.", {
    unsupported_media_type: { message: "Send the response as application/json." },
  }),
  429: apiError(
    "Too many submissions from this client address in the current minute (SUBMIT_RATE_LIMIT_PER_MINUTE, default 20, counted with the web form), or with this email address in the hour (SUBMIT_RATE_LIMIT_PER_EMAIL_PER_HOUR, default 10).",
    { rate_limited: { message: "Too many responses from this client in the last minute." } },
    RETRY_AFTER,
  ),
  503: apiError(
    `Not stored (the database is busy or did not answer), or ${SHEDDING}. Retry with the same idempotency key: if it was stored after all, the retry returns it (200, replayed: true).`,
    {
      unavailable: {
        message:
          "The response could not be stored. Retry with the same idempotency key. (error 0b7c1f9e-3d2a-4e5f-8a6b-9c0d1e2f3a4b)",
      },
    },
    RETRY_AFTER,
  ),
};

export const CONSULTATION_EXAMPLE = {
  slug: "dpsi",
  title: {
    en: "Draft Declaration on Public Sector Innovation",
    fr: "Projet de déclaration sur l'innovation dans le secteur public",
  },
  summary: {
    en: "This consultation invites comments on a draft declaration …",
    fr: "Cette consultation recueille vos observations sur un projet de déclaration …",
  },
  askedFor: {
    en: "We would like to know whether each principle and proposed action is clear …",
    fr: "Nous souhaitons savoir si chaque principe et chaque action proposée sont clairs …",
  },
  audience: { en: "Anyone may respond …", fr: "Toute personne ou structure peut contribuer …" },
  opensAt: "2026-01-12T08:00:00.000Z",
  closesAt: "2026-03-31T21:59:59.000Z",
  timeZone: "Europe/Paris",
  status: "open",
  responseCount: 42,
  clauses: [
    {
      id: "8d2f4a10-6b3c-4e7d-a5f9-1c2b3d4e5f60",
      key: "1.1",
      kind: "action",
      number: "1.1",
      parentKey: "1",
      position: 2,
      heading: { en: null, fr: null },
      body: {
        en: "Explain, at the highest levels of leadership, why innovation matters …",
        fr: "Expliquer, au plus haut niveau de direction, en quoi l'innovation sert …",
      },
      commentCount: 12,
    },
  ],
} satisfies z.input<typeof ZConsultation>;

/**
 * Two of zod's JSON Schema habits that would mislead integrators: every integer bounded by ±2^53 (noise),
 * and answers' objects closed to further members (a member added later must not break a client).
 */
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
