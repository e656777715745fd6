// The one schema for a response: the web form (through form-data.ts) and the
// JSON API both parse with ZResponseInput. Messages are keys into the
// "errors" namespace of lib/i18n/messages, so each reader gets their language.
// Their .meta() describes them in the API document, which is made from them (lib/api/openapi.ts).
import { z } from "zod";
import { isCountryCode } from "@/lib/countries/list-countries";
import { cleanText } from "@/lib/text/clean-text";

// The limits and choices live in a file of their own, without zod, so the form's client components can
// read them without sending zod to the browser; re-exported here for everything else.
import { IDEMPOTENCY_KEY, LIMITS, PUBLICATIONS, RESPONDENT_TYPES } from "./limits";
export { ASPECTS, IDEMPOTENCY_KEY, LIMITS, PUBLICATIONS, RESPONDENT_TYPES, type TAspect } from "./limits";

/** What the API document says of idempotency keys, in the body and in the Idempotency-Key header. */
export const IDEMPOTENCY_KEY_TEXT =
  "Makes retries safe: 16 to 64 characters of the base64url alphabet `A-Z a-z 0-9 _ -` (error code idempotencyKeyInvalid otherwise). Make it random, at least 96 bits (a UUID, or 16 random bytes in base64url). A key is bound to the request it first came with (a SHA-256 of the parsed body without the key, and of the consultation): the same key with the same body is a replay (200, replayed: true, the first response's reference and receipt); with any other body it is refused (409, code idempotency_key_reused) and nothing of the first response is returned. Use a new key for each new response.";

// Cross-field rules run even when other fields have errors (`when`), so a
// person sees every problem at once, GOV.UK style; they must therefore read
// the value defensively.
const whenObject = {
  when: (p: { value: unknown }) => typeof p.value === "object" && p.value !== null && !Array.isArray(p.value),
};
const obj = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const filled = (v: unknown) => (typeof v === "string" ? v.trim() !== "" : v !== undefined && v !== null);

// Control characters (NUL above all: PostgreSQL text cannot hold it) are
// dropped, and lone surrogates replaced, before any length check (cleanText).

/** Optional free text: cleaned, trimmed; empty means absent. `what` describes it in the API document. */
const optText = (max: number, what: string) =>
  z
    .string({ error: "invalid" })
    .transform(cleanText)
    .pipe(z.string().max(max, { error: "tooLong" }))
    .optional()
    .transform((s) => (s ? s : undefined))
    // The limit applies after cleaning, so the input's JSON Schema would not show it: said here.
    .meta({
      maxLength: max,
      description: `${what} Trimmed by the server; at most ${max} characters after trimming (error code tooLong). An empty or blank string counts as absent.`,
    });

const ZRating = z
  .number({ error: "ratingRange" })
  .int({ error: "ratingRange" })
  .min(1, { error: "ratingRange" })
  .max(5, { error: "ratingRange" })
  .meta({ description: "1 (poor) to 5 (good). A whole number; anything else is refused with error code ratingRange." });

export const ZClarity = z
  .strictObject({
    rating: ZRating.optional(),
    comment: optText(LIMITS.comment, "What is unclear and how to make it clearer."),
  })
  .meta({ id: "ClarityFeedback", description: "Is the clause clear?" });
export const ZLanguage = z
  .strictObject({
    term: optText(LIMITS.term, "The word or phrase commented on."),
    proposedWording: optText(LIMITS.proposedWording, "Wording proposed instead."),
    reason: optText(LIMITS.comment, "Why the term is a problem."),
  })
  .meta({
    id: "LanguageFeedback",
    description:
      "A word or phrase that may be understood differently in another language or country. If any field is given, `term` is required (error code termRequired) and at least one of `proposedWording` or `reason` (error code wordingOrReasonRequired, field `…language.proposedWording`).",
  });
export const ZFeasibility = z
  .strictObject({
    rating: ZRating.optional(),
    countryContext: optText(LIMITS.countryContext, "The national or local context that matters."),
    comment: optText(LIMITS.comment, "Obstacles or consequences foreseen."),
  })
  .meta({ id: "FeasibilityFeedback", description: "Is the clause feasible where the respondent works?" });

