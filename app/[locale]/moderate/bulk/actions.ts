"use server";
// Decisions in bulk (lib/feedback/bulk-decide.ts): counted for the confirmation, then
// applied. Moderators and admins only: checked here (and again in the lib), whatever the page did.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireRoleOrNull } from "@/lib/auth";
import { bulkDecide } from "@/lib/feedback/bulk-decide";
import { readBulkForm } from "@/lib/feedback/bulk-schema";
import { ZCampaignStatus } from "@/lib/campaigns/schema";
import { formAction } from "@/lib/forms/action";
import type { TFormState } from "@/lib/forms/form-state";
import { triageCampaign } from "@/lib/feedback/triage-campaign";
import { isLocale } from "@/lib/i18n/routing";

/** The confirmation's numbers (info: matching, changing): how many items the target holds, and how many the decision would change. */
export async function previewBulkDecisionAction(form: FormData): Promise<TFormState> {
  const r = await bulkDecide(await requireRoleOrNull("moderator"), readBulkForm(form), false);
  if (!r.ok) return { status: "error", errors: r.errors, values: {}, nonce: 0 };
  return {
    status: "idle",
    errors: [],
    values: {},
    nonce: 0,
    info: { matching: String(r.matching), changing: String(r.changing) },
  };
}

/** Applies a confirmed bulk decision (with JavaScript: the bulk bar's confirm step); info: changed, unchanged, decision. */
export async function applyBulkDecisionAction(prev: TFormState, form: FormData): Promise<TFormState> {
  const nonce = (prev?.nonce ?? 0) + 1;
  const r = await bulkDecide(await requireRoleOrNull("moderator"), readBulkForm(form), true);
  if (!r.ok) return { status: "error", errors: r.errors, values: {}, nonce };
  revalidatePath("/[locale]/moderate", "layout");
  const changed = r.changed ?? 0;
  return {
    status: "ok",
    errors: [],
    values: {},
    nonce,
    info: { changed: String(changed), unchanged: String(r.matching - changed), decision: r.decision.decision },
  };
}

/**
 * The confirmation page's Confirm (without JavaScript): applies, then back to the queue
 * with its filter, which says what changed at the top.
 */
export async function confirmBulkDecisionAction(form: FormData): Promise<void> {
  const raw = form.get("locale");
  const locale = typeof raw === "string" && isLocale(raw) ? raw : "en";
  const input = readBulkForm(form);
  const r = await bulkDecide(await requireRoleOrNull("moderator"), input, true);
  const back = new URLSearchParams(typeof form.get("filter") === "string" ? (form.get("filter") as string) : "");
  if (!r.ok) {
    // The confirmation page says what is wrong (it checks the same input).
    const again = new URLSearchParams(
      [...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$")),
    );
    redirect(`/${locale}/moderate/bulk/confirm?${again.toString()}`);
  }
  revalidatePath("/[locale]/moderate", "layout");
  const query = new URLSearchParams([["c", r.decision.slug], ...back.entries()]);
  query.set("bulkChanged", String(r.changed ?? 0));
  query.set("bulkUnchanged", String(r.matching - (r.changed ?? 0)));
  query.set("bulkDecision", r.decision.decision);
  redirect(`/${locale}/moderate?${query.toString()}`);
}

/** On a campaign's view: one status for every item of the group (versioned and logged as by hand). Moderators and admins only: checked here. */
export const triageCampaignAction = formAction(
  { role: "moderator", schema: ZCampaignStatus },
  async (input, { user, fail, ok }) => {
    const changed = await triageCampaign(user, input.c, input.campaign, input.status);
    if (changed === null) return fail({ field: "form", key: "err_forbidden" });
    revalidatePath("/[locale]/moderate", "layout");
    return ok({ changed: String(changed) });
  },
);
