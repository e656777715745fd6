"use client";
// The queue's bulk bar, sticky at the top of the queue it wraps: a decision and its reason
// for the ticked items or for every item matching the filter (counted and applied by the
// server, after a confirmation), and the status, tag, assignee and publication of the ticked items.
import { Suspense, use, useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { triageAction } from "./actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { ITEM_STATUSES } from "@/lib/feedback/triage-schema";
import { INITIAL_FORM } from "@/lib/forms/form-state";
import { BulkDecision, useDoneText, useResultFromUrl } from "./bulk-decision";

function MatchingLabel({ count }: { count: Promise<number | null> }) {
  const t = useTranslations("bulk");
  const n = use(count);
  return n === null ? t("scope_matchingUncounted") : t("scope_matching", { count: n });
}

export function BulkTriage({
  children,
  moderators,
  slug,
  filter,
  matching,
}: {
  children: ReactNode;
  moderators: { id: string; name: string }[];
  slug: string;
  /** The queue's filter as its URL query: the server works out "all items matching" from it. */
  filter: Record<string, string>;
  /** How many items match the filter (the server's count; streamed in, so the queue never waits for it). */
  matching: Promise<number | null>;
}) {
  const t = useTranslations("triage");
  const tb = useTranslations("bulk");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(triageAction, INITIAL_FORM);
  const fromUrl = useResultFromUrl();
  const doneText = useDoneText();
  return (
    <>
      <ErrorSummary
        title={te("summaryTitle")}
        focusKey={state.nonce}
        errors={state.errors.map((e) => ({ href: "#bulk-status", text: t(`err_${e.key}` as "err_invalid") }))}
      />
      {/* Wide screens keep the bar in view: what gets focus below scrolls clear of it. */}
      <form action={action} className="md:[&_td_*]:scroll-mt-72 md:[&_li_*]:scroll-mt-72">
        <input type="hidden" name="c" value={slug} />
        <input type="hidden" name="filter" value={new URLSearchParams(filter).toString()} />
        <div
          role="region"
          aria-label={tb("bar")}
          className="mb-2 space-y-2 border-b-2 border-line bg-white py-2 md:sticky md:top-0 md:z-10"
        >
          {fromUrl ? (
            <div role="status">
              <Notice>{doneText(fromUrl)}</Notice>
            </div>
          ) : null}
          {state.status === "ok" ? (
            <div role="status">
              <Notice>{t("bulkDone", { count: Number(state.info?.changed) })}</Notice>
            </div>
          ) : null}
          <BulkDecision
            idPrefix="bulk"
            legend={tb("title")}
            scopes={
              <fieldset className="flex flex-wrap gap-x-3">
                <legend className="font-bold">{tb("scope")}</legend>
                <label className="flex items-center gap-1">
                  <input type="radio" name="scope" value="selected" defaultChecked className="size-5 accent-brand" />
                  {tb("scope_selected")}
                </label>
                <label className="flex items-center gap-1">
                  <input type="radio" name="scope" value="matching" className="size-5 accent-brand" />
                  <Suspense fallback={tb("scope_matchingUncounted")}>
                    <MatchingLabel count={matching} />
                  </Suspense>
                </label>
              </fieldset>
            }
          />
          <fieldset className="flex flex-wrap items-end gap-4">
            <legend className="font-bold">{t("bulk")}</legend>
            <div>
              <label htmlFor="bulk-status" className="mb-1 block">
                {t("bulkStatus")}
              </label>
              <select id="bulk-status" name="status" defaultValue="unchanged" className="input">
                <option value="unchanged">{t("unchanged")}</option>
                {ITEM_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status_${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="bulk-tag" className="mb-1 block">
                {t("bulkTag")}
              </label>
              <input id="bulk-tag" name="addTags" maxLength={60} className="input" />
            </div>
            <div>
              <label htmlFor="bulk-assignee" className="mb-1 block">
                {t("bulkAssignee")}
              </label>
              <select id="bulk-assignee" name="assignee" defaultValue="unchanged" className="input">
                <option value="unchanged">{t("unchanged")}</option>
                <option value="none">{t("unassigned")}</option>
                {moderators.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="bulk-publish" className="mb-1 block">
                {t("publish")}
              </label>
              <select id="bulk-publish" name="publish" defaultValue="unchanged" className="input">
                <option value="unchanged">{t("unchanged")}</option>
                <option value="clear">{t("publish_clear")}</option>
                <option value="withhold">{t("publish_withhold")}</option>
              </select>
            </div>
            <button type="submit" disabled={pending} className="bg-brand px-4 py-2 font-bold text-white">
              {t("apply")}
            </button>
          </fieldset>
        </div>
        {children}
      </form>
    </>
  );
}
