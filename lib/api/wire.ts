// What the public JSON API sends and takes besides a response's body (lib/responses/schema.ts): zod
// schemas the handlers are typed by (consultation-json.ts, list-published.ts, published-request.ts), and
// from which the API document is made (openapi.ts). Their .meta() is the documentation.
import { z } from "zod";

export const ZSlug = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .meta({ description: "The consultation's slug. Any other form gives 404.", example: "dpsi" });

const ZLocalized = z
  .object({ en: z.string(), fr: z.string() })
  .meta({ id: "LocalizedText", description: "The same text in English and French." });
const ZInstant = z.iso.datetime();

export const ZClause = z
  .object({
    id: z.uuid().meta({ description: "Stable across re-drafting." }),
    key: z
      .string()
      .max(32)
      .meta({
        description: "Stable, URL-safe key: the value to send as ClauseFeedback.clause.",
        examples: ["preamble", "1", "1.1"],
      }),
    kind: z.enum(["preamble", "principle", "action"]),
    number: z
      .string()
      .nullable()
      .meta({ description: 'Displayed number: null for the preamble, "1" for a principle, "1.1" for an action.' }),
    parentKey: z
      .string()
      .nullable()
      .meta({ description: "Key of the principle an action belongs to; null otherwise." }),
    position: z.int().meta({ description: "Order in the document." }),
    heading: z
      .object({ en: z.string().nullable(), fr: z.string().nullable() })
      .meta({ description: "Like LocalizedText, but either language may be null (actions have no heading)." }),
    body: ZLocalized,
    commentCount: z
      .int()
      .min(0)
      .meta({ description: "Feedback items (clarity, language and feasibility entries) received on this clause." }),
  })
  .meta({
    id: "Clause",
    description: "One part of the draft, in document order: the preamble, a principle, or an action under a principle.",
  });

export const ZConsultation = z
  .object({
    slug: ZSlug,
    title: ZLocalized,
    summary: ZLocalized,
    askedFor: ZLocalized,
    audience: ZLocalized,
    opensAt: ZInstant.meta({ description: "First instant responses are accepted (inclusive), in UTC." }),
    closesAt: ZInstant.meta({
      description:
        "Deadline (exclusive), in UTC: a response received at or after it, by the server's clock, is refused with 409 closed.",
    }),
    timeZone: z.string().meta({
      description: "IANA time zone the consultation is run in (display, and the year in reference numbers).",
      examples: ["Europe/Paris"],
    }),
    status: z
      .enum(["upcoming", "open", "closed"])
      .meta({ description: "By the server's clock at the time of the request." }),
    responseCount: z.int().min(0),
    clauses: z.array(ZClause).meta({ description: "The whole draft in document order." }),
  })
  .meta({ id: "Consultation" });

export const ZSubmission = z
  .object({
    reference: z.string().meta({
      description:
        "The response's reference number: the consultation's prefix, the year (in its time zone) and a sequence number of at least six digits.",
      examples: ["DPSI-2026-000042"],
    }),
    receiptUrl: z.string().meta({
      description:
        "Path of the private receipt page, in English or French after Accept-Language. Its `key` is the only way to open the receipt: keep it private.",
      examples: ["/en/c/dpsi/receipt/DPSI-2026-000042?key=q3V9xN2bR7kLm0PzT4wYc8HfJ1sDgA6e"],
    }),
    replayed: z.boolean().meta({
      description: "True when this idempotency key had been used before with the same body and nothing new was stored.",
    }),
  })
  .meta({ id: "Submission" });

/** Error codes of the response API (post-response.ts). */
export const API_ERROR_CODES = [
  "invalid",
  "invalid_json",
  "invalid_utf8",
  "not_found",
  "closed",
  "not_open",
  "idempotency_key_reused",
  "body_too_large",
  "unsupported_media_type",
  "rate_limited",
  "unavailable",
  "forbidden_origin",
  "invalid_multipart",
] as const;

