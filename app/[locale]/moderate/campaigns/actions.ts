"use server";
import { revalidatePath } from "next/cache";
import { getConsultationFor } from "@/lib/consultations/get-consultation";
import { mergeCampaigns } from "@/lib/campaigns/merge-campaigns";
import { removeFromCampaign } from "@/lib/campaigns/remove-from-campaign";
import { ZMergeCampaigns, ZRemoveFromCampaign } from "@/lib/campaigns/schema";
import { formAction } from "@/lib/forms/action";

// Merges one campaign into another: moderators and admins only, checked here, and the consultation must be
// one they may see (a hidden draft is an admin's only).
export const mergeCampaignsAction = formAction(
  {
    role: "moderator",
    schema: ZMergeCampaigns,
    field: "source",
    forbidden: "err_forbidden",
    maxValue: 200,
    read: (form) => ({
      slug: form.get("slug"),
      source: form.get("source") || undefined,
      target: form.get("target") || undefined,
    }),
    errorField: (e) => (e.field === "slug" ? { ...e, field: "source" } : e),
  },
  async (input, { user, fail, ok }) => {
    const c = await getConsultationFor(user, input.slug);
    if (!c) return fail({ field: "source", key: "err_forbidden" });
    const r = await mergeCampaigns(user.id, c.id, input.source, input.target);
    if (!r.ok)
      return fail(
        r.reason === "same" ? { field: "target", key: "err_same" } : { field: "source", key: "err_notFound" },
      );
    revalidatePath("/[locale]/moderate", "layout");
    return ok({ moved: String(r.moved) });
  },
);

// Takes items out of a campaign (never put back by a later search): moderators and admins only, checked here.
export const removeFromCampaignAction = formAction(
  {
    role: "moderator",
    schema: ZRemoveFromCampaign,
    field: "ids",
    forbidden: "err_forbidden",
    maxValue: 200,
    read: (form) => ({ slug: form.get("slug"), campaign: form.get("campaign"), ids: form.getAll("ids") }),
    errorField: (e) => ({ ...e, field: e.field === "campaign" ? e.field : "ids" }),
  },
  async (input, { user, fail, ok }) => {
    const c = await getConsultationFor(user, input.slug);
    if (!c) return fail({ field: "ids", key: "err_forbidden" });
    const r = await removeFromCampaign(user.id, c.id, input.campaign, input.ids);
    if (!r.ok) return fail({ field: "ids", key: "err_notFound" });
    revalidatePath("/[locale]/moderate", "layout");
    return ok({ removed: String(r.removed), dissolved: String(r.dissolved) });
  },
);
