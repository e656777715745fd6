// The frame of every page: the document in its language, the header (the site, the account, the other
// language) and the footer (the accessibility statement, a contact address, the privacy notices, staff
// sign-in). Shared by the locale layout and by the "page not found" of addresses that match no route.
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/language-switch";
import { AccountMenu } from "@/components/account-menu";
import { ErrorTextsProvider } from "@/components/error-texts";

type TProps = {
  locale: string;
  contactEmail?: string;
  signOutAction: (form: FormData) => Promise<void>;
  children: ReactNode;
};

export async function SiteFrame({ locale, contactEmail, signOutAction, children }: TProps) {
  const t = await getTranslations({ locale, namespace: "meta" });
  const tf = await getTranslations({ locale, namespace: "footer" });
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        {/* No NextIntlClientProvider here: it would send every message to every page. The pages whose
            client components translate (staff, the response form) have their own, in their layouts. */}
        <ErrorTextsProvider texts={{ title: t("errorTitle"), body: t("errorBody"), retry: t("errorRetry") }}>
          <a
            href="#main"
            className="sr-only bg-focus p-2 text-ink focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50"
          >
            {t("skipLink")}
          </a>
          <header className="bg-brand text-white">
            <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-2 px-4 py-3">
              <a href={`/${locale}`} className="text-xl font-bold text-white no-underline focus-visible:text-ink">
                {t("siteName")}
              </a>
              <div className="flex min-w-0 flex-wrap items-center gap-4">
                <AccountMenu locale={locale} signOutAction={signOutAction} />
                <LanguageSwitch
                  locale={t("languageSwitchLang")}
                  lang={t("languageSwitchLang")}
                  text={t("languageSwitch")}
                  label={t("languageSwitchLabel")}
                />
              </div>
            </div>
          </header>
          {/* Staff work surfaces (the queue) mark themselves data-wide and get the whole width; a long
            word (a pasted link, an identifier) breaks rather than pushing a phone's page sideways, also
            where a page asked for break-words (which still lets a grid or flex column grow to the word). */}
          <main
            id="main"
            tabIndex={-1}
            className="mx-auto max-w-4xl px-4 py-8 [overflow-wrap:anywhere] has-[[data-wide]]:max-w-none [&_.break-words]:[overflow-wrap:anywhere]"
          >
            {children}
          </main>
          {/* The same for every visitor (public pages are cached): no session, no visitor's data. */}
          <footer className="border-t border-line">
            <div className="mx-auto max-w-4xl px-4 py-6 text-muted [overflow-wrap:anywhere]">
              <nav aria-label={tf("label")} className="mb-4">
                <ul className="flex flex-wrap gap-x-6 gap-y-2">
                  <li>
                    <a href={`/${locale}/accessibility`}>{tf("accessibility")}</a>
                  </li>
                  {contactEmail ? (
                    <li>
                      <a href={`mailto:${contactEmail}`}>{tf("contact", { email: contactEmail })}</a>
                    </li>
                  ) : null}
                  <li>
                    <a href={`/${locale}/privacy`}>{tf("privacy")}</a>
                  </li>
                  <li>
                    <a href={`/${locale}/sign-in`}>{tf("signIn")}</a>
                  </li>
                  <li>
                    <a href={`/${locale}/api-docs`}>{t("apiLink")}</a>
                  </li>
                </ul>
              </nav>
              <p>{t("footer")}</p>
            </div>
          </footer>
        </ErrorTextsProvider>
      </body>
    </html>
  );
}
