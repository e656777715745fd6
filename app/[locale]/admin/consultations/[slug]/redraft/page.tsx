import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/routing";
import { getConsultationFresh } from "@/lib/consultations/get-consultation";
import { clauseLabel } from "@/lib/consultations/clause-label";
import { RedraftForm } from "./redraft-form";

export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "authoring" });
  return { title: t("redraftTitle"), robots: { index: false } };
}

export default async function RedraftPage({ params }: TProps) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireRoleForPage("admin", locale, `/${locale}/admin/consultations/${slug}/redraft`);
  const c = await getConsultationFresh(slug);
  if (!c) notFound();
  const t = await getTranslations({ locale, namespace: "authoring" });
  const tc = await getTranslations({ locale, namespace: "consultation" });
  return (
    <>
      <p className="mb-2">
        <a href={`/${locale}/admin/consultations/${c.slug}`}>{c.title[locale]}</a>
      </p>
      <h1 className="mb-4 text-4xl font-bold">{t("redraftTitle")}</h1>
      <p className="mb-8 max-w-prose">{t("redraftIntro", { version: c.draftVersion })}</p>
      <RedraftForm
        locale={locale}
        slug={c.slug}
        nextVersion={c.draftVersion + 1}
        current={c.clauses.map((k) => ({ id: k.id, label: clauseLabel(k, tc), body: k.body[locale] }))}
      />
    </>
  );
}
