"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { reportCommentAction } from "./actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Radios, TextArea } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { INITIAL_FORM } from "@/lib/forms/form-state";
import { REPORT_REASONS } from "@/lib/comment-reports/schema";

type TKey = Parameters<ReturnType<typeof useTranslations<"commentReports">>>[0];

export function ReportForm({ locale, slug, item, back }: { locale: string; slug: string; item: string; back: string }) {
  const t = useTranslations("commentReports");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(reportCommentAction, INITIAL_FORM);
  const message = (key: string) => t(key as TKey, { minutes: state.info?.minutes ?? "60" });
  const err = (field: string) => {
    const e = state.errors.find((x) => x.field === field);
    return e ? message(e.key) : undefined;
  };
  if (state.status === "ok")
    return (
      <div role="status">
        <Notice title={t("sentTitle")}>
          <p className="mb-2">{t("sent")}</p>
          <p>
            <a href={back}>{t("backToComments")}</a>
          </p>
        </Notice>
      </div>
    );
  return (
    <>
      <ErrorSummary
        title={te("summaryTitle")}
        focusKey={state.nonce}
        errors={state.errors.map((e) => ({
          href: e.field === "details" ? "#report-details" : `#report-reason--${REPORT_REASONS[0]}`,
          text: message(e.key),
        }))}
      />
      <form action={action} noValidate key={state.nonce} className="max-w-prose">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="item" value={item} />
        <Radios
          id="report-reason"
          name="reason"
          label={t("reason")}
          options={REPORT_REASONS.map((r) => ({ value: r, label: t(`reason_${r}`) }))}
          defaultValue={state.values.reason}
          error={err("reason")}
          errorPrefix={te("prefix")}
        />
        <TextArea
          id="report-details"
          name="details"
          label={t("details")}
          hint={t("detailsHint")}
          maxLength={2000}
          defaultValue={state.values.details}
          error={err("details")}
          errorPrefix={te("prefix")}
        />
        <button type="submit" disabled={pending} className="bg-brand px-5 py-3 text-lg font-bold text-white">
          {t("send")}
        </button>
      </form>
      <p className="mt-6">
        <a href={back}>{t("backToComments")}</a>
      </p>
    </>
  );
}
