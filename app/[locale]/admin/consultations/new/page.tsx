import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/routing";
import { timeZones } from "@/lib/drafting/schema";
import { ConsultationForm } from "@/app/[locale]/admin/consultations/consultation-form";

export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "authoring" });
  return { title: t("newTitle"), robots: { index: false } };
}

export default async function NewConsultationPage({ params }: TProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireRoleForPage("admin", locale, `/${locale}/admin/consultations/new`);
  const t = await getTranslations({ locale, namespace: "authoring" });
  return (
    <>
      <p className="mb-2">
        <a href={`/${locale}/admin/consultations`}>{t("listTitle")}</a>
      </p>
      <h1 className="mb-4 text-4xl font-bold">{t("newTitle")}</h1>
      <p className="mb-8 max-w-prose">{t("newIntro")}</p>
      <ConsultationForm locale={locale} timeZones={timeZones()} />
    </>
  );
}
