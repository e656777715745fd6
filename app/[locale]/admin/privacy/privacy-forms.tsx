"use client";
import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { eraseAction, retentionAction } from "./actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Checkbox, TextInput } from "@/components/ui/field";
import { INITIAL_FORM } from "@/lib/forms/form-state";

type TKey = Parameters<ReturnType<typeof useTranslations<"privacyAdmin">>>[0];

/** The first step: which response, and that the respondent asked. The confirmation page follows (nothing is erased before). */
export function EraseForm() {
  const t = useTranslations("privacyAdmin");
  const te = useTranslations("errors");
  const locale = useLocale();
  const [state, action, pending] = useActionState(eraseAction, INITIAL_FORM);
  const err = (f: string) => {
    const e = state.errors.find((x) => x.field === f);
    return e ? t(e.key as TKey) : undefined;
  };
  return (
    <>
      <ErrorSummary
        title={te("summaryTitle")}
        focusKey={state.nonce}
        errors={state.errors.map((e) => ({ href: `#erase-${e.field}`, text: t(e.key as TKey) }))}
      />
      <form action={action} noValidate key={state.nonce} className="max-w-xl">
        <input type="hidden" name="locale" value={locale} />
        <TextInput
          id="erase-reference"
          name="reference"
          label={t("reference")}
          hint={t("referenceHint")}
          maxLength={40}
          width="max-w-xs"
          defaultValue={state.values.reference}
          error={err("reference")}
          errorPrefix={te("prefix")}
        />
        <Checkbox
          id="erase-requested"
          name="requested"
          value="yes"
          label={t("confirm")}
          error={err("requested")}
          errorPrefix={te("prefix")}
        />
        <button type="submit" disabled={pending} className="bg-error px-5 py-3 font-bold text-white">
          {t("erase")}
        </button>
      </form>
    </>
  );
}

/** The confirmation page's form: the same fields, and `confirm` (the reference shown). */
export function EraseConfirmForm({ reference, back }: { reference: string; back: string }) {
  const t = useTranslations("privacyAdmin");
  const te = useTranslations("errors");
  const locale = useLocale();
  const [state, action, pending] = useActionState(eraseAction, INITIAL_FORM);
  return (
    <>
      <ErrorSummary
        title={te("summaryTitle")}
        focusKey={state.nonce}
        errors={state.errors.map((e) => ({ href: "#erase-confirm-submit", text: t(e.key as TKey) }))}
      />
      <form action={action} noValidate className="flex flex-wrap items-center gap-4">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="reference" value={reference} />
        <input type="hidden" name="requested" value="yes" />
        <input type="hidden" name="confirm" value={reference} />
        <button
          id="erase-confirm-submit"
          type="submit"
          disabled={pending}
          className="bg-error px-5 py-3 font-bold text-white"
        >
          {t("confirmYes")}
        </button>
        <a href={back} className="px-4 py-2 font-bold">
          {t("confirmNo")}
        </a>
      </form>
    </>
  );
}

export function RetentionForm({
  id,
  slug,
  title,
  days,
  publishFormal,
}: {
  id: string;
  slug: string;
  title: string;
  days: number | null;
  publishFormal: boolean;
}) {
  const t = useTranslations("privacyAdmin");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(retentionAction, INITIAL_FORM);
  const e = state.errors[0];
  return (
    <form action={action} noValidate key={state.nonce} className="mb-8 border-l-4 border-line pl-4">
      <h3 className="mb-2 text-lg font-bold">{title}</h3>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="slug" value={slug} />
      {state.status === "ok" ? <p className="mb-2 font-bold">{t("retentionSaved")}</p> : null}
      <Checkbox
        id={`publish-formal-${slug}`}
        name="publishFormal"
        value="yes"
        label={t("publishFormal")}
        defaultChecked={publishFormal}
        errorPrefix={te("prefix")}
      />
      <TextInput
        id={`retention-${slug}`}
        name="days"
        label={t("retentionLabel")}
        hint={t("retentionHint")}
        maxLength={4}
        width="max-w-[8rem]"
        defaultValue={state.values.days ?? (days === null ? "" : String(days))}
        error={e ? t(e.key as TKey) : undefined}
        errorPrefix={te("prefix")}
      />
      <button type="submit" disabled={pending} className="border-2 border-brand px-3 py-1 font-bold text-brand">
        {t("retentionSave")}
      </button>
    </form>
  );
}
