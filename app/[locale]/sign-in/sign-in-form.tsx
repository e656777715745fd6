"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInAction } from "./actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextInput } from "@/components/ui/field";
import { INITIAL_FORM } from "@/lib/forms/form-state";

export function SignInForm({ locale, callbackUrl }: { locale: string; callbackUrl: string }) {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(signInAction, INITIAL_FORM);
  const errorOf = (name: string) => {
    const e = state.errors.find((x) => x.field === name);
    return e ? t(e.key as "invalid") : undefined;
  };
  return (
    <>
      <ErrorSummary
        title={te("summaryTitle")}
        focusKey={state.nonce}
        errors={state.errors.map((e) => ({ href: `#${e.field}`, text: t(e.key as "invalid") }))}
      />
      <form action={action} noValidate key={state.nonce} className="max-w-md">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <TextInput
          id="email"
          name="email"
          type="email"
          label={t("email")}
          autoComplete="username"
          maxLength={254}
          defaultValue={state.values.email}
          error={errorOf("email")}
          errorPrefix={te("prefix")}
        />
        <div className="mb-6">
          <label htmlFor="password" className="mb-1 block font-bold">
            {t("password")}
          </label>
          {errorOf("password") ? (
            <p id="password-error" className="mb-2 font-bold text-error">
              {errorOf("password")}
            </p>
          ) : null}
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            maxLength={1000}
            aria-describedby={errorOf("password") ? "password-error" : undefined}
            aria-invalid={errorOf("password") ? true : undefined}
            className={`input ${errorOf("password") ? "input-error" : ""}`}
          />
        </div>
        <button type="submit" disabled={pending} className="bg-success px-5 py-3 text-lg font-bold text-white">
          {t("submit")}
        </button>
      </form>
    </>
  );
}
