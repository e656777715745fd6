"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireRoleOrNull } from "@/lib/auth";
import { getConsultationFor } from "@/lib/consultations/get-consultation";
import { mergeCampaigns } from "@/lib/campaigns/merge-campaigns";
import { removeFromCampaign } from "@/lib/campaigns/remove-from-campaign";
import { ITEMS_PER_PAGE } from "@/lib/campaigns/list-campaigns";
import { fieldErrors, formValues, type TFormState } from "@/lib/forms/form-state";

const uuid = (missing: string) => z.string({ error: missing }).regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { error: missing });
const ZMerge = z.object({ slug: z.string().min(1).max(100), source: uuid("err_sourceRequired"), target: uuid("err_targetRequired") })
  .refine((v) => v.source !== v.target, { error: "err_same", path: ["target"] });
const ZRemove = z.object({
  slug: z.string().min(1).max(100),
  campaign: uuid("err_notFound"),
  ids: z.array(uuid("err_noneSelected")).min(1, { error: "err_noneSelected" }).max(ITEMS_PER_PAGE, { error: "err_noneSelected" }),
});

const fail = (prev: TFormState, form: FormData, errors: TFormState["errors"]): TFormState =>
  ({ status: "error", errors, values: formValues(form, 200), nonce: (prev?.nonce ?? 0) + 1 });

/** The signed-in moderator (or admin) and the consultation they may see, or null: checked in every action. */
async function who(form: FormData) {
  const user = await requireRoleOrNull("moderator");
  const slug = form.get("slug");
  const c = user && typeof slug === "string" ? await getConsultationFor(user, slug) : null;
  return user && c ? { user, c } : null;
}

// Merges one campaign into another: moderators and admins only, checked here.
export async function mergeCampaignsAction(prev: TFormState, form: FormData): Promise<TFormState> {
  const ctx = await who(form);
  if (!ctx) return fail(prev, form, [{ field: "source", key: "err_forbidden" }]);
  const parsed = ZMerge.safeParse({ slug: form.get("slug"), source: form.get("source") || undefined, target: form.get("target") || undefined });
  if (!parsed.success) return fail(prev, form, fieldErrors(parsed.error.issues));
  const r = await mergeCampaigns(ctx.user.id, ctx.c.id, parsed.data.source, parsed.data.target);
  if (!r.ok) return fail(prev, form, [{ field: r.reason === "same" ? "target" : "source", key: r.reason === "same" ? "err_same" : "err_notFound" }]);
  revalidatePath("/[locale]/moderate", "layout");
  return { status: "ok", errors: [], values: {}, nonce: (prev?.nonce ?? 0) + 1, info: { moved: String(r.moved) } };
}

// Takes items out of a campaign (never put back by a later search): moderators and admins only, checked here.
export async function removeFromCampaignAction(prev: TFormState, form: FormData): Promise<TFormState> {
  const ctx = await who(form);
  if (!ctx) return fail(prev, form, [{ field: "ids", key: "err_forbidden" }]);
  const parsed = ZRemove.safeParse({ slug: form.get("slug"), campaign: form.get("campaign"), ids: form.getAll("ids") });
  if (!parsed.success) return fail(prev, form, fieldErrors(parsed.error.issues).map((e) => ({ ...e, field: e.field.startsWith("ids") ? "ids" : e.field })));
  const r = await removeFromCampaign(ctx.user.id, ctx.c.id, parsed.data.campaign, parsed.data.ids);
  if (!r.ok) return fail(prev, form, [{ field: "ids", key: "err_notFound" }]);
  revalidatePath("/[locale]/moderate", "layout");
  return { status: "ok", errors: [], values: {}, nonce: (prev?.nonce ?? 0) + 1, info: { removed: String(r.removed), dissolved: String(r.dissolved) } };
}
