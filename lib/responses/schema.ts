// The one schema for a response: the web form (through form-data.ts) and the
// JSON API both parse with ZResponseInput. Messages are keys into the
// "errors" namespace of lib/i18n/messages, so each reader gets their language.
import { z } from "zod";
import { isCountryCode } from "@/lib/countries/list-countries";
import { cleanText } from "@/lib/text/clean-text";

// The limits and choices live in a file of their own, without zod, so the form's client components can
// read them without sending zod to the browser; re-exported here for everything else.
import { IDEMPOTENCY_KEY, LIMITS, PUBLICATIONS, RESPONDENT_TYPES } from "./limits";
export { ASPECTS, IDEMPOTENCY_KEY, LIMITS, PUBLICATIONS, RESPONDENT_TYPES, type TAspect } from "./limits";

// Cross-field rules run even when other fields have errors (`when`), so a
// person sees every problem at once, GOV.UK style; they must therefore read
// the value defensively.
const whenObject = { when: (p: { value: unknown }) => typeof p.value === "object" && p.value !== null && !Array.isArray(p.value) };
const obj = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const filled = (v: unknown) => (typeof v === "string" ? v.trim() !== "" : v !== undefined && v !== null);

// Control characters (NUL above all: PostgreSQL text cannot hold it) are
// dropped, and lone surrogates replaced, before any length check (cleanText).

/** Optional free text: cleaned, trimmed; empty means absent. */
const optText = (max: number) =>
  z
    .string({ error: "invalid" })
    .transform(cleanText)
    .pipe(z.string().max(max, { error: "tooLong" }))
    .optional()
    .transform((s) => (s ? s : undefined));

const ZRating = z.number({ error: "ratingRange" }).int({ error: "ratingRange" }).min(1, { error: "ratingRange" }).max(5, { error: "ratingRange" });

export const ZClarity = z.strictObject({ rating: ZRating.optional(), comment: optText(LIMITS.comment) });
export const ZLanguage = z.strictObject({
  term: optText(LIMITS.term),
  proposedWording: optText(LIMITS.proposedWording),
  reason: optText(LIMITS.comment),
});
export const ZFeasibility = z.strictObject({
  rating: ZRating.optional(),
  countryContext: optText(LIMITS.countryContext),
  comment: optText(LIMITS.comment),
});

export const ZClauseFeedback = z
  .strictObject({
    clause: z.string({ error: "required" }).min(1, { error: "required" }).max(LIMITS.clauseKey, { error: "unknownClause" }),
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
  }, whenObject);

export const ZRespondent = z
  .strictObject({
    type: z.enum(RESPONDENT_TYPES, { error: "respondentTypeRequired" }),
    country: z.string({ error: "countryRequired" }).refine(isCountryCode, { error: "countryRequired" }),
    organisationName: optText(LIMITS.organisationName),
    name: optText(LIMITS.name),
    publicSector: z.boolean({ error: "publicSectorRequired" }),
    email: optText(LIMITS.email).pipe(z.email({ error: "emailInvalid" }).optional()),
    publication: z.enum(PUBLICATIONS, { error: "publicationRequired" }),
    privacyConsent: z.literal(true, { error: "consentRequired" }),
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
  }, whenObject);

export const ZResponseInput = z
  .strictObject({
    // At least 16 characters (96 bits when random), so no key can be guessed; bound to the request it came with (idempotency.ts).
    idempotencyKey: z
      .string({ error: "idempotencyKeyInvalid" })
      .regex(IDEMPOTENCY_KEY, { error: "idempotencyKeyInvalid" })
      .optional(),
    feedback: z.array(ZClauseFeedback, { error: "invalid" }).max(LIMITS.feedbackEntries, { error: "tooManyClauses" }).default([]),
    generalComment: optText(LIMITS.comment),
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
      if (typeof clause === "string" && seen.has(clause)) ctx.addIssue({ code: "custom", message: "duplicateClause", path: ["feedback", i, "clause"] });
      seen.add(clause);
    });
  }, whenObject);

export type TResponseInput = z.infer<typeof ZResponseInput>;
export type TClauseFeedback = z.infer<typeof ZClauseFeedback>;

/** Keys of the "errors" message namespace that issues may carry. */
export const ERROR_KEYS = [
  "invalid", "required", "tooLong", "ratingRange", "unknownClause", "emptyClause", "termRequired",
  "wordingOrReasonRequired", "respondentTypeRequired", "countryRequired", "publicSectorRequired", "emailInvalid",
  "publicationRequired", "consentRequired", "organisationNameRequired", "nameRequiredToPublish",
  "idempotencyKeyInvalid", "idempotencyKeyReused", "tooManyClauses", "nothingToSubmit", "duplicateClause", "unknownField",
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
    return { path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)), key, ...(max !== undefined ? { max } : {}) };
  });
}
