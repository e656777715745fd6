"use client";
import { useTranslations } from "next-intl";
import { Checkbox, Radios, Select, TextInput } from "@/components/ui/field";
import { LIMITS, PUBLICATIONS, RESPONDENT_TYPES } from "@/lib/responses/limits";
import type { TFieldProps } from "./field-props";

export function AboutYou({
  f,
  countries,
  privacyHref,
}: {
  f: TFieldProps;
  countries: { code: string; name: string }[];
  privacyHref: string;
}) {
  const t = useTranslations("respond");
  const prefix = useTranslations("errors")("prefix");
  const tn = useTranslations("countryTracker");
  return (
    <>
      <h2 className="mb-4 mt-10 text-2xl font-bold">{t("stepAbout")}</h2>
      <Radios
        {...f.field("type")}
        label={t("respondentType")}
        errorPrefix={prefix}
        options={RESPONDENT_TYPES.map((v) => ({
          value: v,
          label: t(`type_${v}`),
          hint: v === "national_government" ? t("nationalGovernmentHint") : undefined,
        }))}
      />
      <Select
        {...f.field("country")}
        label={t("country")}
        hint={t("countryHint")}
        placeholder={t("countryChoose")}
        errorPrefix={prefix}
        autoComplete="country"
        options={countries.map((c) => ({ value: c.code, label: c.name }))}
      />
      <TextInput
        {...f.field("organisationName")}
        label={t("organisationName")}
        hint={t("organisationNameHint")}
        maxLength={LIMITS.organisationName}
        autoComplete="organization"
        errorPrefix={prefix}
      />
      <TextInput
        {...f.field("name")}
        label={t("name")}
        optional={t("optional")}
        hint={t("nameHint")}
        maxLength={LIMITS.name}
        autoComplete="name"
        errorPrefix={prefix}
      />
      <Radios
        {...f.field("publicSector")}
        label={t("publicSector")}
        inline
        errorPrefix={prefix}
        options={[
          { value: "yes", label: t("yes") },
          { value: "no", label: t("no") },
        ]}
      />
      <TextInput
        {...f.field("email")}
        type="email"
        label={t("email")}
        optional={t("optional")}
        hint={t("emailHint")}
        maxLength={LIMITS.email}
        autoComplete="email"
        errorPrefix={prefix}
      />
      <Checkbox
        id={f.field("notifyResults").id}
        name="notifyResults"
        value="yes"
        label={tn("notifyResults")}
        hint={tn("notifyResultsHint")}
        defaultChecked={f.field("notifyResults").defaultValue === "yes"}
        errorPrefix={prefix}
      />

      <h2 className="mb-4 mt-10 text-2xl font-bold">{t("stepPublish")}</h2>
      <Radios
        {...f.field("publication")}
        label={t("publication")}
        errorPrefix={prefix}
        options={PUBLICATIONS.map((v) => ({ value: v, label: t(`publication_${v}`) }))}
      />
      <h3 className="mb-1 text-lg font-bold">{t("privacyTitle")}</h3>
      <p className="mb-2 max-w-prose">{t("privacyBody")}</p>
      <p className="mb-4">
        <a href={privacyHref} target="_blank" rel="noopener">
          {t("privacyLink")}
        </a>
      </p>
      <Checkbox
        id={f.field("privacyConsent").id}
        name="privacyConsent"
        value="yes"
        label={t("privacyConsent")}
        defaultChecked={f.field("privacyConsent").defaultValue === "yes"}
        error={f.field("privacyConsent").error}
        errorPrefix={prefix}
      />
    </>
  );
}
