// The response's limits and choices: plain values, shared by the schema (schema.ts) and the form's
// client components, which must not import zod (it would be sent to every phone that opens the form).
export const LIMITS = {
  comment: 5000,
  term: 200,
  proposedWording: 2000,
  countryContext: 1000,
  organisationName: 200,
  name: 200,
  email: 254,
  clauseKey: 32,
  feedbackEntries: 100,
} as const;

/** An idempotency key: 16 to 64 characters of the base64url alphabet. Documented in the API document (lib/api/openapi.ts). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,64}$/;

export const RESPONDENT_TYPES = [
  "individual",
  "organisation",
  "group",
  "local_government",
  "national_government",
] as const;
export const PUBLICATIONS = ["none", "anonymous", "named"] as const;
export const ASPECTS = ["clarity", "language", "feasibility"] as const;
export type TAspect = (typeof ASPECTS)[number];
