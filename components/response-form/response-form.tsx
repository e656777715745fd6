"use client";
// The response form. A plain <form> posting to a Server Action: it works
// without JavaScript, and with it submits in place. What the person types is
// kept in localStorage until the receipt, and comes back after any error.
import { Activity, useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextArea } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { clauseGroupId, clauseOfField, errorHref } from "@/lib/responses/form-fields";
import { INITIAL_FORM, type TFormState } from "@/lib/forms/form-state";
import { LIMITS } from "@/lib/responses/limits";
import { formatInstant } from "@/lib/consultations/format-instant";
import { AboutYou } from "./about-you";
import { ClauseFeedback, type TClauseTexts, type TFormClause } from "./clause-feedback";
import { fieldPropsFactory } from "./field-props";
import { draftKey, readDraftClauses, restoreDraft, saveDraft } from "./draft-storage";
import { fillLabel } from "@/lib/i18n/fill-label";
import { AttachmentsField, attachmentErrorText, type TAttachmentTexts } from "./attachments-field";
import { pageKey } from "./page-key";

/** The route's Server Action (respond, change through the private link, key-in), passed by its page. */
type TAction = (prev: TFormState, form: FormData) => Promise<TFormState>;

type TProps = {
  action: TAction;
  slug: string;
  locale: string;
  /** A new response's key (lib/responses/idempotency.ts); none when changing a stored response, which its token finds. */
  idempotencyKey?: string;
  clauses: TFormClause[];
  countries: { code: string; name: string }[];
  preselected?: string;
  timeZone: string;
  /** Changing a stored response through its private link: the stored values, no browser draft. */
  change?: { values: Record<string, string>; token: string };
  /** Staff keying in a response received by email or on paper: fields of its own, no browser draft. */
  keyIn?: boolean;
  /** A response may carry files (lib/attachments/): the file field's texts (and a changed response's files), translated by the page. */
  attachments?: TAttachmentTexts;
};

