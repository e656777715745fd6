import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";
import { ForgotForm } from "./forgot-form";

// Dynamic like the sign-in page it belongs to: its form posts to a Server Action and answers per request.
export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "reset" });
  return { title: t("forgotTitle"), robots: { index: false } };
}

// Public: anyone may ask; the answer never says whether the address has an account.
export default async function ForgotPasswordPage({ params }: TProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "reset" });
  return (
    <>
      <h1 className="mb-4 text-4xl font-bold">{t("forgotTitle")}</h1>
      <p className="mb-6 max-w-prose">{t("forgotIntro")}</p>
      <ForgotForm locale={locale} />
    </>
  );
}
