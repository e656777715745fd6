import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";
import { findPasswordReset } from "@/lib/password-resets/reset-password";
import { ResetForm } from "./reset-form";
import { Notice } from "@/components/ui/notice";

export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "reset" });
  // The token is a secret: no referrer leaves for another site (as on the invitation page).
  return { title: t("title"), robots: { index: false }, referrer: "same-origin" };
}

// Public: the token is the authorization. An unknown, expired or used link gets a page that says so.
export default async function ResetPasswordPage({ params }: TProps) {
  const { locale, token } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "reset" });
  const found = await findPasswordReset(token);
  if (!found.ok) {
    return (
      <>
        <h1 className="mb-4 text-4xl font-bold">{t("linkInvalidTitle")}</h1>
        <Notice tone="warning">{t(found.reason)}</Notice>
        <p>
          <a href={`/${locale}/sign-in/forgot`}>{t("askAgain")}</a>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-4 text-4xl font-bold">{t("title")}</h1>
      <p className="mb-8 max-w-prose">{t("intro", { email: found.email })}</p>
      <ResetForm locale={locale} token={token} />
    </>
  );
}
