"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { extensionAction, reopenAction } from "./actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Select, TextArea } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { INITIAL_FORM } from "@/lib/forms/form-state";

type TKey = Parameters<ReturnType<typeof useTranslations<"formal">>>[0];

/** Reopen one country's submitted response, with a reason the delegation sees. */
export function ReopenForm({ id, country }: { id: string; country: string }) {
  const t = useTranslations("formal");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(reopenAction, INITIAL_FORM);
  const e = state.errors[0];
  const fid = `reopen-${id}`;
  return (
    <form action={action} noValidate key={state.nonce} className="mt-2">
      <input type="hidden" name="id" value={id} />
      <TextArea
        id={fid}
        name="reason"
        label={t("reopenReason", { country })}
        maxLength={2000}
        rows={2}
        defaultValue={state.values.reason}
        error={e ? t(e.key as TKey) : undefined}
        errorPrefix={te("prefix")}
      />
      <button type="submit" disabled={pending} className="border-2 border-brand px-3 py-1 font-bold text-brand">
        {t("reopen", { country })}
      </button>
    </form>
  );
}

/** Admins: more time for one country. */
export function ExtensionForm({
  slug,
  countries,
  timeZone,
}: {
  slug: string;
  countries: { code: string; name: string }[];
  timeZone: string;
}) {
  const t = useTranslations("formal");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(extensionAction, INITIAL_FORM);
  const err = (f: string) => {
    const e = state.errors.find((x) => x.field === f);
    return e ? t(e.key as TKey) : undefined;
  };
  return (
    <>
      {state.status === "ok" ? <Notice>{t("extensionGranted")}</Notice> : null}
      <ErrorSummary
        title={te("summaryTitle")}
        focusKey={state.nonce}
        errors={state.errors.map((e) => ({ href: `#ext-${e.field}`, text: t(e.key as TKey) }))}
      />
      <form action={action} noValidate key={state.nonce} className="max-w-xl">
        <input type="hidden" name="slug" value={slug} />
        <Select
          id="ext-country"
          name="country"
          label={t("extCountry")}
          placeholder={t("extCountryPlaceholder")}
          defaultValue={state.values.country}
          options={countries.map((c) => ({ value: c.code, label: c.name }))}
          error={err("country")}
          errorPrefix={te("prefix")}
        />
        <div className={`mb-6 ${err("until") ? "border-l-4 border-error pl-4" : ""}`}>
          <label htmlFor="ext-until" className="mb-1 block font-bold">
            {t("extUntil")}
          </label>
          <p id="ext-until-hint" className="mb-2 text-muted">
            {t("extUntilHint", { timeZone })}
          </p>
          {err("until") ? (
            <p id="ext-until-error" className="mb-2 font-bold text-error">
              <span className="sr-only">{te("prefix")} </span>
              {err("until")}
            </p>
          ) : null}
          <input
            id="ext-until"
            name="until"
            type="datetime-local"
            defaultValue={state.values.until}
            className="input max-w-xs"
            aria-describedby={`ext-until-hint${err("until") ? " ext-until-error" : ""}`}
            aria-invalid={err("until") ? true : undefined}
          />
        </div>
        <TextArea
          id="ext-reason"
          name="reason"
          label={t("extReason")}
          maxLength={1500}
          rows={2}
          defaultValue={state.values.reason}
          error={err("reason")}
          errorPrefix={te("prefix")}
        />
        <button type="submit" disabled={pending} className="bg-brand px-5 py-3 font-bold text-white">
          {t("extGrant")}
        </button>
      </form>
    </>
  );
}
