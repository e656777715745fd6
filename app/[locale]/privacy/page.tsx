import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { listPublicConsultations } from "@/lib/consultations/public-consultation";
import { isLocale } from "@/lib/i18n/routing";

type TProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "footer" });
  return { title: t("privacyTitle") };
}

// Public, the same for everyone: the footer's "Privacy" leads here, and here to each consultation's own notice.
export default async function PrivacyNoticesPage({ params }: TProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "footer" });
  const consultations = await listPublicConsultations();
  return (
    <>
      <h1 className="mb-6 text-4xl font-bold">{t("privacyTitle")}</h1>
      <p className="mb-6 max-w-prose">{t("privacyIntro")}</p>
      {consultations.length ? (
        <ul className="max-w-prose list-disc space-y-2 pl-6">
          {consultations.map((c) => (
            <li key={c.id}>
              <a href={`/${locale}/c/${c.slug}/privacy`}>{c.title[locale]}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("privacyNone")}</p>
      )}
    </>
  );
}
