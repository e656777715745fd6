// Part of the OpenAPI document (lib/api/openapi.ts): open data (the published comments, their export, the results,
// an official response's signed letter, a published attachment).
import { z } from "zod";
import { ZExportQuery, ZPublishedPage, ZPublishedQuery } from "./wire";
import {
  JSON_TYPE,
  RATE_LIMIT,
  openDataError,
  slugParam,
  openDataNotFound,
  openDataLimited,
  shed,
  busy,
} from "./openapi-parts";
import type { ZodOpenApiPathsObject } from "zod-openapi";

export const OPEN_DATA_PATHS: ZodOpenApiPathsObject = {
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
          id: z.uuid().meta({ description: "The formal response's id, as linked from the published comments page." }),
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
};
