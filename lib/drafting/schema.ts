// The consultation form (create and edit): one schema for the admin's form and the server.
import { z } from "zod";
import { cleanText } from "@/lib/text/clean-text";

const text = (max: number, required = true) =>
  z
    .string()
    .transform(cleanText)
    .pipe(
      required
        ? z.string().min(1, { error: "required" }).max(max, { error: "tooLong" })
        : z.string().max(max, { error: "tooLong" }),
    );

const label = () =>
  z
    .string()
    .default("")
    .transform(cleanText)
    .pipe(
      z
        .string()
        .max(40, { error: "tooLong" })
        .regex(/^[^\d\n#]*$/u, { error: "labelInvalid" }),
    );

const TIME_ZONES: ReadonlySet<string> = new Set(Intl.supportedValuesOf("timeZone").concat("UTC"));
export const timeZones = () => [...TIME_ZONES].sort();

const ZConsultationBase = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "slugInvalid" })
    .max(64, { error: "tooLong" }),
  referencePrefix: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,12}$/, { error: "prefixInvalid" }),
  titleEn: text(300),
  titleFr: text(300),
  summaryEn: text(4000),
  summaryFr: text(4000),
  askedForEn: text(4000),
  askedForFr: text(4000),
  audienceEn: text(4000),
  audienceFr: text(4000),
  privacyEn: text(8000, false),
  privacyFr: text(8000, false),
  opensAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "dateInvalid" }),
  closesAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "dateInvalid" }),
  timeZone: z.string().refine((tz) => TIME_ZONES.has(tz), { error: "timeZoneInvalid" }),
  markdownEn: z.string().max(400_000, { error: "tooLong" }),
  markdownFr: z.string().max(400_000, { error: "tooLong" }),
  // The draft's words for its sections and items (empty: the default words); a word, not a sentence.
  sectionLabelEn: label(),
  sectionLabelFr: label(),
  itemLabelEn: label(),
  itemLabelFr: label(),
});

/** The consultation's labels as the form gives them (empty: the default words). */
export function formLabels(f: Record<"sectionLabelEn" | "sectionLabelFr" | "itemLabelEn" | "itemLabelFr", string>) {
  return {
    section: { en: f.sectionLabelEn || null, fr: f.sectionLabelFr || null },
    item: { en: f.itemLabelEn || null, fr: f.itemLabelFr || null },
  };
}

export const ZConsultationForm = ZConsultationBase.refine((v) => v.closesAt > v.opensAt, {
  path: ["closesAt"],
  error: "closesBeforeOpens",
});

/** Editing: the address and the draft text stay (a new text is a new version); dates only while it is a draft. */
export const ZConsultationEdit = ZConsultationBase.omit({ slug: true, markdownEn: true, markdownFr: true }).refine(
  (v) => v.closesAt > v.opensAt,
  {
    path: ["closesAt"],
    error: "closesBeforeOpens",
  },
);

export type TConsultationForm = z.output<typeof ZConsultationForm>;
export type TConsultationEdit = z.output<typeof ZConsultationEdit>;
export const CONSULTATION_FIELDS = Object.keys(ZConsultationBase.shape) as (keyof TConsultationForm)[];

/** The consultation page's lifecycle buttons: which step, and its fields; `confirm` comes from the confirmation page. */
export const LIFECYCLE_INTENTS = ["publish", "preview", "extend", "close", "results", "republish"] as const;
const field = (max: number) => z.string({ error: "forbidden" }).max(max, { error: "forbidden" });
export const ZLifecycle = z.object({
  slug: field(64).default(""),
  intent: z.enum(LIFECYCLE_INTENTS, { error: "forbidden" }),
  confirm: field(100).optional(),
  closeReason: field(2000).default(""),
  until: field(100).default(""),
  reason: field(2000).default(""),
  locale: z.string().optional(),
});
export type TLifecycleInput = z.output<typeof ZLifecycle>;

/** A new version of the draft: the two Markdown texts (an uploaded file replaces its text box), then the confirmation. */
export const ZRedraft = z.object({
  slug: z.string({ error: "forbidden" }).max(64, { error: "forbidden" }).default(""),
  markdownEn: z.string().default(""),
  markdownFr: z.string().default(""),
  intent: z.string().optional(),
  confirm: z.string().optional(),
  locale: z.string().optional(),
});
