"use client";
// The consultation page's actions: each a small form posting to one Server Action.
import { useActionState, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { lifecycleAction } from "./actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextArea } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { INITIAL_FORM } from "@/lib/forms/form-state";

type TKey = Parameters<ReturnType<typeof useTranslations<"authoring">>>[0];

/** `after`: beside the button (a confirmation's "No, go back"). */
export function LifecycleForm({
  slug,
  intent,
  label,
  children,
  previewBase,
  after,
}: {
  slug: string;
  intent: string;
  label: string;
  children?: ReactNode;
  previewBase?: string;
  after?: ReactNode;
}) {
  const t = useTranslations("authoring");
  const locale = useLocale();
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(lifecycleAction, INITIAL_FORM);
  return (
    <>
      <ErrorSummary
        title={te("summaryTitle")}
        focusKey={state.nonce}
        errors={state.errors.map((e) => ({
          href: `#${intent}-${e.field === "form" ? "submit" : e.field}`,
          text: t(e.key as TKey),
        }))}
      />
      {state.status === "ok" ? <Notice>{t(`done_${intent}` as TKey)}</Notice> : null}
      {state.info?.token && previewBase ? (
        <p className="mb-4 break-all">
          {t("previewLink")}{" "}
          <a href={`${previewBase}?preview=${state.info.token}`}>{`${previewBase}?preview=${state.info.token}`}</a>
        </p>
      ) : null}
      <form action={action} noValidate key={state.nonce} className="mb-8 max-w-xl">
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="locale" value={locale} />
        {children}
        {state.errors.some((e) => e.field === "form") ? (
          <p className="mb-2 font-bold text-error">{t(state.errors[0].key as TKey)}</p>
        ) : null}
        <div className="flex flex-wrap items-center gap-4">
          <button
            id={`${intent}-submit`}
            type="submit"
            disabled={pending}
            className="bg-brand px-4 py-2 font-bold text-white"
          >
            {label}
          </button>
          {after}
        </div>
      </form>
    </>
  );
}

export function ExtendFields({ timeZone }: { timeZone: string }) {
  const t = useTranslations("authoring");
  const te = useTranslations("errors");
  return (
    <>
      <label htmlFor="extend-until" className="mb-1 block font-bold">
        {t("extendUntil")}
      </label>
      <p id="extend-until-hint" className="mb-2 text-muted">
        {t("field_date_hint_tz", { timeZone })}
      </p>
      <input
        id="extend-until"
        name="until"
        type="datetime-local"
        className="input mb-4 max-w-xs"
        aria-describedby="extend-until-hint"
      />
      <TextArea
        id="extend-reason"
        name="reason"
        label={t("extendReason")}
        maxLength={2000}
        rows={2}
        errorPrefix={te("prefix")}
      />
    </>
  );
}

export function CloseFields() {
  const t = useTranslations("authoring");
  const te = useTranslations("errors");
  return (
    <TextArea
      id="close-closeReason"
      name="closeReason"
      label={t("closeReason")}
      maxLength={2000}
      rows={2}
      errorPrefix={te("prefix")}
    />
  );
}
