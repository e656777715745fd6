"use client";
// A decision and its reason for many items at once (the queue's bulk bar, bulk-triage.tsx, and a campaign's page),
// with its confirmation, and the sentence that says what it did.
import { useActionState, useEffect, useRef, useState, useTransition, type MouseEvent, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { applyBulkDecisionAction, previewBulkDecisionAction } from "@/app/[locale]/moderate/bulk/actions";
import { Notice } from "@/components/ui/notice";
import { DISPOSITIONS } from "@/lib/feedback/triage-schema";
import { INITIAL_FORM, type TFormState } from "@/lib/forms/form-state";

const DECISIONS = [...DISPOSITIONS, "none"] as const;

/** "1,234 items now have decision “Accepted” (66 already had it)." */
export function useDoneText() {
  const t = useTranslations("bulk");
  const tt = useTranslations("triage");
  return (r: { changed: number | string; unchanged: number | string; decision: string }) =>
    r.decision === "none"
      ? t("doneCleared", { changed: r.changed, unchanged: r.unchanged })
      : t("done", {
          changed: r.changed,
          unchanged: r.unchanged,
          decision: tt(`disposition_${r.decision}` as "disposition_accepted"),
        });
}

/** What the no-JavaScript confirmation sent back to the queue (…&bulkChanged=1234&bulkUnchanged=66&bulkDecision=accepted). */
export function useResultFromUrl(): { changed: number; unchanged: number; decision: string } | null {
  const sp = useSearchParams();
  const n = (k: string) => (/^\d{1,9}$/.test(sp.get(k) ?? "") ? Number(sp.get(k)) : null);
  const decision = DECISIONS.find((d) => d === sp.get("bulkDecision"));
  const changed = n("bulkChanged");
  return decision && changed !== null ? { changed, unchanged: n("bulkUnchanged") ?? 0, decision } : null;
}

/**
 * A decision and its reason for many items, inside a form that carries the target (`c`,
 * `scope`, `filter`, `ids`, `campaign`). Without JavaScript, "Set the decision…" opens the
 * confirmation page with the form's fields; with it, the confirmation is asked here.
 */
export function BulkDecision({ idPrefix, legend, scopes }: { idPrefix: string; legend: string; scopes?: ReactNode }) {
  const t = useTranslations("bulk");
  const tt = useTranslations("triage");
  const locale = useLocale();
  const doneText = useDoneText();
  const [asked, setAsked] = useState<{
    form: FormData;
    preview: TFormState;
    decision: string;
    reason: string;
    scope: string;
  } | null>(null);
  const [counting, startCounting] = useTransition();
  const [applied, apply, applying] = useActionState(applyBulkDecisionAction, INITIAL_FORM);
  const confirmRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asked) confirmRef.current?.focus();
  }, [asked]);
  useEffect(() => {
    if (applied.nonce) resultRef.current?.focus();
  }, [applied.nonce]);

  function review(e: MouseEvent<HTMLButtonElement>) {
    const form = e.currentTarget.form;
    if (!form) return;
    e.preventDefault();
    const data = new FormData(form);
    startCounting(async () => {
      const preview = await previewBulkDecisionAction(data);
      const get = (k: string) => String(data.get(k) ?? "");
      setAsked({
        form: data,
        preview,
        decision: get("bulkDecision"),
        reason: get("bulkReason").trim(),
        scope: get("scope"),
      });
    });
  }
  function confirm() {
    if (!asked) return;
    const data = asked.form;
    setAsked(null);
    startCounting(() => apply(data));
  }

  const errors =
    asked?.preview.status === "error" ? asked.preview.errors : applied.status === "error" ? applied.errors : [];
  const p =
    asked?.preview.status === "idle"
      ? { matching: Number(asked.preview.info?.matching), changing: Number(asked.preview.info?.changing) }
      : null;
  const decisionName = (d: string) => (d === "none" ? "" : tt(`disposition_${d}` as "disposition_accepted"));
  return (
    <fieldset className="flex flex-wrap items-end gap-x-4 gap-y-2">
      <legend className="sr-only">{legend}</legend>
      {scopes}
      <fieldset className="flex flex-wrap gap-x-3" id={`${idPrefix}-decision`}>
        <legend className="font-bold">{t("decision")}</legend>
        {DECISIONS.map((d) => (
          <label key={d} className="flex items-center gap-1">
            <input type="radio" name="bulkDecision" value={d} className="size-5 accent-brand" />
            {d === "none" ? t("decision_none") : tt(`disposition_${d}`)}
          </label>
        ))}
      </fieldset>
      <div>
        <label htmlFor={`${idPrefix}-reason`} className="block font-bold">
          {t("reason")}
        </label>
        <input id={`${idPrefix}-reason`} name="bulkReason" maxLength={2000} className="input w-72 max-w-full" />
      </div>
      <button
        type="submit"
        formAction={`/${locale}/moderate/bulk/confirm`}
        formMethod="get"
        formNoValidate
        onClick={review}
        disabled={counting || applying}
        className="bg-brand px-4 py-2 font-bold text-white disabled:opacity-60"
      >
        {t("review")}
      </button>
      <div role="status" className="w-full empty:hidden">
        {counting ? t("checking") : null}
      </div>
      {errors.length ? (
        <div role="alert" className="w-full border-l-8 border-error bg-panel p-2">
          <p className="font-bold">{t("errorsTitle")}</p>
          <ul>
            {errors.map((e) => (
              <li key={e.field + e.key}>
                <a
                  href={e.field === "reason" ? `#${idPrefix}-reason` : `#${idPrefix}-decision`}
                  className="font-bold text-error"
                >
                  {t(`err_${e.key}` as "err_invalid")}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {asked && p ? (
        <div
          ref={confirmRef}
          tabIndex={-1}
          role="group"
          aria-labelledby={`${idPrefix}-confirm-title`}
          className="w-full border-4 border-brand bg-panel p-3"
        >
          <h3 id={`${idPrefix}-confirm-title`} className="font-bold">
            {t("confirmTitle")}
          </h3>
          {p.changing === 0 ? (
            <p>{t("nothing", { matching: p.matching })}</p>
          ) : (
            <>
              <p>
                {asked.decision === "none"
                  ? t("clear", { changing: p.changing })
                  : t("set", {
                      decision: decisionName(asked.decision),
                      hasReason: asked.reason ? "yes" : "no",
                      changing: p.changing,
                    })}{" "}
                {t("of", { scope: asked.scope, matching: p.matching, already: p.matching - p.changing })}
              </p>
              {asked.reason ? (
                <p>
                  {t("reasonLabel")} <q>{asked.reason}</q>
                </p>
              ) : null}
              <p className="text-muted">{t("history")}</p>
            </>
          )}
          <p className="mt-2 flex gap-4">
            {p.changing > 0 ? (
              <button type="button" onClick={confirm} className="bg-brand px-4 py-2 font-bold text-white">
                {t("confirm")}
              </button>
            ) : null}
            <button type="button" onClick={() => setAsked(null)} className="border-2 border-ink px-4 py-2 font-bold">
              {t("cancel")}
            </button>
          </p>
        </div>
      ) : null}
      <div ref={resultRef} tabIndex={-1} role="status" className="w-full empty:hidden">
        {applied.status === "ok" && applied.info ? (
          <Notice>
            {doneText({
              changed: applied.info.changed,
              unchanged: applied.info.unchanged,
              decision: applied.info.decision,
            })}
          </Notice>
        ) : null}
      </div>
    </fieldset>
  );
}
