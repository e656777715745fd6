import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";
import { safeCallback } from "@/lib/users/sign-in-form";
import { SignInForm } from "./sign-in-form";
import { Notice } from "@/components/ui/notice";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "auth" });
  return { title: t("signInTitle"), robots: { index: false } };
}

export default async function SignInPage({ params, searchParams }: TProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "auth" });
  const tr = await getTranslations({ locale, namespace: "reset" });
  const sp = await searchParams;
  return (
    <>
      <h1 className="mb-4 text-4xl font-bold">{t("signInTitle")}</h1>
      {sp.signedOut ? <Notice>{t("signedOut")}</Notice> : null}
      {sp.reset ? <Notice>{tr("done")}</Notice> : null}
      <p className="mb-6 max-w-prose">{t("signInIntro")}</p>
      <SignInForm locale={locale} callbackUrl={safeCallback(sp.callbackUrl, `/${locale}/moderate`)} />
      <p className="mt-6">
        <a href={`/${locale}/sign-in/forgot`}>{tr("forgotLink")}</a>
      </p>
    </>
  );
}
