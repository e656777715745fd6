"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { expectedAction, remindAction } from "./actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextArea } from "@/components/ui/field";
import { INITIAL_FORM } from "@/lib/forms/form-state";

type TKey = Parameters<ReturnType<typeof useTranslations<"countryTracker">>>[0];

/** Admins: a reminder to one delegation now (logged); the answer shows in the row. */
export function RemindForm({ slug, country, name }: { slug: string; country: string; name: string }) {
  const t = useTranslations("countryTracker");
  const [state, action, pending] = useActionState(remindAction, INITIAL_FORM);
  const e = state.errors[0];
  return (
    <form action={action} key={state.nonce}>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="country" value={country} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t("remindLabel", { country: name })}
        className="border-2 border-brand px-2 py-1 font-bold text-brand"
      >
        {t("remind")}
      </button>
      <p role="status" className="mt-1">
        {state.status === "ok"
          ? t("remindSent", { count: Number(state.info?.count ?? 0), country: name })
          : e
            ? t(e.key as TKey)
            : null}
      </p>
    </form>
  );
}

/** Admins: the countries expected to answer, as ISO codes. */
export function ExpectedForm({ slug, countries }: { slug: string; countries: string }) {
  const t = useTranslations("countryTracker");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(expectedAction, INITIAL_FORM);
  const e = state.errors[0];
  return (
    <>
      {state.status === "ok" ? (
        <p role="status" className="mb-4 border-l-8 border-brand bg-panel p-4">
          {t("expectedSaved", { count: Number(state.info?.count ?? 0) })}
        </p>
      ) : null}
      <ErrorSummary
        title={te("summaryTitle")}
        focusKey={state.nonce}
        errors={state.errors.map((x) => ({ href: "#expected", text: t(x.key as TKey) }))}
      />
      <form action={action} noValidate key={state.nonce} className="max-w-xl">
        <input type="hidden" name="slug" value={slug} />
        <TextArea
          id="expected"
          name="countries"
          label={t("expectedLabel")}
          hint={t("expectedHint")}
          maxLength={2000}
          rows={3}
          defaultValue={state.values.countries ?? countries}
          error={e ? t(e.key as TKey) : undefined}
          errorPrefix={te("prefix")}
        />
        <button type="submit" disabled={pending} className="border-2 border-brand px-4 py-2 font-bold text-brand">
          {t("expectedSave")}
        </button>
      </form>
    </>
  );
}
