"use client";
// The item page's triage form: status, disposition and reason, assignee,
// tags, a note. Posts to a Server Action (works without JavaScript).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { triageAction, type TTriageState } from "@/app/[locale]/moderate/actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { Radios, Select, TextArea, TextInput } from "@/components/ui/field";
import { DISPOSITIONS, ITEM_STATUSES } from "@/lib/feedback/triage-schema";

const INITIAL: TTriageState = { status: "idle", errors: [], changed: 0, nonce: 0 };

type TProps = {
  itemId: string;
  status: string;
  disposition: string | null;
  reason: string | null;
  assigneeId: string | null;
  tags: string;
  cleared: boolean;
  /** The respondent's choice: none means never published, whatever the moderator decides. */
  consented: boolean;
  moderators: { id: string; name: string }[];
};

export function TriageForm(p: TProps) {
  const t = useTranslations("triage");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(triageAction, INITIAL);
  const err = (field: string) => {
    const e = state.errors.find((x) => x.field === field);
    return e ? t(`err_${e.key}` as "err_invalid") : undefined;
  };
  const fieldIds: Record<string, string> = { ids: "triage-status", status: "triage-status", disposition: "triage-disposition--none", dispositionReason: "triage-reason", assignee: "triage-assignee", setTags: "triage-tags", note: "triage-note" };
  return (
    <>
      <ErrorSummary title={te("summaryTitle")} focusKey={state.nonce} errors={state.errors.map((e) => ({ href: `#${fieldIds[e.field] ?? "triage-status"}`, text: t(`err_${e.key}` as "err_invalid") }))} />
      {state.status === "saved" ? <Notice>{t("saved")}</Notice> : null}
      <form action={action} noValidate>
        <input type="hidden" name="ids" value={p.itemId} />
        <Select id="triage-status" name="status" label={t("status")} defaultValue={p.status} placeholder={t("unchanged")} errorPrefix={te("summaryTitle")}
          error={err("status") ?? err("ids")} options={ITEM_STATUSES.map((s) => ({ value: s, label: t(`status_${s}`) }))} />
        <Radios id="triage-disposition" name="disposition" label={t("disposition")} defaultValue={p.disposition ?? ""} errorPrefix={te("summaryTitle")} error={err("disposition")}
          options={[{ value: "", label: t("dispositionNone") }, ...DISPOSITIONS.map((d) => ({ value: d, label: t(`disposition_${d}`) }))]} />
        <TextArea id="triage-reason" name="dispositionReason" label={t("reason")} defaultValue={p.reason ?? ""} rows={3} maxLength={2000} errorPrefix={te("summaryTitle")} error={err("dispositionReason")} />
        <Select id="triage-assignee" name="assignee" label={t("assignee")} defaultValue={p.assigneeId ?? "none"} placeholder={t("unchanged")} errorPrefix={te("summaryTitle")} error={err("assignee")}
          options={[{ value: "none", label: t("unassigned") }, ...p.moderators.map((m) => ({ value: m.id, label: m.name }))]} />
        <Radios id="triage-publish" name="publish" label={t("publish")} hint={p.consented ? undefined : t("publishNoConsent")} defaultValue={p.cleared ? "clear" : "withhold"}
          errorPrefix={te("summaryTitle")} error={err("publish")} inline
          options={[{ value: "withhold", label: t("publish_withhold") }, { value: "clear", label: t("publish_clear") }]} />
        <TextInput id="triage-tags" name="setTags" label={t("tags")} hint={t("tagsHint")} defaultValue={p.tags} maxLength={1000} errorPrefix={te("summaryTitle")} error={err("setTags")} />
        <TextArea id="triage-note" name="note" label={t("note")} hint={t("noteHint")} rows={3} maxLength={5000} errorPrefix={te("summaryTitle")} error={err("note")} />
        <button type="submit" disabled={pending} className="bg-success px-5 py-3 text-lg font-bold text-white">{t("save")}</button>
      </form>
    </>
  );
}
