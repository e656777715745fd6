import type { ReactNode } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale, locales } from "@/lib/i18n/routing";
import { LanguageSwitch } from "@/components/language-switch";
import { AccountMenu } from "@/components/account-menu";
import { ErrorTextsProvider } from "@/components/error-texts";

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: { default: t("siteName"), template: `%s – ${t("siteName")}` }, description: t("tagline") };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "meta" });
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        {/* No NextIntlClientProvider here: it would send every message to every page. The pages whose
            client components translate (staff, the response form) have their own, in their layouts. */}
        <ErrorTextsProvider texts={{ title: t("errorTitle"), body: t("errorBody"), retry: t("errorRetry") }}>
        <a href="#main" className="sr-only bg-focus p-2 text-ink focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50">
          {t("skipLink")}
        </a>
        <header className="bg-brand text-white">
          <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-2 px-4 py-3">
            <a href={`/${locale}`} className="text-xl font-bold text-white no-underline focus-visible:text-ink">
              {t("siteName")}
            </a>
            <div className="flex min-w-0 flex-wrap items-center gap-4">
              <AccountMenu locale={locale} />
              <LanguageSwitch locale={t("languageSwitchLang")} lang={t("languageSwitchLang")} text={t("languageSwitch")} label={t("languageSwitchLabel")} />
            </div>
          </div>
        </header>
        {/* Staff work surfaces (the queue) mark themselves data-wide and get the whole width; a long
            word (a pasted link, an identifier) breaks rather than pushing a phone's page sideways, also
            where a page asked for break-words (which still lets a grid or flex column grow to the word). */}
        <main id="main" tabIndex={-1} className="mx-auto max-w-4xl px-4 py-8 [overflow-wrap:anywhere] has-[[data-wide]]:max-w-none [&_.break-words]:[overflow-wrap:anywhere]">
          {children}
        </main>
        <footer className="border-t border-line">
          <div className="mx-auto max-w-4xl px-4 py-6 text-muted">
            <p>{t("footer")}</p>
            <p>
              <a href="/api/openapi">{t("apiLink")}</a>
            </p>
          </div>
        </footer>
        </ErrorTextsProvider>
      </body>
    </html>
  );
}
