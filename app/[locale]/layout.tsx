import type { ReactNode } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale, locales } from "@/lib/i18n/routing";
import { env } from "@/lib/env";
import { SiteFrame } from "@/components/site-frame";
import { signOutAction } from "./sign-in/actions";

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: { default: t("siteName"), template: `%s – ${t("siteName")}` }, description: t("tagline") };
}

export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return (
    <SiteFrame locale={locale} contactEmail={env().CONTACT_EMAIL} signOutAction={signOutAction}>
      {children}
    </SiteFrame>
  );
}
