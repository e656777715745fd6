// The campaign forms (merge two, remove items, one status for a whole campaign): one schema each, shared by
// the forms and their Server Actions.
import { z } from "zod";
import { ITEM_STATUSES } from "@/lib/feedback/triage-schema";

/** Items of a campaign shown per page (and so the most one removal can take). */
export const ITEMS_PER_PAGE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const uuid = (missing: string) => z.string({ error: missing }).regex(UUID, { error: missing });
const slug = z
  .string({ error: "err_forbidden" })
  .min(1, { error: "err_forbidden" })
  .max(100, { error: "err_forbidden" });

export const ZMergeCampaigns = z
  .object({ slug, source: uuid("err_sourceRequired"), target: uuid("err_targetRequired") })
  .refine((v) => v.source !== v.target, { error: "err_same", path: ["target"] });

export const ZRemoveFromCampaign = z.object({
  slug,
  campaign: uuid("err_notFound"),
  ids: z
    .array(uuid("err_noneSelected"), { error: "err_noneSelected" })
    .min(1, { error: "err_noneSelected" })
    .max(ITEMS_PER_PAGE, { error: "err_noneSelected" }),
});

/** One status for every item of a campaign (its view in the queue; `c` is the consultation's slug). */
export const ZCampaignStatus = z.object({
  c: z.string({ error: "err_forbidden" }).regex(/^[a-z0-9-]{1,64}$/, { error: "err_forbidden" }),
  campaign: uuid("err_forbidden"),
  status: z.enum(ITEM_STATUSES, { error: "err_forbidden" }),
});

/** "Find campaigns" for a consultation (its slug). */
export const ZFindCampaigns = z.object({
  slug: z.string({ error: "err_forbidden" }).min(1, { error: "err_forbidden" }).max(64, { error: "err_forbidden" }),
});
