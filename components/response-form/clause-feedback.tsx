"use client";
// One clause's feedback: clarity, language, feasibility. A <details> so the
// long draft stays scannable; it opens when it holds text or an error.
import { useTranslations } from "next-intl";
import { Radios, TextArea, TextInput } from "@/components/ui/field";
import { ErrorMessage } from "@/components/ui/field";
import { ClauseBody } from "@/components/clause-body";
import { clauseFieldName, clauseGroupId } from "@/lib/responses/form-fields";
import { LIMITS } from "@/lib/responses/limits";
import type { TFieldProps } from "./field-props";

export type TFormClause = { key: string; label: string; title: string; body: string };

export function ClauseFeedback({ clause, open, f, hasValues }: { clause: TFormClause; open: boolean; f: TFieldProps; hasValues: boolean }) {
  const t = useTranslations("respond");
  const te = useTranslations("errors");
  const name = (aspect: string, field: string) => clauseFieldName(clause.key, aspect, field);
  const ratings = (low: string, high: string) => [
    { value: "", label: t("noRating") },
    { value: "1", label: low },
    { value: "2", label: t("rating2") },
    { value: "3", label: t("rating3") },
    { value: "4", label: t("rating4") },
    { value: "5", label: high },
  ];
  const groupError = f.errorText(`c:${clause.key}`);
  const prefix = te("summaryTitle");

  return (
    <details id={clauseGroupId(clause.key)} open={open || undefined} className="mb-4 border-2 border-line" data-clause={clause.key}>
      <summary className="bg-panel p-3 font-bold">
        {t("clauseOpen", { label: clause.title })}
        {hasValues ? <span className="ml-2 font-normal text-muted">{t("clauseHasFeedback")}</span> : null}
      </summary>
      <div className="p-4" id={`clause-${clause.key}`}>
        <ClauseBody text={clause.body} className="mb-4 border-l-4 border-line pl-4 text-muted" />
        <ErrorMessage id={clauseGroupId(clause.key)} error={groupError} prefix={prefix} />

        <fieldset className="mb-6">
          <legend className="mb-2 text-xl font-bold">{t("clarity")}</legend>
          <p className="mb-3 text-muted">{t("clarityHint")}</p>
          <Radios {...f.field(name("clarity", "rating"))} label={t("clarityRating")} inline errorPrefix={prefix}
            options={ratings(t("rating1"), t("rating5"))} />
          <TextArea {...f.field(name("clarity", "comment"))} label={t("clarityComment")} maxLength={LIMITS.comment} errorPrefix={prefix} />
        </fieldset>

        <fieldset className="mb-6">
          <legend className="mb-2 text-xl font-bold">{t("language")}</legend>
          <p className="mb-3 text-muted">{t("languageHint")}</p>
          <TextInput {...f.field(name("language", "term"))} label={t("term")} maxLength={LIMITS.term} errorPrefix={prefix} />
          <TextArea {...f.field(name("language", "proposedWording"))} label={t("proposedWording")} rows={2} maxLength={LIMITS.proposedWording} errorPrefix={prefix} />
          <TextArea {...f.field(name("language", "reason"))} label={t("reason")} rows={3} maxLength={LIMITS.comment} errorPrefix={prefix} />
        </fieldset>

        <fieldset>
          <legend className="mb-2 text-xl font-bold">{t("feasibility")}</legend>
          <p className="mb-3 text-muted">{t("feasibilityHint")}</p>
          <Radios {...f.field(name("feasibility", "rating"))} label={t("feasibilityRating")} inline errorPrefix={prefix}
            options={ratings(t("feasibilityRating1"), t("feasibilityRating5"))} />
          <TextArea {...f.field(name("feasibility", "countryContext"))} label={t("countryContext")} rows={2} maxLength={LIMITS.countryContext} errorPrefix={prefix} />
          <TextArea {...f.field(name("feasibility", "comment"))} label={t("feasibilityComment")} maxLength={LIMITS.comment} errorPrefix={prefix} />
        </fieldset>
      </div>
    </details>
  );
}
