"use client";
// The delegation's shared draft: per clause the country's position, the
// amendment, and comments on clarity, language and feasibility; an overall
// statement. A plain form posting to a Server Action (works without JavaScript).
// Save sits in a bar stuck to the bottom of the screen from the first section to the submission (`after`):
// a button outside the form, tied to it by its `form` attribute, which browsers honour without JavaScript.
import { useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { formatInstant } from "@/lib/consultations/format-instant";
import { saveDraftAction } from "./actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { Radios, TextArea, TextInput } from "@/components/ui/field";
import { INITIAL_FORM } from "@/lib/forms/form-state";
import { fieldId, fieldName, STANCES, type TPositionField, type TWorkspaceClause } from "@/lib/formal/schema";

type TKey = Parameters<ReturnType<typeof useTranslations<"delegation">>>[0];

export function WorkspaceForm(props: {
  locale: string;
  timeZone: string;
  slug: string;
  version: number;
  clauses: TWorkspaceClause[];
  positions: Record<string, Partial<Record<TPositionField, string>>>;
  statement: string;
  /** The approver's bar also leads to the submission. */ approver?: boolean;
  /** What follows the form and keeps the bar in view (the letter, the submission). */ after?: ReactNode;
}) {
  const t = useTranslations("delegation");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(saveDraftAction, INITIAL_FORM);
  const failed = state.status === "error";
  const value = (key: string, f: TPositionField) =>
    (failed ? state.values[fieldName(key, f)] : props.positions[key]?.[f]) ?? "";
  const err = (name: string) => {
    const e = state.errors.find((x) => x.field === name);
    return e ? t(e.key as TKey) : undefined;
  };
  const hrefOf = (field: string) => {
    const [f, key] = field.split("@");
    if (!key) return field === "statement" ? "#f-statement" : "#save";
    return `#${fieldId(key, f as TPositionField)}${f === "stance" ? "--support" : ""}`;
  };
  const stale = state.errors.find((e) => e.key === "stale");
  const formMessage = (key: string) =>
    key === "stale" && state.info
      ? t("stale", {
          by: state.info.by || t("someone"),
          at: formatInstant(new Date(state.info.at), props.locale, props.timeZone),
        })
      : t(key as TKey);
  const p = te("prefix");
  return (
    <div>
      {state.status === "ok" ? (
        <Notice title={t("savedTitle")}>
          {state.info?.changed ? t("savedChanged", { changed: state.info.changed }) : t("savedNothing")}
        </Notice>
      ) : null}
      <ErrorSummary
        title={te("summaryTitle")}
        focusKey={state.nonce}
        errors={state.errors.map((e) => ({
          href: hrefOf(e.field),
          text: e.field === "form" ? formMessage(e.key) : t(e.key as TKey),
        }))}
      />
      <form id="workspace-form" action={action} noValidate key={state.nonce}>
        <input type="hidden" name="slug" value={props.slug} />
        <input type="hidden" name="locale" value={props.locale} />
        <input type="hidden" name="version" value={failed && stale ? state.values.version : props.version} />
        {props.clauses.map((c) => {
          const has = (["stance", "amendment", "clarity", "term", "wording", "language", "feasibility"] as const).some(
            (f) => value(c.key, f),
          );
          const errs = state.errors.some((e) => e.field.endsWith(`@${c.key}`));
          const id = (f: TPositionField) => fieldId(c.key, f);
          const name = (f: TPositionField) => fieldName(c.key, f);
          return (
            <details key={c.key} data-clause={c.key} open={has || errs} className="mb-4 border-2 border-line p-4">
              <summary className="cursor-pointer text-lg font-bold">
                {c.label}
                {c.heading ? ` — ${c.heading}` : ""}
                {has ? <span className="ml-2 font-normal text-muted">({t("hasContent")})</span> : null}
              </summary>
              <p className="my-4 max-w-prose whitespace-pre-line">{c.body}</p>
              <Radios
                id={id("stance")}
                name={name("stance")}
                label={t("stance")}
                inline
                defaultValue={value(c.key, "stance")}
                error={err(name("stance"))}
                errorPrefix={p}
                options={[
                  ...STANCES.map((s) => ({ value: s, label: t(`stance_${s}`) })),
                  { value: "", label: t("stance_none") },
                ]}
              />
              <TextArea
                id={id("amendment")}
                name={name("amendment")}
                label={t("amendment")}
                hint={t("amendmentHint")}
                maxLength={2000}
                rows={3}
                defaultValue={value(c.key, "amendment")}
                error={err(name("amendment"))}
                errorPrefix={p}
              />
              <TextArea
                id={id("clarity")}
                name={name("clarity")}
                label={t("clarity")}
                maxLength={5000}
                rows={2}
                defaultValue={value(c.key, "clarity")}
                error={err(name("clarity"))}
                errorPrefix={p}
              />
              <TextInput
                id={id("term")}
                name={name("term")}
                label={t("term")}
                hint={t("termHint")}
                maxLength={200}
                defaultValue={value(c.key, "term")}
                error={err(name("term"))}
                errorPrefix={p}
              />
              <TextArea
                id={id("wording")}
                name={name("wording")}
                label={t("wording")}
                maxLength={2000}
                rows={2}
                defaultValue={value(c.key, "wording")}
                error={err(name("wording"))}
                errorPrefix={p}
              />
              <TextArea
                id={id("language")}
                name={name("language")}
                label={t("language")}
                maxLength={5000}
                rows={2}
                defaultValue={value(c.key, "language")}
                error={err(name("language"))}
                errorPrefix={p}
              />
              <TextArea
                id={id("feasibility")}
                name={name("feasibility")}
                label={t("feasibility")}
                maxLength={5000}
                rows={2}
                defaultValue={value(c.key, "feasibility")}
                error={err(name("feasibility"))}
                errorPrefix={p}
              />
            </details>
          );
        })}
        <TextArea
          id="f-statement"
          name="statement"
          label={t("statement")}
          hint={t("statementHint")}
          maxLength={5000}
          rows={8}
          defaultValue={failed ? (state.values.statement ?? "") : props.statement}
          error={err("statement")}
          errorPrefix={p}
        />
      </form>
      {props.after}
      <div className="sticky bottom-0 z-10 mt-8 flex flex-wrap items-center gap-x-6 gap-y-2 border-t-2 border-line bg-white py-3">
        <button
          id="save"
          form="workspace-form"
          type="submit"
          disabled={pending}
          className="bg-brand px-5 py-3 text-lg font-bold text-white"
        >
          {t("save")}
        </button>
        <p role="status" className="font-bold">
          {state.status === "ok" && !pending ? t("savedTitle") : ""}
        </p>
        {props.approver ? (
          <a href="#submit" className="ml-auto">
            {t("goToSubmit")}
          </a>
        ) : null}
      </div>
    </div>
  );
}
