// Part of the OpenAPI document (lib/api/openapi.ts): what staff call, the moderators' exports (a signed-in session
// with the moderator's role).
import { TRACKER_STATES } from "@/lib/country-tracker/states";
import { z } from "zod";
import { int, RETRY_AFTER, staffError, slugParam, notFound, shed, busyOrShed } from "./openapi-parts";
import type { ZodOpenApiPathsObject } from "zod-openapi";

export const STAFF_PATHS: ZodOpenApiPathsObject = {
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
              schema: z.string().describe("The consultation workbook: overview, items, terminology, response matrix."),
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
};
