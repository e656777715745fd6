// The OpenAPI document of the public API, made from the zod schemas the handlers parse and answer with
// (lib/responses/schema.ts, wire.ts) by zod-openapi, which reads zod 4's own .meta() and JSON Schema
// output. Served at /api/openapi and read by the reference page /{locale}/api-docs. What no schema
// says (which status each route really gives, headers, examples) is written here, beside the paths.
import { TRACKER_STATES } from "@/lib/country-tracker/states";
import { z } from "zod";
import { createDocument } from "zod-openapi";
import { IDEMPOTENCY_KEY, IDEMPOTENCY_KEY_TEXT, ZResponseInput } from "@/lib/responses/schema";
import { ZConsultation, ZExportQuery, ZHealth, ZPublishedPage, ZPublishedQuery, ZSlug } from "./wire";
import {
  JSON_TYPE,
  int,
  RATE_LIMIT,
  RETRY_AFTER,
  openDataError,
  staffError,
  slugParam,
  notFound,
  openDataNotFound,
  openDataLimited,
  shed,
  busyOrShed,
  busy,
  submitResponses,
  CONSULTATION_EXAMPLE,
  DOCUMENT_HEAD,
  override,
  REQUEST_EXAMPLES,
} from "./openapi-parts";

function build() {
  return createDocument(
    {
      ...DOCUMENT_HEAD,
      paths: {
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
                  "Cache-Control": z
                    .literal("public, max-age=5")
                    .meta({ description: "Public, cacheable for 5 seconds." }),
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
        "/api/consultations/{slug}/published": {
          get: {
            tags: ["Open data"],
            operationId: "listPublished",
            summary: "Published comments, a page at a time",
            description:
              "Comments cleared by a moderator from respondents who agreed to publication, and submitted formal country responses, in submission order. Every answer carries RateLimit headers.",
            requestParams: { ...slugParam, query: ZPublishedQuery },
            responses: {
              200: {
                description: "A page.",
                headers: z.object(RATE_LIMIT),
                content: { [JSON_TYPE]: { schema: ZPublishedPage } },
              },
              400: openDataError("An unknown clause or a limit out of range (invalid).", RATE_LIMIT, {
                error: "invalid",
                message: "limit is 1 to 200.",
              }),
              404: openDataNotFound,
              429: openDataLimited,
              503: shed,
            },
          },
        },
        "/api/consultations/{slug}/published/export": {
          get: {
            tags: ["Open data"],
            operationId: "exportPublished",
            summary: "Every published comment, as CSV or JSON",
            description:
              "The same items as listPublished, all at once, streamed: CSV (UTF-8 with BOM; cells a spreadsheet would run as formulas start with an apostrophe) or a JSON array with snake_case fields. Counts as 10 requests against the rate limit; one export at a time per client address (EXPORT_STREAMS_PER_CLIENT); a reader that takes nothing for EXPORT_STALL_SECONDS is cut off.",
            requestParams: { ...slugParam, query: ZExportQuery },
            responses: {
              200: {
                description: "The file.",
                headers: z.object(RATE_LIMIT),
                content: {
                  "text/csv": { schema: z.string() },
                  [JSON_TYPE]: { schema: z.array(z.record(z.string(), z.unknown())) },
                },
              },
              400: openDataError("Another format (invalid).", undefined, {
                error: "invalid",
                message: "format is csv or json.",
              }),
              404: openDataNotFound,
              429: openDataLimited,
              503: busy,
            },
          },
        },
        "/api/consultations/{slug}/results": {
          get: {
            tags: ["Open data"],
            operationId: "getResults",
            summary: "The results, as CSV",
            description:
              "Once an admin has published the results: the response matrix, every comment's decision and reason, from the copy made at publication. Rate-limited like the open-data export (10 requests), one export at a time per client address.",
            requestParams: slugParam,
            responses: {
              200: {
                description: "The CSV file.",
                headers: z.object(RATE_LIMIT),
                content: { "text/csv": { schema: z.string() } },
              },
              404: openDataError("No consultation with published results at this address.", RATE_LIMIT, {
                error: "not_found",
                message: "No published results at this address.",
              }),
              429: openDataLimited,
              503: busy,
            },
          },
        },
        "/api/formal/{id}/letter": {
          get: {
            tags: ["Open data"],
            operationId: "getFormalLetter",
            summary: "A country's signed letter (PDF)",
            description:
              "The letter of a formal country response: anyone once the response is submitted and published; before that its delegation, moderators and admins (signed in). Its SHA-256 comes in X-Content-SHA256.",
            security: [{}, { staffSession: [] }],
            requestParams: {
              path: z.object({
                id: z
                  .uuid()
                  .meta({ description: "The formal response's id, as linked from the published comments page." }),
              }),
            },
            responses: {
              200: {
                description: "The PDF.",
                headers: z.object({
                  "X-Content-SHA256": z.string().meta({ description: "Hex SHA-256 of the file, as stored at upload." }),
                }),
                content: { "application/pdf": { schema: z.string().meta({ format: "binary" }) } },
              },
              404: {
                description: "No letter there, or not visible to this caller.",
                content: { "text/plain": { schema: z.string(), example: "Not found." } },
              },
              503: shed,
            },
          },
        },
        "/api/attachments/{id}": {
          get: {
            tags: ["Open data"],
            operationId: "getAttachment",
            summary: "A file attached to a response",
            description:
              "Sent as a download (Content-Disposition: attachment, X-Content-Type-Options: nosniff, Content-Security-Policy: default-src 'none'). Anyone once a moderator cleared it and the respondent agreed to publication; otherwise moderators and admins (signed in). Its SHA-256 comes in X-Content-SHA256.",
            security: [{}, { staffSession: [] }],
            requestParams: {
              path: z.object({ id: z.uuid().meta({ description: "The file's id." }) }),
            },
            responses: {
              200: {
                description: "The file, with the media type found from its content.",
                headers: z.object({
                  "X-Content-SHA256": z.string().meta({ description: "Hex SHA-256 of the file, as stored." }),
                }),
                content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } },
              },
              404: {
                description: "No file there, or not visible to this caller.",
                content: { "text/plain": { schema: z.string(), example: "Not found." } },
              },
              503: shed,
            },
          },
        },
        "/api/health": {
          get: {
            tags: ["Service"],
            operationId: "getHealth",
            summary: "Health check",
            description:
              "For load balancers and operators: 200 when the database answers within 2 seconds, 503 otherwise, and the requests refused for load in the last minute.",
            security: [{}, { healthToken: [] }, { staffSession: [] }],
            responses: {
              200: {
                description: "Healthy.",
                content: {
                  [JSON_TYPE]: {
                    schema: ZHealth,
                    example: { status: "ok", database: { status: "ok" }, shedding: { refusedLastMinute: 0 } },
                  },
                },
              },
              503: {
                description: "The database does not answer.",
                content: {
                  [JSON_TYPE]: {
                    schema: ZHealth,
                    example: {
                      status: "degraded",
                      database: { status: "unavailable" },
                      shedding: { refusedLastMinute: 0 },
                    },
                  },
                },
              },
            },
          },
        },
        "/api/openapi": {
          get: {
            tags: ["Service"],
            operationId: "getOpenApi",
            summary: "This document",
            responses: {
              200: {
                description: "The OpenAPI 3.1 document of this API.",
                headers: z.object({ "Cache-Control": z.literal("public, max-age=300") }),
                content: { [JSON_TYPE]: { schema: z.record(z.string(), z.unknown()) } },
              },
              503: shed,
            },
          },
        },
        "/api/moderate/consultations/{slug}/export": {
          get: {
            tags: ["Staff"],
            operationId: "exportFeedback",
            summary: "The moderation export (moderators)",
            description:
              "The queue's feedback items matching its filter (the queue's own URL parameters: clause, aspect, status…), or with what=audit the audit log, streamed; with format=xlsx the consultation workbook (overview figures, the items with their triage, terminology, response matrix). Every export is logged. One stream at a time per account.",
            security: [{ staffSession: [] }],
            requestParams: {
              ...slugParam,
              query: z.object({
                format: z.enum(["csv", "jsonl", "xlsx"]).default("csv"),
                what: z.enum(["feedback", "audit"]).default("feedback"),
                lang: z
                  .enum(["en", "fr"])
                  .default("en")
                  .describe("xlsx only: the language of the workbook's sheet names and headings."),
              }),
            },
            responses: {
              200: {
                description: "The file.",
                headers: z.object({
                  "X-Row-Count": int("Rows to come (feedback only), for a progress bar.").optional(),
                }),
                content: {
                  "text/csv": { schema: z.string() },
                  "application/x-ndjson": { schema: z.string() },
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                    schema: z
                      .string()
                      .describe("The consultation workbook: overview, items, terminology, response matrix."),
                  },
                },
              },
              400: staffError("Another format, the audit log as xlsx, or an unknown clause.", ["invalid"]),
              401: staffError("Not signed in.", ["unauthenticated"]),
              403: staffError("Signed in without the moderator's role.", ["forbidden"]),
              404: notFound,
              429: staffError("This account already has an export running.", ["too_many_streams"], RETRY_AFTER),
              503: busyOrShed(z.object({ error: z.object({ code: z.literal("busy"), message: z.string() }) })),
            },
          },
        },
        "/api/moderate/consultations/{slug}/countries": {
          get: {
            tags: ["Staff"],
            operationId: "exportCountryTracker",
            summary: "The country tracker as CSV (moderators)",
            description:
              "Every country with a delegation or expected to answer: its state (notInvited, invited, accepted, drafting, ready, submitted, reopened), last change and own deadline (ISO 8601 UTC), as on the tracker page.",
            security: [{ staffSession: [] }],
            requestParams: {
              ...slugParam,
              query: z.object({ state: z.enum(TRACKER_STATES).optional() }),
            },
            responses: {
              200: { description: "The CSV file.", content: { "text/csv": { schema: z.string() } } },
              400: staffError("An unknown state.", ["invalid"]),
              401: staffError("Not signed in.", ["unauthenticated"]),
              403: staffError("Signed in without the moderator's role.", ["forbidden"]),
              404: notFound,
              503: shed,
            },
          },
        },
      },
    },
    { override },
  );
}

let built: ReturnType<typeof build> | undefined;

/** The document, made once per process. */
export function openApiDocument() {
  built ??= build();
  return built;
}
