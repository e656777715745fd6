// One schema for the "Save this view" form and the server: a name, shared or
// not, and the queue's filter as its query string (only filter keys are kept).
import { z } from "zod";
import { filterToQuery, parseQueueFilter } from "@/lib/feedback/queue-filter";

export const VIEW_NAME_MAX = 80;

export const ZSaveView = z.object({
  consultation: z.string().min(1, { error: "invalid" }).max(64, { error: "invalid" }),
  name: z
    .string({ error: "nameRequired" })
    // Control characters never reach the database; spaces collapse.
    .transform((s) =>
      s
        .replace(/\p{Cc}/gu, "")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .pipe(z.string().min(1, { error: "nameRequired" }).max(VIEW_NAME_MAX, { error: "nameTooLong" })),
  shared: z.boolean(),
  // Re-parsed through the queue's own parser: a value the queue would ignore is not saved.
  query: z
    .string()
    .max(2000, { error: "invalid" })
    .transform((s) => new URLSearchParams(filterToQuery(parseQueueFilter(new URLSearchParams(s)))).toString()),
});

export type TSaveView = z.infer<typeof ZSaveView>;

/** Form fields → the schema's shape. */
export function readSaveViewForm(form: FormData): unknown {
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  return {
    consultation: get("c") ?? "",
    name: get("name") ?? "",
    shared: get("shared") === "1",
    query: get("query") ?? "",
  };
}
