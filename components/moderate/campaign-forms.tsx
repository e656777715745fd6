"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { findCampaignsAction, triageCampaignAction, type TCampaignState } from "@/app/[locale]/moderate/actions";
import { Notice } from "@/components/ui/notice";
import { ITEM_STATUSES } from "@/lib/feedback/triage-schema";

const INITIAL: TCampaignState = { status: "idle", campaigns: 0, grouped: 0, changed: 0, nonce: 0 };

/** "Find campaigns": groups the consultation's identical and near-identical comments. */
export function FindCampaigns({ slug }: { slug: string }) {
  const t = useTranslations("campaigns");
  const tt = useTranslations("triage");
  const [state, action, pending] = useActionState(findCampaignsAction, INITIAL);
  return (
    <form action={action} className="mb-4">
      <input type="hidden" name="slug" value={slug} />
      {state.status === "done" ? <div role="status"><Notice>{t("found", { campaigns: state.campaigns, grouped: state.grouped })}</Notice></div> : null}
      {state.status === "error" ? <div role="alert"><Notice tone="warning">{tt("err_forbidden")}</Notice></div> : null}
      <button type="submit" disabled={pending} className="bg-brand px-4 py-2 font-bold text-white">{t("find")}</button>
    </form>
  );
}

/** On a campaign's view: one status for every item of the group. */
export function TriageCampaign({ campaign, size }: { campaign: string; size: number }) {
  const t = useTranslations("campaigns");
  const tt = useTranslations("triage");
  const [state, action, pending] = useActionState(triageCampaignAction, INITIAL);
  return (
    <form action={action} className="mb-6 border-2 border-line p-4">
      <input type="hidden" name="campaign" value={campaign} />
      {state.status === "done" ? <div role="status"><Notice>{t("done", { count: state.changed })}</Notice></div> : null}
      {state.status === "error" ? <div role="alert"><Notice tone="warning">{tt("err_forbidden")}</Notice></div> : null}
      <label htmlFor="campaign-status" className="mb-1 block font-bold">{t("triageAll", { size })}</label>
      <div className="flex flex-wrap gap-4">
        <select id="campaign-status" name="status" defaultValue="noted" className="input max-w-xs">
          {ITEM_STATUSES.map((s) => <option key={s} value={s}>{tt(`status_${s}`)}</option>)}
        </select>
        <button type="submit" disabled={pending} className="bg-brand px-4 py-2 font-bold text-white">{t("setAll")}</button>
      </div>
    </form>
  );
}