export function ResponseForm(p: TProps) {
  const t = useTranslations("respond");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState(p.action, INITIAL_FORM);
  const formRef = useRef<HTMLFormElement>(null);
  // Read once, as the form hydrates: the key the cache put in this reader's page (see page-key.ts).
  const [key] = useState(() => pageKey(p.idempotencyKey, typeof document === "undefined" ? undefined : document));
  const values = state.status === "idle" && p.change ? p.change.values : state.values;
  const f = fieldPropsFactory(values, state.errors, (k, v) => attachmentErrorText(p.attachments, k, v) ?? te(k, v));

  // The clauses whose questions are in the page (see ClauseFeedback): chosen in this browser, or posted back as
  // chosen (`openClauses`, and the no-JavaScript button's `addClause`), or with text in a kept draft; those with
  // text or an error are added below.
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  const choose = (key: string) => setChosen((prev) => (prev.has(key) ? prev : new Set([...prev, key])));
  // The clauses a kept draft has text in: read once hydration is over, in a task of its own, and set only when
  // there are some. (Read while hydrating, the server's "no draft" and the browser's "none" differed, and React
  // re-rendered the whole form at once, hydrating every clause in one long task: issue 12, blocking time.)
  const [kept, setKept] = useState("");
  const draftRead = useRef(false);
  const restored = useRef(false);

  useEffect(() => {
    const form = formRef.current;
    if (!form || p.change || p.keyIn) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (state.status === "idle" && !restored.current) {
      timer = setTimeout(() => {
        if (!draftRead.current) {
          draftRead.current = true;
          const clauses = readDraftClauses(draftKey(p.slug));
          // Their questions come into the page first; this effect runs again and restores.
          if (clauses) return setKept(clauses);
        }
        restoreDraft(form, draftKey(p.slug));
        restored.current = true;
      }, 0);
    }
    const save = () => saveDraft(form, draftKey(p.slug));
    form.addEventListener("input", save);
    form.addEventListener("change", save);
    return () => {
      clearTimeout(timer);
      form.removeEventListener("input", save);
      form.removeEventListener("change", save);
    };
  }, [state, p.slug, p.change, p.keyIn, kept]);

  const clauseHasValues = (key: string) =>
    Object.entries(values).some(([n, v]) => n.startsWith(`c:${key}:`) && v.trim() !== "");
  const clauseHasError = (key: string) =>
    state.errors.some((e) => e.field === `c:${key}` || e.field.startsWith(`c:${key}:`));
  const posted = new Set(
    [...(values.openClauses ?? "").split(" "), ...kept.split(" "), values.addClause ?? ""].filter(Boolean),
  );
  const isActive = (key: string) =>
    chosen.has(key) || posted.has(key) || p.preselected === key || clauseHasValues(key) || clauseHasError(key);
  const active = p.clauses.filter((c) => isActive(c.key)).map((c) => c.key);
  const when = (iso?: string) => (iso ? formatInstant(new Date(iso), p.locale, p.timeZone) : "");
  const texts = useClauseTexts();
  // "Action 1.1, clarity: Choose a rating from 1 to 5": the summary says where each error is, as the form is long.
  const labelOf = new Map(p.clauses.map((c) => [c.key, c.label]));
  const summaryText = (name: string) => {
    const error = f.errorText(name) ?? "";
    const at = clauseOfField(name);
    const clause = at && labelOf.get(at.clause);
    if (!clause) return error;
    return at.aspect
      ? t("errorInClauseAspect", { clause, aspect: texts.aspectName[at.aspect] ?? at.aspect, error })
      : t("errorInClause", { clause, error });
  };
  const summary = state.errors.map((e) => ({ href: errorHref(e.field), text: summaryText(e.field) }));

  return (
    <>
      <ErrorSummary title={te("summaryTitle")} errors={summary} focusKey={state.nonce} />
      {state.status === "closed" ? (
        <Notice tone="warning" title={t("closedTitle")}>
          {t("closedBody", { date: when(state.info?.at) })}
        </Notice>
      ) : null}
      {state.status === "upcoming" ? (
        <Notice tone="warning">{t("upcomingBody", { date: when(state.info?.at) })}</Notice>
      ) : null}
      {state.status === "added" && values.addClause ? (
        <Notice tone="info">
          <a href={`#${clauseGroupId(values.addClause)}`}>
            {t("clauseAdded", { label: labelOf.get(values.addClause) ?? values.addClause })}
          </a>
        </Notice>
      ) : null}
      {state.status === "rate_limited" ? <Notice tone="warning">{t("rateLimited")}</Notice> : null}
      {state.status === "busy" ? <Notice tone="warning">{t("busy")}</Notice> : null}
      {state.status === "error" ? <Notice tone="warning">{t("unexpected")}</Notice> : null}

      <form ref={formRef} key={state.nonce} action={formAction} noValidate className="mt-4">
        <input type="hidden" name="slug" value={p.slug} />
        <input type="hidden" name="locale" value={p.locale} />
        {p.change ? null : <input type="hidden" name="idempotencyKey" value={values.idempotencyKey ?? key} />}
        {p.change ? <input type="hidden" name="token" value={p.change.token} /> : null}
        {/* A trap for robots: hidden from people and from assistive technology, never focused. */}
        <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
          <label htmlFor="website">Website</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <input type="hidden" name="openClauses" value={active.join(" ")} />
        {/* The form's default button (Enter in a text field): sending, not a clause's "show the questions" button below. */}
        <button type="submit" hidden tabIndex={-1} aria-hidden="true" />
        {p.keyIn ? <ReceivedOn f={f} label={t("receivedOn")} hint={t("receivedOnHint")} prefix={te("prefix")} /> : null}

        <fieldset id="feedback" tabIndex={-1}>
          <legend className="mb-2 text-2xl font-bold">{t("stepFeedback")}</legend>
          <p className="mb-4 text-muted">{t("stepFeedbackHint")}</p>
          {f.errorText("feedback") ? <p className="mb-4 font-bold text-error">{f.errorText("feedback")}</p> : null}
          {/* An <Activity> per clause: React hydrates each on its own, later and in short slices, instead of
              ~2,300 elements in one long task a phone cannot interrupt (issue 12: total blocking time). Not
              <Suspense>: the server would stream large boundaries out of place, revealed by a script, and
              without JavaScript the fields would stay hidden outside the form. */}
          {p.clauses.map((c) => (
            <Activity key={c.key}>
              <ClauseFeedback
                clause={c}
                f={f}
                x={texts}
                hasValues={clauseHasValues(c.key)}
                active={isActive(c.key)}
                onOpen={choose}
                open={
                  p.preselected === c.key ||
                  values.addClause === c.key ||
                  chosen.has(c.key) ||
                  clauseHasValues(c.key) ||
                  clauseHasError(c.key)
                }
              />
            </Activity>
          ))}
          <div className="mt-6">
            <TextArea
              {...f.field("generalComment")}
              label={t("general")}
              optional={texts.optional}
              hint={t("generalHint")}
              rows={6}
              maxLength={LIMITS.comment}
              errorPrefix={te("prefix")}
            />
          </div>
          {p.attachments ? (
            <AttachmentsField
              texts={p.attachments}
              error={f.errorText("attachments")}
              errorPrefix={te("prefix")}
              cameBack={state.status !== "idle"}
              values={values}
            />
          ) : null}
        </fieldset>

        <Activity>
          <AboutYou f={f} countries={p.countries} privacyHref={`/${p.locale}/c/${p.slug}/privacy`} />
        </Activity>

        <button
          type="submit"
          disabled={pending}
          aria-disabled={pending}
          className="mt-4 bg-success px-5 py-3 text-lg font-bold text-white shadow-[0_2px_0_#002d18] disabled:opacity-70"
        >
          {pending ? t("submitting") : p.change ? t("saveChanges") : p.keyIn ? t("keyInSubmit") : t("submit")}
        </button>
      </form>
    </>
  );
}

