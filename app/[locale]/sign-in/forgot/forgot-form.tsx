"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { forgotPasswordAction } from "./actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { INITIAL_FORM } from "@/lib/forms/form-state";

type TKey = Parameters<ReturnType<typeof useTranslations<"reset">>>[0];

export function ForgotForm({ locale }: { locale: string }) {
  const t = useTranslations("reset");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(forgotPasswordAction, INITIAL_FORM);
  const message = (key: string) => t(key as TKey, { minutes: state.info?.minutes ?? "15" });
  const emailError = state.errors.find((e) => e.field === "email");
  if (state.status === "ok")
    return (
      <Notice title={t("sentTitle")}>
        <p className="mb-2">{t("sent", { email: state.info?.email ?? "" })}</p>
        <p className="mb-2">{t("sentHelp")}</p>
        <p>
          <a href={`/${locale}/sign-in`}>{t("backToSignIn")}</a>
        </p>
      </Notice>
    );
  return (
    <>
      <ErrorSummary
        title={te("summaryTitle")}
        focusKey={state.nonce}
        errors={state.errors.map((e) => ({ href: "#forgot-email", text: message(e.key) }))}
      />
      <form action={action} noValidate key={state.nonce} className="max-w-md">
        <input type="hidden" name="locale" value={locale} />
        <TextInput
          id="forgot-email"
          name="email"
          type="email"
          label={t("email")}
          autoComplete="username"
          maxLength={254}
          defaultValue={state.values.email}
          error={emailError ? message(emailError.key) : undefined}
          errorPrefix={te("prefix")}
        />
        <button type="submit" disabled={pending} className="bg-success px-5 py-3 text-lg font-bold text-white">
          {t("send")}
        </button>
      </form>
      <p className="mt-6">
        <a href={`/${locale}/sign-in`}>{t("backToSignIn")}</a>
      </p>
    </>
  );
}
