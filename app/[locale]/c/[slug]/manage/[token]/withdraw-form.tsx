"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { withdrawAction } from "./actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Checkbox } from "@/components/ui/field";
import { INITIAL_FORM } from "@/lib/forms/form-state";

export function WithdrawForm({ locale, slug, token }: { locale: string; slug: string; token: string }) {
  const t = useTranslations("manage");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(withdrawAction, INITIAL_FORM);
  const e = state.errors[0];
  return (
    <>
      <ErrorSummary
        title={te("summaryTitle")}
        focusKey={state.nonce}
        errors={e ? [{ href: "#withdraw-confirm", text: t(e.key as "withdrawConfirm") }] : []}
      />
      <form action={action} noValidate key={state.nonce} className="max-w-xl">
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="token" value={token} />
        <Checkbox
          id="withdraw-confirm"
          name="confirm"
          value="yes"
          label={t("withdrawConfirmLabel")}
          error={e ? t(e.key as "withdrawConfirm") : undefined}
          errorPrefix={te("prefix")}
        />
        <button type="submit" disabled={pending} className="bg-error px-5 py-3 text-lg font-bold text-white">
          {t("withdraw")}
        </button>
      </form>
    </>
  );
}
