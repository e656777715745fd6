"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { formatInstant } from "@/lib/consultations/format-instant";
import { inviteAction } from "./actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Radios, Select, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { CopyLink } from "@/components/admin/copy-link";
import { INITIAL_FORM } from "@/lib/forms/form-state";

type TKey = Parameters<ReturnType<typeof useTranslations<"invitations">>>[0];

export function InviteForm({ locale, countries }: { locale: string; countries: { code: string; name: string }[] }) {
  const t = useTranslations("invitations");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(inviteAction, INITIAL_FORM);
  const err = (field: string) => {
    const e = state.errors.find((x) => x.field === field);
    return e ? t(e.key as TKey) : undefined;
  };
  const v = state.values;
  const info = state.info;
  const expires = info ? formatInstant(new Date(info.expires), locale, "UTC") : "";
  return (
    <>
      {info ? (
        <Notice title={t("sentTitle")}>
          {info.emailed === "true" ? (
            <>
              <p className="mb-2">{t("sentEmailed", { email: info.email, expires })}</p>
              <p className="mb-2">{t("sentEmailedLink")}</p>
            </>
          ) : (
            <p className="mb-2">{t("sentNotEmailed", { email: info.email, expires })}</p>
          )}
          <p className="break-all font-mono select-all" data-testid="invitation-link">
            {info.link}
          </p>
          <CopyLink text={info.link} label={t("copyLink")} done={t("copied")} failed={t("copyFailed")} />
        </Notice>
      ) : null}
      <ErrorSummary
        title={te("summaryTitle")}
        focusKey={state.nonce}
        errors={state.errors.map((e) => ({
          href: `#invite-${e.field}${e.field === "role" || e.field === "delegationRole" ? "--" + (e.field === "role" ? "delegate" : "drafter") : ""}`,
          text: t(e.key as TKey),
        }))}
      />
      <form action={action} noValidate key={state.nonce} className="max-w-xl">
        <input type="hidden" name="locale" value={locale} />
        <TextInput
          id="invite-name"
          name="name"
          label={t("name")}
          maxLength={200}
          defaultValue={v.name}
          error={err("name")}
          errorPrefix={te("prefix")}
        />
        <TextInput
          id="invite-email"
          name="email"
          type="email"
          label={t("email")}
          maxLength={254}
          defaultValue={v.email}
          error={err("email")}
          errorPrefix={te("prefix")}
        />
        <Radios
          id="invite-role"
          name="role"
          label={t("role")}
          defaultValue={v.role ?? "delegate"}
          error={err("role")}
          errorPrefix={te("prefix")}
          options={(["delegate", "moderator", "admin"] as const).map((r) => ({
            value: r,
            label: t(`role_${r}`),
            hint: t(`role_${r}_hint`),
          }))}
        />
        <Select
          id="invite-country"
          name="country"
          label={t("country")}
          placeholder={t("countryPlaceholder")}
          defaultValue={v.country}
          error={err("country")}
          errorPrefix={te("prefix")}
          options={countries.map((c) => ({ value: c.code, label: c.name }))}
        />
        <Radios
          id="invite-delegationRole"
          name="delegationRole"
          label={t("delegationRole")}
          defaultValue={v.delegationRole}
          error={err("delegationRole")}
          errorPrefix={te("prefix")}
          options={(["drafter", "approver"] as const).map((r) => ({
            value: r,
            label: t(`delegationRole_${r}`),
            hint: t(`delegationRole_${r}_hint`),
          }))}
        />
        <button type="submit" disabled={pending} className="bg-success px-5 py-3 text-lg font-bold text-white">
          {t("send")}
        </button>
      </form>
    </>
  );
}
