"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { updateAccountAction } from "@/app/[locale]/admin/actions";
import { INITIAL_FORM } from "@/lib/forms/form-state";

type TKey = Parameters<ReturnType<typeof useTranslations<"accounts">>>[0];
type TAccount = { id: string; name: string; role: string; delegationRole: string | null; active: boolean };

/** One account's role (or a delegate's part) and whether it may sign in. */
export function AccountForm({ account, self }: { account: TAccount; self: boolean }) {
  const t = useTranslations("accounts");
  const [state, action, pending] = useActionState(updateAccountAction, INITIAL_FORM);
  if (self) return <span className="text-muted">{t("you")}</span>;
  const e = state.errors[0];
  const id = `acct-${account.id}`;
  return (
    <form action={action} noValidate className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="id" value={account.id} />
      {account.role === "delegate" ? (
        <div>
          <label htmlFor={`${id}-part`} className="block text-sm">
            {t("part", { name: account.name })}
          </label>
          <select
            id={`${id}-part`}
            name="delegationRole"
            defaultValue={account.delegationRole ?? "drafter"}
            className="input"
          >
            <option value="drafter">{t("part_drafter")}</option>
            <option value="approver">{t("part_approver")}</option>
          </select>
        </div>
      ) : (
        <div>
          <label htmlFor={`${id}-role`} className="block text-sm">
            {t("role", { name: account.name })}
          </label>
          <select id={`${id}-role`} name="role" defaultValue={account.role} className="input">
            <option value="moderator">{t("role_moderator")}</option>
            <option value="admin">{t("role_admin")}</option>
          </select>
        </div>
      )}
      <div>
        <label htmlFor={`${id}-active`} className="block text-sm">
          {t("access", { name: account.name })}
        </label>
        <select id={`${id}-active`} name="active" defaultValue={account.active ? "yes" : "no"} className="input">
          <option value="yes">{t("active")}</option>
          <option value="no">{t("deactivated")}</option>
        </select>
      </div>
      <button type="submit" disabled={pending} className="border-2 border-brand px-3 py-1 font-bold text-brand">
        {t("save", { name: account.name })}
      </button>
      <span role="status" className="w-full">
        {state.status === "ok"
          ? t("saved", { changed: state.info?.changed || t("nothing") })
          : e
            ? t(e.key as TKey)
            : ""}
      </span>
    </form>
  );
}
