// Part of the OpenAPI document (lib/api/openapi.ts): the consultation and the submission of a response (what a
// respondent's program calls), with their examples and every answer a submission may get.
import { z } from "zod";
import { IDEMPOTENCY_KEY, IDEMPOTENCY_KEY_TEXT, ZResponseInput } from "@/lib/responses/schema";
import { apiError, RETRY_AFTER, JSON_TYPE, SHEDDING, shed, notFound, slugParam } from "./openapi-parts";
import type { ZodOpenApiPathsObject, ZodOpenApiResponsesObject } from "zod-openapi";
import { ZConsultation, ZSlug, ZSubmission } from "./wire";

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
const REQUEST_EXAMPLES = {
  full: { summary: "Feedback on clause 1.1 from an organisation in France", value: SUBMISSION_EXAMPLE },
};

const RECEIPT = "/en/c/dpsi/receipt/DPSI-2026-000042?key=q3V9xN2bR7kLm0PzT4wYc8HfJ1sDgA6e";

const submitResponses: ZodOpenApiResponsesObject = {
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

const CONSULTATION_EXAMPLE = {
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
export const SUBMISSION_PATHS: ZodOpenApiPathsObject = {
  "/api/consultations/{slug}": {
    get: {
      tags: ["Consultations"],
      operationId: "getConsultation",
      summary: "A consultation and its draft",
      description:
        "The consultation, its status by the server's clock, and the whole draft in document order. Counts may be a few seconds old.",
      requestParams: slugParam,
      responses: {
        200: {
          description: "The consultation.",
          headers: z.object({
            "Cache-Control": z.literal("public, max-age=5").meta({ description: "Public, cacheable for 5 seconds." }),
          }),
          content: { [JSON_TYPE]: { schema: ZConsultation, example: CONSULTATION_EXAMPLE } },
        },
        404: notFound,
        503: shed,
      },
    },
  },
  "/api/consultations/{slug}/responses": {
    post: {
      tags: ["Responses"],
      operationId: "submitResponse",
      summary: "Submit a response",
      description:
        "Stores one response, all or nothing, and returns its reference number and the link to its private receipt; the same schema as the web form. Checks in this order: origin (403), rate limit (429), media type (415), size (413), UTF-8 and JSON (400), schema (400 invalid), consultation (404), open (409), clause keys (400 unknownClause), then storage: a key used with another body (409 idempotency_key_reused), or a failure (503).",
      requestParams: {
        path: z.object({ slug: ZSlug }),
        header: z.object({
          "Idempotency-Key": z
            .string()
            .regex(IDEMPOTENCY_KEY)
            .optional()
            .meta({
              minLength: 16,
              maxLength: 64,
              description: `Used as \`idempotencyKey\` when the body does not have one (the body's value wins), and validated like it. ${IDEMPOTENCY_KEY_TEXT}`,
              example: "f3b9c2d4-7a1e-4c0b-9e55-2d8a6b1c0e77",
            }),
          "Accept-Language": z.string().optional().meta({
            description:
              "When the first language listed is French, `error.fields[].message` is in French and the receipt link points to the French page.",
            example: "fr",
          }),
        }),
      },
      requestBody: {
        required: true,
        description:
          "At most 1 MB, UTF-8; Content-Type application/json (a charset parameter is allowed). With files: multipart/form-data, the same JSON in a part named `response` and each file in a part named `attachments`: at most 5 files (ATTACHMENT_MAX_FILES), 10 MB each (ATTACHMENT_MAX_FILE_MB), 25 MB in all (ATTACHMENT_MAX_RESPONSE_MB); PDF, DOCX, ODT, PNG or JPEG, recognised by their content (not their name or declared type). A file refused is a 400 invalid with a field error on `attachments` (codes errorTooMany, errorTooLarge, errorTotalTooLarge, errorType, errorEmpty); a multipart body without a `response` part is a 400 invalid_multipart.",
        content: {
          [JSON_TYPE]: { schema: ZResponseInput, examples: REQUEST_EXAMPLES },
          "multipart/form-data": {
            schema: z.object({
              response: ZResponseInput,
              attachments: z
                .array(z.string().meta({ format: "binary" }))
                .max(5)
                .optional()
                .meta({ description: "The files, one part each, in the order they are to be listed." }),
            }),
            encoding: { response: { contentType: JSON_TYPE } },
          },
        },
      },
      responses: submitResponses,
    },
  },
};
