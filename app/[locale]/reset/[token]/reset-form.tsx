"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { resetPasswordAction } from "./actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextInput } from "@/components/ui/field";
import { INITIAL_FORM } from "@/lib/forms/form-state";

type TKey = Parameters<ReturnType<typeof useTranslations<"reset">>>[0];

export function ResetForm({ locale, token }: { locale: string; token: string }) {
  const t = useTranslations("reset");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(resetPasswordAction, INITIAL_FORM);
  const message = (key: string) => t(key as TKey, { minutes: state.info?.minutes ?? "15" });
  const err = (field: string) => {
    const e = state.errors.find((x) => x.field === field);
    return e ? message(e.key) : undefined;
  };
  const formError = err("form");
  return (
    <>
      <ErrorSummary
        title={te("summaryTitle")}
        focusKey={state.nonce}
        errors={state.errors.map((e) => ({
          href: e.field === "form" ? "#reset-password" : `#reset-${e.field}`,
          text: message(e.key),
        }))}
      />
      {state.info?.refused ? (
        <p className="mb-6">
          <a href={`/${locale}/sign-in/forgot`}>{t("askAgain")}</a>
        </p>
      ) : null}
      <form action={action} noValidate key={state.nonce} className="max-w-xl">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="token" value={token} />
        {formError ? <p className="mb-4 font-bold text-error">{formError}</p> : null}
        <TextInput
          id="reset-password"
          name="password"
          type="password"
          label={t("password")}
          hint={t("passwordHint")}
          autoComplete="new-password"
          maxLength={1000}
          error={err("password")}
          errorPrefix={te("prefix")}
        />
        <TextInput
          id="reset-confirm"
          name="confirm"
          type="password"
          label={t("confirm")}
          autoComplete="new-password"
          maxLength={1000}
          error={err("confirm")}
          errorPrefix={te("prefix")}
        />
        <button type="submit" disabled={pending} className="bg-success px-5 py-3 text-lg font-bold text-white">
          {t("submit")}
        </button>
      </form>
    </>
  );
}
