// The <title> of a public consultation page: "{page} – {consultation title}", from the
// page's own message namespace (its "title" key takes the consultation's title).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getPublicConsultation } from "./public-consultation";
import { isLocale } from "@/lib/i18n/routing";

type TNamespace = "published" | "respond" | "privacyNotice" | "results";

export function consultationMetadata(namespace: TNamespace) {
  return async function generateMetadata({
    params,
  }: {
    params: Promise<{ locale: string; slug: string }>;
  }): Promise<Metadata> {
    const { locale, slug } = await params;
    if (!isLocale(locale)) return {};
    const c = await getPublicConsultation(slug);
    const t = await getTranslations({ locale, namespace });
    return c ? { title: t("title", { title: c.title[locale] }) } : {};
  };
}