/** The texts every clause section shows, translated once for the whole form. */
function useClauseTexts(): TClauseTexts & { aspectName: Record<string, string> } {
  const t = useTranslations("respond");
  const te = useTranslations("errors");
  const scale = (low: string, high: string) => [
    { value: "", label: t("noRating") },
    { value: "1", label: low },
    { value: "2", label: t("rating2") },
    { value: "3", label: t("rating3") },
    { value: "4", label: t("rating4") },
    { value: "5", label: high },
  ];
  // The one message with a value at first render, filled in by hand: formatting it with t() would start ICU's
  // number formats in the browser, ~50 ms of a phone's main thread at hydration, for one placeholder.
  const open = fillLabel(String(t.raw("clauseOpen")));
  return {
    open,
    showQuestions: t("clauseShowQuestions"),
    hasFeedback: t("clauseHasFeedback"),
    optional: t("optional"),
    errorPrefix: te("prefix"),
    clarity: t("clarity"),
    clarityHint: t("clarityHint"),
    clarityRating: t("clarityRating"),
    clarityComment: t("clarityComment"),
    language: t("language"),
    languageHint: t("languageHint"),
    term: t("term"),
    proposedWording: t("proposedWording"),
    reason: t("reason"),
    feasibility: t("feasibility"),
    feasibilityHint: t("feasibilityHint"),
    feasibilityRating: t("feasibilityRating"),
    countryContext: t("countryContext"),
    feasibilityComment: t("feasibilityComment"),
    clarityScale: scale(t("rating1"), t("rating5")),
    feasibilityScale: scale(t("feasibilityRating1"), t("feasibilityRating5")),
    aspectName: { clarity: t("aspect_clarity"), language: t("aspect_language"), feasibility: t("aspect_feasibility") },
  };
}

/** Keyed-in responses: the day the email or letter was received. */
function ReceivedOn({
  f,
  label,
  hint,
  prefix,
}: {
  f: ReturnType<typeof fieldPropsFactory>;
  label: string;
  hint: string;
  prefix: string;
}) {
  const { id, name, defaultValue, error } = f.field("receivedOn");
  return (
    <div className={`mb-8 ${error ? "border-l-4 border-error pl-4" : ""}`}>
      <label htmlFor={id} className="mb-1 block text-xl font-bold">
        {label}
      </label>
      <p id={`${id}-hint`} className="mb-2 text-muted">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="mb-2 font-bold text-error">
          <span className="sr-only">{prefix} </span>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type="date"
        defaultValue={defaultValue}
        className="input max-w-xs"
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}
