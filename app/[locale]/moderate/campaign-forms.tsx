"use client";
import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { findCampaignsAction } from "./actions";
import { triageCampaignAction } from "@/app/[locale]/moderate/bulk/actions";
import { BulkDecision } from "./bulk-decision";
import { Notice } from "@/components/ui/notice";
import { ITEM_STATUSES } from "@/lib/feedback/triage-schema";
import { INITIAL_FORM } from "@/lib/forms/form-state";

export type TRunView = {
  state: "running" | "done" | "failed";
  when: string;
  by: string | null;
  campaigns: number;
  grouped: number;
};

/**
 * "Find campaigns": starts a background run that groups the consultation's identical and
 * near-identical comments (lib/feedback/find-campaigns.ts). While it runs, the page says so
 * and, with JavaScript, refreshes itself; without, the refresh link does it.
 */
export function FindCampaigns({ slug, run, refreshHref }: { slug: string; run: TRunView | null; refreshHref: string }) {
  const t = useTranslations("campaigns");
  const tt = useTranslations("triage");
  const router = useRouter();
  const [state, action, pending] = useActionState(findCampaignsAction, INITIAL_FORM);
  const running = run?.state === "running";
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 3000);
    return () => clearInterval(timer);
  }, [running, router]);
  return (
    <form action={action} className="mb-4">
      <input type="hidden" name="slug" value={slug} />
      <div role="status" aria-live="polite">
        {running ? (
          <Notice>
            {t("running", { when: run.when, by: run.by ?? "—" })} <a href={refreshHref}>{t("refresh")}</a>
          </Notice>
        ) : null}
        {run?.state === "done" ? (
          <Notice>
            {t("lastRun", { when: run.when })} {t("found", { campaigns: run.campaigns, grouped: run.grouped })}
          </Notice>
        ) : null}
        {run?.state === "failed" ? <Notice tone="warning">{t("failed", { when: run.when })}</Notice> : null}
        {state.info?.run === "running" && !running ? <Notice>{t("alreadyRunning")}</Notice> : null}
      </div>
      {state.status === "error" ? (
        <div role="alert">
          <Notice tone="warning">{tt("err_forbidden")}</Notice>
        </div>
      ) : null}
      <button
        type="submit"
        disabled={pending || running}
        className="bg-brand px-4 py-2 font-bold text-white disabled:opacity-60"
      >
        {t("find")}
      </button>
    </form>
  );
}

/**
 * On a campaign's view: one status for every item of the group, and one decision with its
 * reason (after a confirmation that says how many items change).
 */
export function TriageCampaign({
  campaign,
  size,
  slug,
  filter,
}: {
  campaign: string;
  size: number;
  slug: string;
  filter: Record<string, string>;
}) {
  const t = useTranslations("campaigns");
  const tt = useTranslations("triage");
  const tb = useTranslations("bulk");
  const [state, action, pending] = useActionState(triageCampaignAction, INITIAL_FORM);
  return (
    <div className="mb-6 space-y-4 border-2 border-line p-4">
      <form action={action}>
        <input type="hidden" name="campaign" value={campaign} />
        <input type="hidden" name="c" value={slug} />
        {state.status === "ok" ? (
          <div role="status">
            <Notice>{t("done", { count: Number(state.info?.changed) })}</Notice>
          </div>
        ) : null}
        {state.status === "error" ? (
          <div role="alert">
            <Notice tone="warning">{tt("err_forbidden")}</Notice>
          </div>
        ) : null}
        <label htmlFor="campaign-status" className="mb-1 block font-bold">
          {t("triageAll", { size })}
        </label>
        <div className="flex flex-wrap gap-4">
          <select id="campaign-status" name="status" defaultValue="noted" className="input max-w-xs">
            {ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tt(`status_${s}`)}
              </option>
            ))}
          </select>
          <button type="submit" disabled={pending} className="bg-brand px-4 py-2 font-bold text-white">
            {t("setAll")}
          </button>
        </div>
      </form>
      <form>
        <input type="hidden" name="c" value={slug} />
        <input type="hidden" name="scope" value="campaign" />
        <input type="hidden" name="campaign" value={campaign} />
        <input type="hidden" name="filter" value={new URLSearchParams(filter).toString()} />
        <h3 className="mb-1 font-bold">{tb("campaignTitle", { size })}</h3>
        <BulkDecision idPrefix="campaign" legend={tb("campaignTitle", { size })} />
      </form>
    </div>
  );
}
