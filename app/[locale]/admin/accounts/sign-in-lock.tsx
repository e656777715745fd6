"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { unlockSignInAction } from "./actions";
import { INITIAL_FORM } from "@/lib/forms/form-state";

type TKey = Parameters<ReturnType<typeof useTranslations<"accounts">>>[0];
export type TLockView = { failures: number; addresses: number; ceiling: boolean; until: string };

/**
 * An account locked by failed sign-ins: what happened and until when, and a button to unlock it.
 * Rendered for every account (lock null when there is none) so "unlocked" stays after the page refreshes.
 */
export function SignInLock({ id, name, lock }: { id: string; name: string; lock: TLockView | null }) {
  const t = useTranslations("accounts");
  const [state, action, pending] = useActionState(unlockSignInAction, INITIAL_FORM);
  const e = state.errors[0];
  if (!lock && state.status === "idle") return null;
  return (
    <div className={lock ? "mt-2 border-l-4 border-error pl-4" : "mt-2"}>
      {lock ? (
        <p className="font-bold">
          {t("lockState", {
            failures: lock.failures,
            addresses: lock.addresses,
            ceiling: lock.ceiling ? "yes" : "no",
            until: lock.until,
          })}
        </p>
      ) : null}
      {lock ? (
        <form action={action} noValidate className="mt-1">
          <input type="hidden" name="id" value={id} />
          <button type="submit" disabled={pending} className="border-2 border-brand px-3 py-1 font-bold text-brand">
            {t("unlock", { name })}
          </button>
        </form>
      ) : null}
      <p role="status">{state.status === "ok" ? t("unlocked") : e ? t(e.key as TKey) : ""}</p>
    </div>
  );
}
