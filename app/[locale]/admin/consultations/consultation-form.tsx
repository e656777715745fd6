"use client";
// Create a consultation: its texts in both languages, the dates in its time
// zone, and the draft as two Markdown files (or pasted). "Check" shows how
// the drafts were read and every misalignment; "Save as draft" keeps it hidden.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createConsultationAction, editConsultationAction } from "./actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { Select, TextArea, TextInput } from "@/components/ui/field";
import { INITIAL_FORM } from "@/lib/forms/form-state";
import type { TDraftCheck } from "@/lib/drafting/align-drafts";
import { DraftCheck } from "@/components/admin/draft-check";

type TKey = Parameters<ReturnType<typeof useTranslations<"authoring">>>[0];
const NAMED = new Set(["required", "tooLong", "dateInvalid"]);

/** `edit`: an existing consultation (its address and draft text stay; dates only while it is a draft). */
export function ConsultationForm({
  locale,
  timeZones,
  edit,
}: {
  locale: string;
  timeZones: string[];
  edit?: { slug: string; values: Record<string, string>; draft: boolean };
}) {
  const t = useTranslations("authoring");
  const tl = useTranslations("draftLabels");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(
    edit ? editConsultationAction : createConsultationAction,
    INITIAL_FORM,
  );
  const v = state.status === "idle" && edit ? edit.values : state.values;
  const dates = !edit || edit.draft;
  // The generic messages ("Fill this in") name their field, so a summary of eight of them says which eight.
  const label = (f: string): string => {
    const m = /^(.+)(En|Fr)$/.exec(f);
    if (m && (m[1] === "sectionLabel" || m[1] === "itemLabel")) return tl(`${m[1]}_${m[2] as "En"}`);
    if (f === "markdownEn" || f === "markdownFr") return t(`field_markdown_${f.slice(-2) as "En"}`);
    return t((m ? `field_${m[1]}_${m[2]}` : `field_${f}`) as TKey);
  };
  const text = (e: { field: string; key: string }) =>
    e.key === "labelInvalid"
      ? tl("labelInvalid", { field: label(e.field) })
      : NAMED.has(e.key)
        ? t(`${e.key}Named` as TKey, { field: label(e.field) })
        : t(e.key as TKey);
  const err = (f: string) => {
    const e = state.errors.find((x) => x.field === f);
    return e ? text(e) : undefined;
  };
  const p = te("prefix");
  const check = state.info?.check ? (JSON.parse(state.info.check) as TDraftCheck) : null;
  const pair = (name: string, kind: "input" | "area", max: number, rows = 3) =>
    (["En", "Fr"] as const).map((l) => {
      const field = `${name}${l}`;
      const props = {
        id: `cf-${field}`,
        name: field,
        label: t(`field_${name}_${l}` as TKey),
        maxLength: max,
        defaultValue: v[field],
        error: err(field),
        errorPrefix: p,
      };
      return kind === "input" ? <TextInput key={field} {...props} /> : <TextArea key={field} {...props} rows={rows} />;
    });
  return (
    <>
      <ErrorSummary
        title={te("summaryTitle")}
        focusKey={state.nonce}
        errors={state.errors.map((e) => ({ href: `#cf-${e.field}`, text: text(e) }))}
      />
      {state.status === "ok" && edit ? <Notice>{t("saved")}</Notice> : null}
      <form action={action} noValidate key={state.nonce} encType="multipart/form-data">
        <input type="hidden" name="locale" value={locale} />
        {edit ? (
          <input type="hidden" name="slug" value={edit.slug} />
        ) : (
          <TextInput
            id="cf-slug"
            name="slug"
            label={t("field_slug")}
            hint={t("field_slug_hint")}
            maxLength={64}
            defaultValue={v.slug}
            error={err("slug")}
            errorPrefix={p}
            width="max-w-md"
          />
        )}
        {!dates ? (
          <input type="hidden" name="referencePrefix" value={v.referencePrefix} />
        ) : (
          <TextInput
            id="cf-referencePrefix"
            name="referencePrefix"
            label={t("field_referencePrefix")}
            hint={t("field_referencePrefix_hint")}
            maxLength={12}
            defaultValue={v.referencePrefix}
            error={err("referencePrefix")}
            errorPrefix={p}
            width="max-w-[10rem]"
          />
        )}
        {pair("title", "input", 300)}
        {pair("summary", "area", 4000)}
        {pair("askedFor", "area", 4000)}
        {pair("audience", "area", 4000)}
        {pair("privacy", "area", 8000, 4)}
        <h2 className="mt-8 mb-2 text-2xl font-bold">{tl("title")}</h2>
        <p className="mb-4 max-w-prose">{tl("intro")}</p>
        {(["sectionLabel", "itemLabel"] as const).flatMap((name) =>
          (["En", "Fr"] as const).map((l) => (
            <TextInput
              key={`${name}${l}`}
              id={`cf-${name}${l}`}
              name={`${name}${l}`}
              label={tl(`${name}_${l}`)}
              hint={tl(`${name}_hint_${l}`)}
              maxLength={40}
              defaultValue={v[`${name}${l}`]}
              error={err(`${name}${l}`)}
              errorPrefix={p}
              width="max-w-xs"
            />
          )),
        )}
        {!dates ? (
          <>
            <p className="mb-6 max-w-prose">{t("datesPublished")}</p>
            {(["timeZone", "opensAt", "closesAt"] as const).map((f) => (
              <input key={f} type="hidden" name={f} value={v[f]} />
            ))}
          </>
        ) : null}
        {dates ? (
          <Select
            id="cf-timeZone"
            name="timeZone"
            label={t("field_timeZone")}
            placeholder={t("field_timeZone_choose")}
            defaultValue={v.timeZone ?? "Europe/Paris"}
            options={timeZones.map((z) => ({ value: z, label: z }))}
            error={err("timeZone")}
            errorPrefix={p}
          />
        ) : null}
        {dates &&
          (["opensAt", "closesAt"] as const).map((f) => (
            <div key={f} className={`mb-6 ${err(f) ? "border-l-4 border-error pl-4" : ""}`}>
              <label htmlFor={`cf-${f}`} className="mb-1 block font-bold">
                {t(`field_${f}`)}
              </label>
              <p id={`cf-${f}-hint`} className="mb-2 text-muted">
                {t("field_date_hint")}
              </p>
              {err(f) ? (
                <p id={`cf-${f}-error`} className="mb-2 font-bold text-error">
                  <span className="sr-only">{p}: </span>
                  {err(f)}
                </p>
              ) : null}
              <input
                id={`cf-${f}`}
                name={f}
                type="datetime-local"
                defaultValue={v[f]}
                className="input max-w-xs"
                aria-describedby={`cf-${f}-hint${err(f) ? ` cf-${f}-error` : ""}`}
                aria-invalid={err(f) ? true : undefined}
              />
            </div>
          ))}
        {edit ? (
          <button type="submit" disabled={pending} className="bg-success px-5 py-3 font-bold text-white">
            {t("saveEdit")}
          </button>
        ) : (
          <>
            <h2 className="mt-8 mb-2 text-2xl font-bold">{t("draftTitle")}</h2>
            <p className="mb-4 max-w-prose">{t("draftHint")}</p>
            {(["En", "Fr"] as const).map((l) => (
              <div key={l} className="mb-6">
                <label htmlFor={`cf-markdown${l}File`} className="mb-1 block font-bold">
                  {t(`field_markdownFile_${l}`)}
                </label>
                <input
                  id={`cf-markdown${l}File`}
                  name={`markdown${l}File`}
                  type="file"
                  accept=".md,.markdown,text/markdown,text/plain"
                  className="mb-2 block"
                />
                <TextArea
                  id={`cf-markdown${l}`}
                  name={`markdown${l}`}
                  label={t(`field_markdown_${l}`)}
                  hint={t("field_markdown_hint")}
                  maxLength={400_000}
                  rows={8}
                  defaultValue={v[`markdown${l}`]}
                  error={err(`markdown${l}`)}
                  errorPrefix={p}
                />
              </div>
            ))}
            {check ? <DraftCheck check={check} /> : null}
            <div className="flex flex-wrap gap-4">
              <button
                type="submit"
                name="intent"
                value="check"
                disabled={pending}
                className="border-2 border-brand px-5 py-3 font-bold text-brand"
              >
                {t("check")}
              </button>
              <button
                type="submit"
                name="intent"
                value="save"
                disabled={pending}
                className="bg-success px-5 py-3 font-bold text-white"
              >
                {t("saveDraft")}
              </button>
            </div>
          </>
        )}
      </form>
    </>
  );
}
