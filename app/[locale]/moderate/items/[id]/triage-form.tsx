"use client";
// The item page's triage form: status, disposition and reason, assignee,
// tags, a note. Posts to a Server Action (works without JavaScript).
// It carries the item's version and the values it was loaded with: the server
// writes only what the moderator changed, and refuses a save over a newer
// version (saying who changed what). After every answer the form is drawn
// again from what is stored (the `key`), with the moderator's own changes
// kept on top of it when the save was refused.
import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { formatInstant } from "@/lib/consultations/format-instant";
import { triageAction } from "@/app/[locale]/moderate/actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { Radios, Select, TextArea, TextInput } from "@/components/ui/field";
import { fieldLabel, valueLabel } from "@/lib/feedback/describe-change";
import {
  DISPOSITIONS,
  ITEM_STATUSES,
  LOADED_PREFIX,
  loadedValues,
  type TStaleInfo,
} from "@/lib/feedback/triage-schema";
import { INITIAL_FORM } from "@/lib/forms/form-state";

type TProps = {
  itemId: string;
  version: number;
  status: string;
  disposition: string | null;
  reason: string | null;
  assigneeId: string | null;
  tags: string;
  cleared: boolean;
  /** The respondent's choice: none means never published, whatever the moderator decides. */
  consented: boolean;
  moderators: { id: string; name: string }[];
  locale: string;
  /** The consultation's, for the dates of the item's history. */
  timeZone: string;
  /** The queue's filter the page was opened with (its query, without the consultation), and the consultation's slug. */
  filter: string;
  slug: string;
  /** The page was reached by "Save and next". */
  savedBefore: boolean;
};

const SHORTCUT = "Alt+Shift+N";