export const ZFieldError = z
  .object({
    field: z.string().meta({
      description:
        "Path of the offending value in the body, e.g. `feedback[0].clarity.rating`; empty for the body itself.",
      examples: ["feedback[0].clarity.rating"],
    }),
    code: z.string().meta({
      description:
        "Stable, machine-readable reason: a key of the errors listed in ResponseInput's descriptions (ratingRange, tooLong, unknownClause…).",
      examples: ["ratingRange"],
    }),
    message: z.string().meta({
      description: "For people: in French when Accept-Language starts with fr, otherwise in English.",
      examples: ["Choose a rating from 1 to 5"],
    }),
  })
  .meta({ id: "FieldError" });

export const ZApiError = z
  .object({
    error: z.object({
      code: z.enum(API_ERROR_CODES),
      message: z.string().meta({ description: "A short explanation in English." }),
      fields: z.array(ZFieldError).optional().meta({ description: "Only with code invalid: every problem found." }),
      closedAt: ZInstant.optional().meta({ description: "Only with code closed: the deadline that has passed." }),
      opensAt: ZInstant.optional().meta({ description: "Only with code not_open: when the consultation opens." }),
    }),
  })
  .meta({ id: "Error" });

export const ZPublishedItem = z
  .object({
    id: z.uuid(),
    clause: z.string().nullable().meta({ description: "Clause number; null for a comment on the whole draft." }),
    aspect: z.string().meta({ examples: ["clarity", "language", "feasibility", "general", "position"] }),
    rating: z.int().min(1).max(5).nullable(),
    stance: z.string().nullable().meta({
      description:
        "A country's position (aspect position): support, support_with_amendments, cannot_support or no_position.",
    }),
    comment: z.string().nullable(),
    term: z.string().nullable(),
    proposedWording: z.string().nullable(),
    countryContext: z.string().nullable(),
    respondentType: z.string(),
    country: z.string().meta({ description: "ISO 3166-1 alpha-2" }),
    author: z.string().nullable().meta({ description: "Only for respondents who chose to be named." }),
    official: z.boolean().meta({ description: "Part of a country's formal response." }),
    submittedOn: z.iso.date(),
  })
  .meta({
    id: "PublishedItem",
    description:
      "A published comment: no email, address or reference; a name or organisation only when the respondent chose to be named.",
  });

export const ZPublishedPage = z
  .object({
    consultation: z.string(),
    items: z.array(ZPublishedItem),
    next: z
      .string()
      .nullable()
      .meta({ description: "The cursor of the next page (its `after`); null on the last page." }),
  })
  .meta({ id: "PublishedPage" });

/** The open-data API's query: what published-request.ts parses. */
export const ZPublishedQuery = z.object({
  clause: z
    .string()
    .optional()
    .meta({ description: "Only this clause (its key, e.g. 1.1); an unknown one gives 400." }),
  after: z.string().optional().meta({ description: "The `next` cursor of the previous page." }),
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ description: "Items per page." }),
});
export const ZExportQuery = z.object({ format: z.enum(["csv", "json"]).default("csv") });

export const ZOpenDataError = z
  .object({ error: z.string().meta({ examples: ["not_found"] }), message: z.string() })
  .meta({ id: "OpenDataError", description: "The open-data and results API's error: a code and a sentence." });

export const ZHealth = z
  .object({
    status: z.enum(["ok", "degraded"]),
    database: z.object({ status: z.enum(["ok", "unavailable"]), latencyMs: z.number().optional() }),
    shedding: z.object({
      refusedLastMinute: z.int().meta({ description: "Requests this server refused for load in the last minute." }),
    }),
    app: z
      .object({ status: z.string(), uptimeSeconds: z.int(), pid: z.int() })
      .optional()
      .meta({ description: "Details only." }),
    receipts: z
      .record(z.string(), z.unknown())
      .nullable()
      .optional()
      .meta({ description: "Details only: email receipts still waiting or given up." }),
  })
  .meta({
    id: "Health",
    description:
      "Details (app, database latency, receipts) only with the operator's token or a moderator's or admin's session.",
  });
