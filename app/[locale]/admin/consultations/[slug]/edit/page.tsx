import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/routing";
import { getConsultationValues } from "@/lib/drafting/get-consultation-values";
import { timeZones } from "@/lib/drafting/schema";
import { ConsultationForm } from "@/app/[locale]/admin/consultations/consultation-form";

export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "authoring" });
  return { title: t("editTitle"), robots: { index: false } };
}

export default async function EditConsultationPage({ params }: TProps) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireRoleForPage("admin", locale, `/${locale}/admin/consultations/${slug}/edit`);
  const c = await getConsultationValues(slug);
  if (!c) notFound();
  const t = await getTranslations({ locale, namespace: "authoring" });
  return (
    <>
      <p className="mb-2">
        <a href={`/${locale}/admin/consultations/${c.slug}`}>{c.title[locale]}</a>
      </p>
      <h1 className="mb-8 text-4xl font-bold">{t("editTitle")}</h1>
      <ConsultationForm
        locale={locale}
        timeZones={timeZones()}
        edit={{ slug: c.slug, values: c.values, draft: c.draft }}
      />
    </>
  );
}
