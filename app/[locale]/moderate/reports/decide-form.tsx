"use client";
// A reported comment's decision form (app/[locale]/moderate/reports): keep or withdraw the publication, with a
// reason. A Server Action with useActionState: without JavaScript the page is rendered again with the answer.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { decideReportAction } from "./actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Radios, TextArea } from "@/components/ui/field";
import { INITIAL_FORM } from "@/lib/forms/form-state";

type TKey = Parameters<ReturnType<typeof useTranslations<"commentReports">>>[0];

export function DecideReport({
  locale,
  slug,
  item,
  label,
}: {
  locale: string;
  slug: string;
  item: string;
  label: string;
}) {
  const t = useTranslations("commentReports");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(decideReportAction, INITIAL_FORM);
  const err = (field: string) => {
    const e = state.errors.find((x) => x.field === field);
    return e ? t(e.key as TKey) : undefined;
  };
  const id = `decide-${item}`;
  return (
    <>
      <ErrorSummary
        title={te("summaryTitle")}
        focusKey={state.nonce}
        errors={state.errors.map((e) => ({
          href: e.field === "reason" ? `#${id}-reason` : `#${id}-decision--kept`,
          text: t(e.key as TKey),
        }))}
      />
      <form action={action} noValidate key={state.nonce} aria-label={label} className="max-w-prose">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="item" value={item} />
        <Radios
          id={`${id}-decision`}
          name="decision"
          label={t("decision")}
          options={[
            { value: "kept", label: t("decision_kept") },
            { value: "withdrawn", label: t("decision_withdrawn") },
          ]}
          defaultValue={state.values.decision}
          error={err("decision")}
          errorPrefix={te("prefix")}
        />
        <TextArea
          id={`${id}-reason`}
          name="reason"
          label={t("decisionReason")}
          hint={t("decisionReasonHint")}
          maxLength={2000}
          rows={3}
          defaultValue={state.values.reason}
          error={err("reason")}
          errorPrefix={te("prefix")}
        />
        <button type="submit" disabled={pending} className="bg-brand px-5 py-3 font-bold text-white">
          {t("decide")}
        </button>
      </form>
    </>
  );
}
