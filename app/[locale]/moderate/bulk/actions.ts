"use server";
// Decisions in bulk (lib/feedback/bulk-decide.ts): counted for the confirmation, then
// applied. Moderators and admins only: checked here (and again in the lib), whatever the page did.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireRoleOrNull } from "@/lib/auth";
import { bulkDecide } from "@/lib/feedback/bulk-decide";
import { readBulkForm } from "@/lib/feedback/bulk-schema";
import { ITEM_STATUSES } from "@/lib/feedback/triage-schema";
import { triageCampaign } from "@/lib/feedback/triage-campaign";
import { isLocale } from "@/lib/i18n/routing";

type TErrors = { field: string; key: string }[];
export type TBulkPreview = { status: "ready" | "error"; matching: number; changing: number; errors: TErrors };
export type TBulkApplied = { status: "idle" | "done" | "error"; changed: number; unchanged: number; decision: string; errors: TErrors; nonce: number };

/** The confirmation's numbers: how many items the target holds, and how many the decision would change. */
export async function previewBulkDecisionAction(form: FormData): Promise<TBulkPreview> {
  const r = await bulkDecide(await requireRoleOrNull("moderator"), readBulkForm(form), false);
  if (!r.ok) return { status: "error", matching: 0, changing: 0, errors: r.errors };
  return { status: "ready", matching: r.matching, changing: r.changing, errors: [] };
}

/** Applies a confirmed bulk decision (with JavaScript: the bulk bar's confirm step). */
export async function applyBulkDecisionAction(prev: TBulkApplied, form: FormData): Promise<TBulkApplied> {
  const nonce = (prev?.nonce ?? 0) + 1;
  const r = await bulkDecide(await requireRoleOrNull("moderator"), readBulkForm(form), true);
  if (!r.ok) return { status: "error", changed: 0, unchanged: 0, decision: "", errors: r.errors, nonce };
  revalidatePath("/[locale]/moderate", "layout");
  return { status: "done", changed: r.changed ?? 0, unchanged: r.matching - (r.changed ?? 0), decision: r.decision.decision, errors: [], nonce };
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
    const again = new URLSearchParams([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$")));
    redirect(`/${locale}/moderate/bulk/confirm?${again.toString()}`);
  }
  revalidatePath("/[locale]/moderate", "layout");
  const query = new URLSearchParams([["c", r.decision.slug], ...back.entries()]);
  query.set("bulkChanged", String(r.changed ?? 0));
  query.set("bulkUnchanged", String(r.matching - (r.changed ?? 0)));
  query.set("bulkDecision", r.decision.decision);
  redirect(`/${locale}/moderate?${query.toString()}`);
}

export type TCampaignStatusState = { status: "idle" | "done" | "error"; changed: number; nonce: number };

/** On a campaign's view: one status for every item of the group (versioned and logged as by hand). */
export async function triageCampaignAction(prev: TCampaignStatusState, form: FormData): Promise<TCampaignStatusState> {
  const nonce = (prev?.nonce ?? 0) + 1;
  const user = await requireRoleOrNull("moderator");
  const campaign = String(form.get("campaign") ?? "");
  const slug = form.get("c");
  const status = ITEM_STATUSES.find((s) => s === form.get("status"));
  if (!user || typeof slug !== "string" || !/^[0-9a-f-]{36}$/.test(campaign) || !status) return { status: "error", changed: 0, nonce };
  const changed = await triageCampaign(user, slug, campaign, status);
  if (changed === null) return { status: "error", changed: 0, nonce };
  revalidatePath("/[locale]/moderate", "layout");
  return { status: "done", changed, nonce };
}
