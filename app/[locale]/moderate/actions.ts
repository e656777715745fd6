"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { triageItems } from "@/lib/feedback/triage-items";
import { readTriageForm, ZTriage, type TStaleInfo } from "@/lib/feedback/triage-schema";
import { startFindingCampaigns, waitForRun } from "@/lib/feedback/find-campaigns";
import { getConsultationFor } from "@/lib/consultations/get-consultation";
import { formAction } from "@/lib/forms/action";
import { ZFindCampaigns } from "@/lib/campaigns/schema";
import { nextItem } from "@/lib/feedback/item-neighbours";
import { filterToQuery, parseQueueFilter } from "@/lib/feedback/queue-filter";
import { isLocale } from "@/lib/i18n/routing";

const KNOWN = new Set(["noneSelected", "tooMany", "invalid", "tooLong", "tagTooLong", "reasonNeedsDisposition"]);

// Moderators and admins only: checked here, whatever the page did. Answers info.changed (items changed); on a stale save,
// info.stale ({ at, changes: TStaleInfo[] }, JSON: who changed what and when since the form was loaded, newest first);
// info.last when "Save and next" was used on the last item of the filter.
// The item page's "Save and next" (a submit button named "next") goes on to the next item of the
// filter the page was opened with (its query, in "filter"), by redirect: it works without JavaScript.
export const triageAction = formAction(
  {
    role: "moderator",
    schema: ZTriage,
    read: readTriageForm,
    field: "ids",
    maxValue: 5000,
    errorField: (e) => ({ field: e.field.split(".")[0], key: KNOWN.has(e.key) ? e.key : "invalid" }),
  },
  async (input, { user, form, fail, ok }) => {
    // "Save and next": the next item does not depend on what this save writes (it is found from this item's place in the
    // queue's order, whether or not it is still in the filter), so it is looked up while saving.
    const wantsNext = form.get("next") === "1" && input.ids.length === 1;
    const query = new URLSearchParams(
      filterToQuery(parseQueueFilter(new URLSearchParams(String(form.get("filter") ?? "").slice(0, 2000)))),
    );
    const [result, next] = await Promise.all([
      triageItems(user.id, input),
      wantsNext ? nextItem(parseQueueFilter(query), input.ids[0]) : null,
    ]);
    if (!result.ok && result.reason === "stale") {
      // The page shows the item as it is now; the form keeps what the moderator changed on top of it.
      revalidatePath("/[locale]/moderate", "layout");
      const changes: TStaleInfo[] = result.changes.map((c) => ({
        by: c.by,
        at: c.at.toISOString(),
        field: c.field,
        from: c.fromValue,
        to: c.toValue,
      }));
      return fail({ field: "form", key: "stale" }, { stale: JSON.stringify({ at: result.at.toISOString(), changes }) });
    }
    if (!result.ok) return fail({ field: "ids", key: result.reason });
    revalidatePath("/[locale]/moderate", "layout");
    if (wantsNext) {
      const locale = form.get("locale");
      const slug = form.get("c");
      if (typeof slug === "string" && /^[a-z0-9-]{1,64}$/.test(slug)) query.set("c", slug);
      if (next && isLocale(locale)) {
        query.set("saved", "1");
        redirect(`/${locale}/moderate/items/${next}?${query}`);
      }
      return ok({ changed: String(result.changed), ...(next ? {} : { last: "1" }) });
    }
    return ok({ changed: String(result.changed) });
  },
);

// Moderators and admins only: checked here. Starts a background run and answers at once (info.run: "started", or
// "running" when one was running already); the page shows it.
export const findCampaignsAction = formAction(
  { role: "moderator", schema: ZFindCampaigns },
  async (input, { user, fail, ok }) => {
    const c = await getConsultationFor(user, input.slug);
    if (!c) return fail({ field: "form", key: "err_forbidden" });
    const r = await startFindingCampaigns(user.id, c.id);
    // Most consultations are done in well under a second: wait that long, so the page shows the result at once.
    if (r.started) await waitForRun(r.runId, 2000);
    revalidatePath("/[locale]/moderate", "layout");
    return ok({ run: r.started ? "started" : "running" });
  },
);
