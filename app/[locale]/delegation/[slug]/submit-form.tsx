"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { submitFormalAction } from "./actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Checkbox } from "@/components/ui/field";
import { INITIAL_FORM } from "@/lib/forms/form-state";
import { fieldId, type TPositionField } from "@/lib/formal/schema";

type TKey = Parameters<ReturnType<typeof useTranslations<"delegation">>>[0];

/** The approver's sign-off: submits the saved draft (the version they are looking at) as the official response. */
export function SubmitFormalForm({
  locale,
  slug,
  version,
  country,
}: {
  locale: string;
  slug: string;
  version: number;
  country: string;
}) {
  const t = useTranslations("delegation");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(submitFormalAction, INITIAL_FORM);
  const href = (field: string) => {
    const [f, key] = field.split("@");
    if (key) return `#${fieldId(key, f as TPositionField)}`;
    return field === "statement" ? "#f-statement" : "#confirm";
  };
  const confirmError = state.errors.find((e) => e.field === "confirm");
  return (
    <>
      <ErrorSummary
        title={te("summaryTitle")}
        focusKey={state.nonce}
        errors={state.errors.map((e) => ({ href: href(e.field), text: t(e.key as TKey) }))}
      />
      <form action={action} noValidate key={state.nonce} className="max-w-xl">
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="version" value={version} />
        <Checkbox
          id="confirm"
          name="confirm"
          value="yes"
          label={t("confirm", { country })}
          error={confirmError ? t(confirmError.key as TKey) : undefined}
          errorPrefix={te("prefix")}
        />
        <button type="submit" disabled={pending} className="bg-success px-5 py-3 text-lg font-bold text-white">
          {t("submit")}
        </button>
      </form>
    </>
  );
}
