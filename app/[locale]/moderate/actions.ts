"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireRoleOrNull } from "@/lib/auth";
import { triageItems } from "@/lib/feedback/triage-items";
import { readTriageForm, ZTriage } from "@/lib/feedback/triage-schema";
import { startFindingCampaigns, waitForRun } from "@/lib/feedback/find-campaigns";
import { getConsultationFor } from "@/lib/consultations/get-consultation";
import { formValues } from "@/lib/forms/form-state";
import { nextItem } from "@/lib/feedback/item-neighbours";
import { filterToQuery, parseQueueFilter } from "@/lib/feedback/queue-filter";
import { isLocale } from "@/lib/i18n/routing";

const KNOWN = new Set(["noneSelected", "tooMany", "invalid", "tooLong", "tagTooLong", "reasonNeedsDisposition"]);

/** A change someone else made, as the refused form shows it (values raw: the form names them). */
export type TStaleInfo = { by: string | null; at: string; field: string; from: string | null; to: string | null };

export type TTriageState = {
  status: "idle" | "saved" | "error"; errors: { field: string; key: string }[]; changed: number; nonce: number;
  /** On an error: what the moderator sent, so the form keeps it. */
  values?: Record<string, string>;
  /** On a stale save: who changed what and when since the form was loaded (newest first). */
  stale?: { at: string; changes: TStaleInfo[] };
  /** "Save and next" on the last item of the filter. */
  last?: boolean;
};

// Moderators and admins only: checked here, whatever the page did.
// The item page's "Save and next" (a submit button named "next") goes on to the next item of the
// filter the page was opened with (its query, in "filter"), by redirect: it works without JavaScript.
export async function triageAction(prev: TTriageState, form: FormData): Promise<TTriageState> {
  const nonce = (prev?.nonce ?? 0) + 1;
  const values = form.has("version") ? formValues(form, 5000) : undefined;
  const user = await requireRoleOrNull("moderator");
  if (!user) return { status: "error", changed: 0, nonce, values, errors: [{ field: "ids", key: "forbidden" }] };
  const parsed = ZTriage.safeParse(readTriageForm(form));
  if (!parsed.success) {
    return {
      status: "error", changed: 0, nonce, values,
      errors: parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? "ids"), key: KNOWN.has(i.message) ? i.message : "invalid" })),
    };
  }
  // "Save and next": the next item does not depend on what this save writes (it is found from this item's place in the
  // queue's order, whether or not it is still in the filter), so it is looked up while saving.
  const wantsNext = form.get("next") === "1" && parsed.data.ids.length === 1;
  const query = new URLSearchParams(filterToQuery(parseQueueFilter(new URLSearchParams(String(form.get("filter") ?? "").slice(0, 2000)))));
  const [result, next] = await Promise.all([triageItems(user.id, parsed.data), wantsNext ? nextItem(parseQueueFilter(query), parsed.data.ids[0]) : null]);
  if (!result.ok && result.reason === "stale") {
    // The page shows the item as it is now; the form keeps what the moderator changed on top of it.
    revalidatePath("/[locale]/moderate", "layout");
    const changes = result.changes.map((c) => ({ by: c.by, at: c.at.toISOString(), field: c.field, from: c.fromValue, to: c.toValue }));
    return { status: "error", changed: 0, nonce, values, errors: [{ field: "form", key: "stale" }], stale: { at: result.at.toISOString(), changes } };
  }
  if (!result.ok) return { status: "error", changed: 0, nonce, values, errors: [{ field: "ids", key: result.reason }] };
  revalidatePath("/[locale]/moderate", "layout");
  if (wantsNext) {
    const locale = form.get("locale");
    const slug = form.get("c");
    if (typeof slug === "string" && /^[a-z0-9-]{1,64}$/.test(slug)) query.set("c", slug);
    if (next && isLocale(locale)) {
      query.set("saved", "1");
      redirect(`/${locale}/moderate/items/${next}?${query}`);
    }
    return { status: "saved", changed: result.changed, nonce, errors: [], last: !next };
  }
  return { status: "saved", changed: result.changed, nonce, errors: [] };
}

export type TFindState = { status: "idle" | "started" | "running" | "error"; nonce: number };

// Moderators and admins only: checked here. Starts a background run and answers at once; the page shows it.
export async function findCampaignsAction(prev: TFindState, form: FormData): Promise<TFindState> {
  const nonce = (prev?.nonce ?? 0) + 1;
  const user = await requireRoleOrNull("moderator");
  if (!user) return { status: "error", nonce };
  const slug = form.get("slug");
  const c = typeof slug === "string" ? await getConsultationFor(user, slug) : null;
  if (!c) return { status: "error", nonce };
  const r = await startFindingCampaigns(user.id, c.id);
  // Most consultations are done in well under a second: wait that long, so the page shows the result at once.
  if (r.started) await waitForRun(r.runId, 2000);
  revalidatePath("/[locale]/moderate", "layout");
  return { status: r.started ? "started" : "running", nonce };
}
