import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/routing";
import { formatInstant } from "@/lib/consultations/format-instant";
import { getErasedResponse, listErasures } from "@/lib/privacy/erase-responses";
import { listRetentionSettings } from "@/lib/privacy/retention-settings";
import { EraseForm, RetentionForm } from "./privacy-forms";
import { Notice } from "@/components/ui/notice";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "privacyAdmin" });
  return { title: t("title"), robots: { index: false } };
}

export default async function PrivacyAdminPage({ params, searchParams }: TProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireRoleForPage("admin", locale, `/${locale}/admin/privacy`);
  const t = await getTranslations({ locale, namespace: "privacyAdmin" });
  const sp = await searchParams;
  const [consultations, erasures, erased] = await Promise.all([
    listRetentionSettings(),
    listErasures(),
    // After an erasure (the confirmation page redirects here): said only when it is so.
    typeof sp.erased === "string" && sp.erased.length <= 40 ? getErasedResponse(sp.erased) : null,
  ]);
  return (
    <>
      <p className="mb-2">
        <a href={`/${locale}/admin`}>{t("backToAdmin")}</a>
      </p>
      <h1 className="mb-4 text-4xl font-bold">{t("title")}</h1>
      {erased ? (
        <Notice title={t("erasedTitle")}>
          {t(erased.publication !== "none" ? "erasedKept" : "erasedAll", { reference: erased.reference })}
        </Notice>
      ) : null}
      <h2 className="mb-2 text-2xl font-bold">{t("eraseTitle")}</h2>
      <p className="mb-4 max-w-prose">{t("eraseIntro")}</p>
      <EraseForm />
      <h2 className="mt-12 mb-2 text-2xl font-bold">{t("retentionTitle")}</h2>
      <p className="mb-4 max-w-prose">{t("retentionIntro")}</p>
      {consultations.map((c) => (
        <RetentionForm
          key={c.id}
          id={c.id}
          slug={c.slug}
          title={locale === "fr" ? c.titleFr : c.titleEn}
          days={c.retentionDays}
          publishFormal={c.publishFormal}
        />
      ))}
      <h2 className="mt-12 mb-2 text-2xl font-bold">{t("logTitle")}</h2>
      {erasures.length === 0 ? (
        <p>{t("logEmpty")}</p>
      ) : (
        <ul className="space-y-1">
          {erasures.map((e) => (
            <li key={e.id}>
              {formatInstant(e.at, locale, "UTC")} · <span className="font-mono">{e.reference}</span> ·{" "}
              {t(e.reason === "retention" ? "logRetention" : "logRequest")} · {t(e.keptText ? "logKept" : "logDeleted")}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