export function TriageForm(p: TProps) {
  const t = useTranslations("triage");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(triageAction, INITIAL_FORM);
  const nextButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Alt+Shift+N: save and go to the next item, also while typing in a field (it has modifiers).
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey || e.code !== "KeyN") return;
      const b = nextButton.current;
      if (!b || b.disabled) return;
      e.preventDefault();
      b.form?.requestSubmit(b);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const tr = (k: string) => t(k as "status");
  const err = (field: string) => {
    const e = state.errors.find((x) => x.field === field);
    return e && e.key !== "stale" ? t(`err_${e.key}` as "err_invalid") : undefined;
  };
  const stored = loadedValues({ ...p, dispositionReason: p.reason });
  // After a refused save: what the moderator changed (a field that differs from the value it was loaded with) stays;
  // every other field shows what is stored now.
  const sent = state.status === "error" ? state.values : undefined;
  const mine = (f: keyof typeof stored) =>
    sent && sent[f] !== undefined && sent[f] !== sent[LOADED_PREFIX + f] ? sent[f] : undefined;
  const value = (f: keyof typeof stored) => mine(f) ?? stored[f];
  const stale = state.info?.stale ? (JSON.parse(state.info.stale) as { at: string; changes: TStaleInfo[] }) : undefined;
  const when = (iso: string) => formatInstant(new Date(iso), p.locale, p.timeZone);
  const fieldIds: Record<string, string> = {
    ids: "triage-status",
    status: "triage-status",
    disposition: "triage-disposition--none",
    dispositionReason: "triage-reason",
    assignee: "triage-assignee",
    setTags: "triage-tags",
    note: "triage-note",
    form: "triage-stale",
    version: "triage-status",
  };
  const summary = state.errors.map((e) => ({
    href: `#${fieldIds[e.field] ?? "triage-status"}`,
    text: e.key === "stale" ? t("staleSummary") : t(`err_${e.key}` as "err_invalid"),
  }));
  return (
    <>
      <ErrorSummary title={te("summaryTitle")} focusKey={state.nonce} errors={summary} />
      {state.status === "ok" ? <Notice>{state.info?.last ? t("savedLast") : t("saved")}</Notice> : null}
      {state.status === "idle" && p.savedBefore ? <Notice>{t("savedNext")}</Notice> : null}
      {stale ? (
        <div id="triage-stale" tabIndex={-1} className="mb-6 border-l-8 border-error bg-panel p-4">
          <h3 className="mb-1 text-lg font-bold">{t("staleTitle")}</h3>
          {stale.changes.length ? (
            <ul className="mb-2 list-disc pl-6">
              {stale.changes.map((c, i) => (
                <li key={i} className="break-words">
                  {t("eventLine", {
                    actor: c.by ?? t("someone"),
                    field: fieldLabel(tr, c.field),
                    from: clip(valueLabel(tr, p.moderators, c.field, c.from)),
                    to: clip(valueLabel(tr, p.moderators, c.field, c.to)),
                  })}
                  {" · "}
                  {when(c.at)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mb-2">{t("staleNoDetail", { at: when(stale.at) })}</p>
          )}
          <p>{t("staleBody")}</p>
        </div>
      ) : null}
      <form action={action} noValidate key={`${p.version}-${state.nonce}`}>
        <input type="hidden" name="ids" value={p.itemId} />
        <input type="hidden" name="version" value={p.version} />
        {Object.entries(stored).map(([k, v]) => (
          <input key={k} type="hidden" name={LOADED_PREFIX + k} value={v} />
        ))}
        <input type="hidden" name="locale" value={p.locale} />
        <input type="hidden" name="filter" value={p.filter} />
        <input type="hidden" name="c" value={p.slug} />
        <Select
          id="triage-status"
          name="status"
          label={t("status")}
          defaultValue={value("status")}
          placeholder={t("unchanged")}
          errorPrefix={te("prefix")}
          error={err("status") ?? err("ids") ?? err("version")}
          options={ITEM_STATUSES.map((s) => ({ value: s, label: t(`status_${s}`) }))}
        />
        <Radios
          id="triage-disposition"
          name="disposition"
          label={t("disposition")}
          defaultValue={value("disposition")}
          errorPrefix={te("prefix")}
          error={err("disposition")}
          options={[
            { value: "", label: t("dispositionNone") },
            ...DISPOSITIONS.map((d) => ({ value: d, label: t(`disposition_${d}`) })),
          ]}
        />
        <TextArea
          id="triage-reason"
          name="dispositionReason"
          label={t("reason")}
          defaultValue={value("dispositionReason")}
          rows={3}
          maxLength={2000}
          errorPrefix={te("prefix")}
          error={err("dispositionReason")}
        />
        <Select
          id="triage-assignee"
          name="assignee"
          label={t("assignee")}
          defaultValue={value("assignee")}
          placeholder={t("unchanged")}
          errorPrefix={te("prefix")}
          error={err("assignee")}
          options={[
            { value: "none", label: t("unassigned") },
            ...p.moderators.map((m) => ({ value: m.id, label: m.name })),
          ]}
        />
        <Radios
          id="triage-publish"
          name="publish"
          label={t("publish")}
          hint={p.consented ? undefined : t("publishNoConsent")}
          defaultValue={value("publish")}
          errorPrefix={te("prefix")}
          error={err("publish")}
          inline
          options={[
            { value: "withhold", label: t("publish_withhold") },
            { value: "clear", label: t("publish_clear") },
          ]}
        />
        <TextInput
          id="triage-tags"
          name="setTags"
          label={t("tags")}
          hint={t("tagsHint")}
          defaultValue={value("setTags")}
          maxLength={1000}
          errorPrefix={te("prefix")}
          error={err("setTags")}
        />
        <TextArea
          id="triage-note"
          name="note"
          label={t("note")}
          hint={t("noteHint")}
          rows={3}
          maxLength={5000}
          errorPrefix={te("prefix")}
          error={err("note")}
          defaultValue={sent?.note ?? ""}
        />
        <div className="flex flex-wrap gap-4">
          <button type="submit" disabled={pending} className="bg-success px-5 py-3 text-lg font-bold text-white">
            {t("save")}
          </button>
          <button
            ref={nextButton}
            type="submit"
            name="next"
            value="1"
            disabled={pending}
            aria-keyshortcuts={SHORTCUT}
            aria-describedby="triage-next-hint"
            className="border-2 border-success px-5 py-3 text-lg font-bold text-success"
          >
            {t("saveNext")}
          </button>
        </div>
        <p id="triage-next-hint" className="mt-2 text-muted">
          {t("saveNextHint", { shortcut: SHORTCUT })}
        </p>
      </form>
    </>
  );
}

function clip(s: string): string {
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}
