// The comment report forms: one schema each, shared by the form and its Server Action.
import { z } from "zod";

export const REPORT_REASONS = ["personal_data", "offensive", "spam", "off_topic", "other"] as const;
export type TReportReason = (typeof REPORT_REASONS)[number];

/** "Report this comment": a reason from the list, and a text (needed with "other"). */
export const ZReportComment = z
  .object({
    reason: z.enum(REPORT_REASONS, { error: "reasonMissing" }),
    details: z.string().trim().max(2000, { error: "detailsTooLong" }).default(""),
  })
  .refine((v) => v.reason !== "other" || v.details.length > 0, { path: ["details"], error: "detailsMissing" });

/** The moderator's decision on an item's open reports: keep or withdraw the publication, with a reason. */
export const ZDecideReport = z.object({
  slug: z.string({ error: "notFound" }).min(1, { error: "notFound" }).max(100, { error: "notFound" }),
  item: z.uuid({ error: "notFound" }),
  decision: z.enum(["kept", "withdrawn"], { error: "decisionMissing" }),
  reason: z
    .string({ error: "decisionReasonMissing" })
    .trim()
    .min(1, { error: "decisionReasonMissing" })
    .max(2000, { error: "detailsTooLong" }),
});
