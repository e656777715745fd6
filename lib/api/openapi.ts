// The OpenAPI document of the public API, made from the zod schemas the handlers parse and answer with
// (lib/responses/schema.ts, wire.ts) by zod-openapi, which reads zod 4's own .meta() and JSON Schema
// output. Served at /api/openapi and read by the reference page /{locale}/api-docs. What no schema
// says (which status each route really gives, headers, examples) is written here, beside the paths.
import { z } from "zod";
import { createDocument } from "zod-openapi";
import { ZHealth } from "./wire";
import { JSON_TYPE, shed, DOCUMENT_HEAD, override } from "./openapi-parts";
import { SUBMISSION_PATHS } from "./openapi-submission-paths";
import { OPEN_DATA_PATHS } from "./openapi-open-data-paths";
import { STAFF_PATHS } from "./openapi-staff-paths";

function build() {
  return createDocument(
    {
      ...DOCUMENT_HEAD,
      paths: {
        ...SUBMISSION_PATHS,
        ...OPEN_DATA_PATHS,
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
        ...STAFF_PATHS,
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
