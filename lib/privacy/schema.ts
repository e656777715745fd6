// The privacy page's forms (erasure, retention): one schema each, shared by the forms and their Server Actions.
import { z } from "zod";

const optional = (max: number) => z.string().max(max, { error: "forbidden" }).optional();

/** An erasure: which response (a reference), that the respondent asked; `confirm` is the reference the confirmation page showed. */
export const ZErasure = z.object({
  reference: z
    .string({ error: "referenceRequired" })
    .trim()
    .min(1, { error: "referenceRequired" })
    .max(100, { error: "notFound" }),
  requested: z.literal("yes", { error: "confirmRequired" }),
  confirm: optional(100),
  locale: optional(10),
});

/** A consultation's retention period in days (blank: kept until erased on request) and whether official responses are published. */
export const ZRetention = z.object({
  id: z.string({ error: "forbidden" }).default(""),
  slug: z.string({ error: "forbidden" }).default(""),
  days: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .refine((d) => d === null || (Number.isInteger(d) && d >= 0 && d <= 3650), { error: "daysInvalid" }),
  publishFormal: z
    .string()
    .optional()
    .transform((v) => v === "yes"),
});