export const ZClauseFeedback = z
  .strictObject({
    clause: z
      .string({ error: "required" })
      .min(1, { error: "required" })
      .max(LIMITS.clauseKey, { error: "unknownClause" })
      .meta({
        description:
          "A Clause.key of this consultation's draft, sent as is (not trimmed). A key not in the draft is refused with error code unknownClause; each key at most once per response (duplicateClause).",
        examples: ["1.1"],
      }),
    clarity: ZClarity.optional(),
    language: ZLanguage.optional(),
    feasibility: ZFeasibility.optional(),
  })
  .superRefine((f, ctx) => {
    const has = (v: unknown) => Object.values(obj(v) ?? {}).some(filled);
    if (!has(f.clarity) && !has(f.language) && !has(f.feasibility)) {
      ctx.addIssue({ code: "custom", message: "emptyClause", path: [] });
    }
    const language = obj(f.language);
    if (language && has(language)) {
      if (!filled(language.term)) ctx.addIssue({ code: "custom", message: "termRequired", path: ["language", "term"] });
      if (!filled(language.proposedWording) && !filled(language.reason)) {
        ctx.addIssue({ code: "custom", message: "wordingOrReasonRequired", path: ["language", "proposedWording"] });
      }
    }
  }, whenObject)
  .meta({
    id: "ClauseFeedback",
    description:
      "Feedback on one clause. At least one of `clarity`, `language` or `feasibility` must hold a value (a rating or non-blank text), otherwise error code emptyClause (field `feedback[i]`).",
  });

export const ZRespondent = z
  .strictObject({
    type: z
      .enum(RESPONDENT_TYPES, { error: "respondentTypeRequired" })
      .meta({ description: "Error code respondentTypeRequired when missing or not one of these." }),
    country: z
      .string({ error: "countryRequired" })
      .refine(isCountryCode, { error: "countryRequired" })
      .meta({
        pattern: "^[A-Z]{2}$",
        description:
          "An officially assigned ISO 3166-1 alpha-2 code, upper case. Anything else (user-assigned codes such as XK too) is refused with error code countryRequired.",
        examples: ["FR"],
      }),
    organisationName: optText(
      LIMITS.organisationName,
      "Name of the organisation, group or government; required unless `type` is individual.",
    ),
    name: optText(LIMITS.name, "The respondent's name; required when an individual chooses to be published by name."),
    publicSector: z
      .boolean({ error: "publicSectorRequired" })
      .meta({ description: "Whether the respondent works in the public sector (publicSectorRequired when missing)." }),
    email: optText(
      LIMITS.email,
      "Optional contact address for the email receipt; must be a valid address (emailInvalid).",
    )
      .pipe(z.email({ error: "emailInvalid" }).optional())
      .meta({ format: "email" }),
    publication: z.enum(PUBLICATIONS, { error: "publicationRequired" }).meta({
      description:
        "Whether the response may be published: not at all, without the respondent's name, or with it (publicationRequired).",
    }),
    privacyConsent: z
      .literal(true, { error: "consentRequired" })
      .meta({ description: "Confirms the privacy notice has been read. Must be true (consentRequired)." }),
    notifyResults: z.boolean().optional().meta({
      description:
        "Email the results' link to `email` when they are published (once; default false, ignored without `email`).",
    }),
  })
  .superRefine((r, ctx) => {
    const type = r.type as unknown;
    const known = (RESPONDENT_TYPES as readonly unknown[]).includes(type);
    if (known && type !== "individual" && !filled(r.organisationName)) {
      ctx.addIssue({ code: "custom", message: "organisationNameRequired", path: ["organisationName"] });
    }
    if ((r.publication as unknown) === "named" && (type === "individual" || type === undefined) && !filled(r.name)) {
      ctx.addIssue({ code: "custom", message: "nameRequiredToPublish", path: ["name"] });
    }
  }, whenObject)
  .meta({
    id: "Respondent",
    description:
      "Who is responding. Unless `type` is individual, `organisationName` is required (organisationNameRequired); an individual published by name needs `name` (nameRequiredToPublish).",
  });

