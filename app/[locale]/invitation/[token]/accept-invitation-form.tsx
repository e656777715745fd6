"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { acceptInvitationAction } from "./actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextInput } from "@/components/ui/field";
import { INITIAL_FORM } from "@/lib/forms/form-state";

type TKey = Parameters<ReturnType<typeof useTranslations<"invitations">>>[0];

function Password({
  id,
  name,
  label,
  hint,
  error,
  prefix,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  prefix: string;
}) {
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-error pl-4" : ""}`}>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mb-2 text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mb-2 font-bold text-error">
          <span className="sr-only">{prefix} </span>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type="password"
        autoComplete="new-password"
        maxLength={1000}
        aria-describedby={described}
        aria-invalid={error ? true : undefined}
        className={`input max-w-md ${error ? "input-error" : ""}`}
      />
    </div>
  );
}

export function AcceptInvitationForm({ locale, token, name }: { locale: string; token: string; name: string }) {
  const t = useTranslations("invitations");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(acceptInvitationAction, INITIAL_FORM);
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
          href: e.field === "form" ? "#accept-name" : `#accept-${e.field}`,
          text: message(e.key),
        }))}
      />
      {state.info?.signIn ? (
        <p className="mb-6">
          <a href={state.info.signIn}>{t("signInNow")}</a>
        </p>
      ) : null}
      <form action={action} noValidate key={state.nonce} className="max-w-xl">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="token" value={token} />
        {formError ? <p className="mb-4 font-bold text-error">{formError}</p> : null}
        <TextInput
          id="accept-name"
          name="name"
          label={t("name")}
          maxLength={200}
          defaultValue={state.values.name ?? name}
          autoComplete="name"
          error={err("name")}
          errorPrefix={te("prefix")}
        />
        <Password
          id="accept-password"
          name="password"
          label={t("password")}
          hint={t("passwordHint")}
          error={err("password")}
          prefix={te("prefix")}
        />
        <Password
          id="accept-confirm"
          name="confirm"
          label={t("confirm")}
          error={err("confirm")}
          prefix={te("prefix")}
        />
        <button type="submit" disabled={pending} className="bg-success px-5 py-3 text-lg font-bold text-white">
          {t("create")}
        </button>
      </form>
    </>
  );
}
