// Part of the OpenAPI document (lib/api/openapi.ts). The consultation and the submission of a response: what a respondent's program calls.
import { z } from "zod";
import { IDEMPOTENCY_KEY, IDEMPOTENCY_KEY_TEXT, ZResponseInput } from "@/lib/responses/schema";
import { ZConsultation, ZSlug } from "./wire";
import {
  JSON_TYPE,
  slugParam,
  notFound,
  shed,
  submitResponses,
  CONSULTATION_EXAMPLE,
  REQUEST_EXAMPLES,
} from "./openapi-parts";
import type { ZodOpenApiPathsObject } from "zod-openapi";

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