export const ZResponseInput = z
  .strictObject({
    // At least 16 characters (96 bits when random), so no key can be guessed; bound to the request it came with (idempotency.ts).
    idempotencyKey: z
      .string({ error: "idempotencyKeyInvalid" })
      .regex(IDEMPOTENCY_KEY, { error: "idempotencyKeyInvalid" })
      .meta({
        minLength: 16,
        maxLength: 64,
        description: `${IDEMPOTENCY_KEY_TEXT} If absent, the Idempotency-Key header is used; if both are absent the server makes one up, so retries are not recognised.`,
        examples: ["f3b9c2d4-7a1e-4c0b-9e55-2d8a6b1c0e77"],
      })
      .optional(),
    feedback: z
      .array(ZClauseFeedback, { error: "invalid" })
      .max(LIMITS.feedbackEntries, { error: "tooManyClauses" })
      .default([])
      .meta({ description: `At most ${LIMITS.feedbackEntries} entries (error code tooManyClauses), one per clause.` }),
    generalComment: optText(LIMITS.comment, "A comment on the draft as a whole."),
    respondent: ZRespondent,
  })
  .superRefine((r, ctx) => {
    const feedback: unknown[] = Array.isArray(r.feedback) ? r.feedback : [];
    if (feedback.length === 0 && !filled(r.generalComment)) {
      ctx.addIssue({ code: "custom", message: "nothingToSubmit", path: ["feedback"] });
    }
    const seen = new Set<unknown>();
    feedback.forEach((f, i) => {
      const clause = obj(f)?.clause;
      if (typeof clause === "string" && seen.has(clause))
        ctx.addIssue({ code: "custom", message: "duplicateClause", path: ["feedback", i, "clause"] });
      seen.add(clause);
    });
  }, whenObject)
  .meta({
    id: "ResponseInput",
    description:
      "One response to a consultation, the same schema as the web form's. Objects are strict at every level: an unknown key is refused with error code unknownField. Text fields are JSON strings, never null. At least one feedback entry or a non-blank `generalComment` (nothingToSubmit, field `feedback`). Lengths are counted in UTF-16 code units.",
  });

export type TResponseInput = z.infer<typeof ZResponseInput>;
export type TClauseFeedback = z.infer<typeof ZClauseFeedback>;

/** Keys of the "errors" message namespace that issues may carry. */
export const ERROR_KEYS = [
  "invalid",
  "required",
  "tooLong",
  "ratingRange",
  "unknownClause",
  "emptyClause",
  "termRequired",
  "wordingOrReasonRequired",
  "respondentTypeRequired",
  "countryRequired",
  "publicSectorRequired",
  "emailInvalid",
  "publicationRequired",
  "consentRequired",
  "organisationNameRequired",
  "nameRequiredToPublish",
  "idempotencyKeyInvalid",
  "idempotencyKeyReused",
  "tooManyClauses",
  "nothingToSubmit",
  "duplicateClause",
  "unknownField",
] as const;
export type TErrorKey = (typeof ERROR_KEYS)[number];

export type TIssue = { path: (string | number)[]; key: TErrorKey; max?: number };

/** Zod issues as message keys, whatever zod said. */
export function toIssues(error: Pick<z.ZodError, "issues">): TIssue[] {
  return error.issues.map((issue) => {
    const known = (ERROR_KEYS as readonly string[]).includes(issue.message);
    let key: TErrorKey = known ? (issue.message as TErrorKey) : "invalid";
    if (!known && issue.code === "unrecognized_keys") key = "unknownField";
    if (!known && issue.code === "too_big") key = "tooLong";
    const max = issue.code === "too_big" ? Number(issue.maximum) : undefined;
    return {
      path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
      key,
      ...(max !== undefined ? { max } : {}),
    };
  });
}
