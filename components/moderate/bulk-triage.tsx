"use client";
// The queue's bulk form: select items (checkboxes in the table it wraps),
// then set a status, add a tag or assign them, all at once.
import { useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { triageAction, type TTriageState } from "@/app/[locale]/moderate/actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { ITEM_STATUSES } from "@/lib/feedback/triage-schema";

const INITIAL: TTriageState = { status: "idle", errors: [], changed: 0, nonce: 0 };

export function BulkTriage({ children, moderators }: { children: ReactNode; moderators: { id: string; name: string }[] }) {
  const t = useTranslations("triage");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(triageAction, INITIAL);
  return (
    <>
      <ErrorSummary title={te("summaryTitle")} focusKey={state.nonce} errors={state.errors.map((e) => ({ href: "#bulk-status", text: t(`err_${e.key}` as "err_invalid") }))} />
      {state.status === "saved" ? <Notice>{t("bulkDone", { count: state.changed })}</Notice> : null}
      <form action={action}>
        {children}
        <fieldset className="mt-4 flex flex-wrap items-end gap-4 border-2 border-line p-4">
          <legend className="px-1 font-bold">{t("bulk")}</legend>
          <div>
            <label htmlFor="bulk-status" className="mb-1 block">{t("bulkStatus")}</label>
            <select id="bulk-status" name="status" defaultValue="unchanged" className="input">
              <option value="unchanged">{t("unchanged")}</option>
              {ITEM_STATUSES.map((s) => <option key={s} value={s}>{t(`status_${s}`)}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="bulk-tag" className="mb-1 block">{t("bulkTag")}</label>
            <input id="bulk-tag" name="addTags" maxLength={60} className="input" />
          </div>
          <div>
            <label htmlFor="bulk-assignee" className="mb-1 block">{t("bulkAssignee")}</label>
            <select id="bulk-assignee" name="assignee" defaultValue="unchanged" className="input">
              <option value="unchanged">{t("unchanged")}</option>
              <option value="none">{t("unassigned")}</option>
              {moderators.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="bulk-publish" className="mb-1 block">{t("publish")}</label>
            <select id="bulk-publish" name="publish" defaultValue="unchanged" className="input">
              <option value="unchanged">{t("unchanged")}</option>
              <option value="clear">{t("publish_clear")}</option>
              <option value="withhold">{t("publish_withhold")}</option>
            </select>
          </div>
          <button type="submit" disabled={pending} className="bg-brand px-4 py-2 font-bold text-white">{t("apply")}</button>
        </fieldset>
      </form>
    </>
  );
}
