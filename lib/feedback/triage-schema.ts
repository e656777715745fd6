// What a moderator may change on feedback items; one schema for the item
// page's form, the queue's bulk form and the server.
import { z } from "zod";

export const ITEM_STATUSES = ["new", "in_review", "addressed", "noted", "out_of_scope", "duplicate", "spam"] as const;
export const DISPOSITIONS = ["accepted", "partly_accepted", "not_accepted"] as const;
export const MAX_BULK = 500;

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { error: "invalid" });
const optText = (max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().max(max, { error: "tooLong" }))
    .optional()
    .transform((s) => (s ? s : undefined));

/** "Terminology, cross-border ,  " → ["Terminology", "cross-border"]: trimmed, spaces collapsed, no duplicates (ignoring case). */
export function parseTags(raw: string | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of (raw ?? "").split(",")) {
    const name = part.replace(/\s+/g, " ").trim();
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

export const ZTriage = z
  .object({
    ids: z.array(uuid).min(1, { error: "noneSelected" }).max(MAX_BULK, { error: "tooMany" }),
    status: z.enum(ITEM_STATUSES, { error: "invalid" }).optional(),
    // "" clears the disposition
    disposition: z.union([z.enum(DISPOSITIONS), z.literal("")], { error: "invalid" }).optional(),
    dispositionReason: optText(2000),
    // "none" unassigns
    assignee: z.union([uuid, z.literal("none")], { error: "invalid" }).optional(),
    addTags: optText(1000).transform(parseTags),
    // The item page sends the whole tag list: tags not in it are removed.
    setTags: z
      .string()
      .max(1000, { error: "tooLong" })
      .optional()
      .transform((s) => (s === undefined ? undefined : parseTags(s))),
    note: optText(5000),
    // Publication: "clear" lets the public read it (if the respondent consented); "withhold" takes it back.
    publish: z.enum(["clear", "withhold"], { error: "invalid" }).optional(),
    // The item page's form: the version of the item it was loaded at; a save over a newer version is refused.
    version: z.coerce
      .number({ error: "invalid" })
      .int({ error: "invalid" })
      .min(1, { error: "invalid" })
      .max(2 ** 31 - 1, { error: "invalid" })
      .optional(),
  })
  .superRefine((t, ctx) => {
    for (const tag of [...(t.addTags ?? []), ...(t.setTags ?? [])]) {
      if (tag.length > 60)
        ctx.addIssue({ code: "custom", message: "tagTooLong", path: [t.setTags ? "setTags" : "addTags"] });
    }
    if (t.version !== undefined && t.ids.length !== 1)
      ctx.addIssue({ code: "custom", message: "invalid", path: ["version"] });
    if (t.dispositionReason && t.disposition === "")
      ctx.addIssue({ code: "custom", message: "reasonNeedsDisposition", path: ["dispositionReason"] });
  });

export type TTriage = z.infer<typeof ZTriage>;

/** The item page's form also sends, as `was_<field>`, the value each field was loaded with. */
export const LOADED_PREFIX = "was_";
type TCompared = "status" | "disposition" | "dispositionReason" | "assignee" | "setTags" | "publish";

/**
 * Form fields → the schema's shape. A form that carries the values it was loaded
 * with (the item page) sends only what the moderator changed: a field whose value
 * is the one it was loaded with is left out, so re-sending a whole form (without
 * JavaScript) never writes a value the moderator did not choose. The disposition
 * and its reason go together: either changed sends both.
 */
export function readTriageForm(form: FormData): unknown {
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  const keep = (v: string | undefined) => (v === undefined || v === "unchanged" ? undefined : v);
  const out = {
    ids: form.getAll("ids").filter((v): v is string => typeof v === "string"),
    status: keep(get("status")) || undefined,
    disposition: keep(get("disposition")),
    dispositionReason: get("dispositionReason"),
    assignee: keep(get("assignee")) || undefined,
    addTags: get("addTags"),
    setTags: get("setTags"),
    note: get("note"),
    publish: keep(get("publish")) || undefined,
    version: get("version") || undefined,
  };
  const same = (f: TCompared) => {
    const loaded = get(LOADED_PREFIX + f);
    if (loaded === undefined) return false;
    const now = get(f) ?? "";
    if (f === "setTags") return parseTags(now).join("\n") === parseTags(loaded).join("\n");
    if (f === "dispositionReason") return now.trim() === loaded.trim();
    return now === loaded;
  };
  for (const f of ["status", "assignee", "setTags", "publish"] as const) if (same(f)) out[f] = undefined;
  if (same("disposition") && same("dispositionReason")) {
    out.disposition = undefined;
    out.dispositionReason = undefined;
  }
  return out;
}

/** The `was_<field>` values of an item as stored (what the item page's form is loaded with). */
export function loadedValues(item: {
  status: string;
  disposition: string | null;
  dispositionReason: string | null;
  assigneeId: string | null;
  tags: string;
  cleared: boolean;
}) {
  return {
    status: item.status,
    disposition: item.disposition ?? "",
    dispositionReason: item.dispositionReason ?? "",
    assignee: item.assigneeId ?? "none",
    setTags: item.tags,
    publish: item.cleared ? "clear" : "withhold",
  } satisfies Record<TCompared, string>;
}

/** A change someone else made, as a refused save shows it (the triage action's info.stale, JSON; values raw: the form names them). */
export type TStaleInfo = { by: string | null; at: string; field: string; from: string | null; to: string | null };
