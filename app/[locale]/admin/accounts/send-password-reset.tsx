"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { formatInstant } from "@/lib/consultations/format-instant";
import { sendPasswordResetAction } from "./actions";
import { CopyLink } from "@/components/admin/copy-link";
import { INITIAL_FORM } from "@/lib/forms/form-state";

type TKey = Parameters<ReturnType<typeof useTranslations<"reset">>>[0];

/**
 * "Send a password reset" for one account. With email set up the link goes only to the account's address; without,
 * the answer shows it this once (it is in no page the admin can reload).
 */
export function SendPasswordReset({ id, name, locale }: { id: string; name: string; locale: string }) {
  const t = useTranslations("reset");
  const [state, action, pending] = useActionState(sendPasswordResetAction, INITIAL_FORM);
  const info = state.status === "ok" ? state.info : undefined;
  const e = state.errors[0];
  const expires = info?.expires ? formatInstant(new Date(info.expires), locale, "UTC") : "";
  return (
    <div className="mt-2">
      <form action={action} noValidate>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" disabled={pending} className="border-2 border-brand px-3 py-1 font-bold text-brand">
          {t("sendButton", { name })}
        </button>
      </form>
      {/* A live region, not role="status": each account's row already has one for its own form. */}
      <div aria-live="polite">
        {info ? (
          info.emailed === "true" ? (
            <p className="mt-1">{t("adminSentEmailed", { email: info.email, expires })}</p>
          ) : (
            <>
              <p className="mt-1">{t("adminSentNotEmailed", { email: info.email, expires })}</p>
              <p className="break-all font-mono select-all" data-testid="reset-link">
                {info.link}
              </p>
            </>
          )
        ) : e ? (
          <p className="mt-1 font-bold text-error">{t(e.key as TKey)}</p>
        ) : null}
      </div>
      {info?.link ? (
        <CopyLink text={info.link} label={t("copyLink")} done={t("copied")} failed={t("copyFailed")} />
      ) : null}
    </div>
  );
}
