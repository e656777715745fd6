import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { formClauses } from "@/lib/consultations/clause-label";
import { formatInstant } from "@/lib/consultations/format-instant";
import { listCountries } from "@/lib/countries/list-countries";
import { now } from "@/lib/clock";
import { isLocale } from "@/lib/i18n/routing";
import { findManaged } from "@/lib/responses/manage-response";
import { responseFormValues } from "@/lib/responses/response-form-values";
import { receiptKey } from "@/lib/responses/receipt-key";
import { Notice } from "@/components/ui/notice";
import { ResponseForm } from "@/components/response-form/response-form";
import { WithdrawForm } from "./withdraw-form";
import { changeResponseAction } from "./actions";
import { labelledT } from "@/lib/consultations/draft-labels";
import { attachmentLimits } from "@/lib/attachments/limits";
import { attachmentTexts } from "@/lib/attachments/attachment-texts";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ locale: string; slug: string; token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "manage" });
  // The token is a secret: no referrer leaves for another site, and no search engine keeps it. Not "no-referrer": a
  // browser then sends "Origin: null" with the page's form posts, which the server refuses as cross-site (without JavaScript).
  return { title: t("title"), robots: { index: false }, referrer: "same-origin" };
}

// Public: the token in the address is the authorization.
export default async function ManagePage({ params, searchParams }: TProps) {
  const { locale, slug, token } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "manage" });
  const tc = await getTranslations({ locale, namespace: "consultation" });
  const r = await findManaged(token);
  const c = await getConsultation(slug);
  if (!r || !c || r.consultation.slug !== slug) {
    return (
      <>
        <h1 className="mb-4 text-4xl font-bold">{t("title")}</h1>
        <Notice tone="warning">{t("unknown")}</Notice>
      </>
    );
  }
  const sp = await searchParams;
  const when = (d: Date) => formatInstant(d, locale, c.timeZone);
  const open = now() < c.closesAt && !r.withdrawnAt;
  const receipt = `/${locale}/c/${slug}/receipt/${r.reference}?key=${receiptKey(r.reference)}`;
  const limits = attachmentLimits();
  return (
    <>
      <p className="mb-2">
        <a href={`/${locale}/c/${slug}`}>{c.title[locale]}</a>
      </p>
      <h1 className="mb-2 text-4xl font-bold">{t("title")}</h1>
      <p className="mb-2 text-xl">{t("reference", { reference: r.reference })}</p>
      <p className="mb-6">
        <a href={receipt}>{t("viewReceipt")}</a>
      </p>
      {sp.changed ? <Notice title={t("changedTitle")}>{t("changedBody", { version: r.version })}</Notice> : null}
      {r.withdrawnAt ? (
        <Notice tone="warning" title={t("withdrawnTitle")}>
          {t("withdrawnBody", { when: when(r.withdrawnAt) })}
        </Notice>
      ) : !open ? (
        <Notice tone="warning">{t("closed", { when: when(c.closesAt) })}</Notice>
      ) : (
        <p className="mb-6 max-w-prose">{t("intro", { deadline: when(c.closesAt) })}</p>
      )}
      {r.versions.length ? (
        <details className="mb-8">
          <summary className="cursor-pointer font-bold">{t("history", { count: r.versions.length })}</summary>
          <ul className="mt-2 list-disc pl-6">
            {r.versions.map((v) => (
              <li key={`${v.version}-${v.kind}`}>
                {t(v.kind === "withdrawn" ? "historyWithdrawn" : "historyChanged", {
                  version: v.version,
                  when: when(v.at),
                })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {open ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">{t("changeTitle")}</h2>
          <ResponseForm
            slug={slug}
            locale={locale}
            timeZone={c.timeZone}
            countries={listCountries(locale)}
            action={changeResponseAction}
            change={{ values: responseFormValues(r), token }}
            clauses={formClauses(c.clauses, locale, labelledT(tc, c.labels, locale))}
            attachments={
              limits.maxFiles > 0 || r.attachments.length
                ? await attachmentTexts(locale, limits, { stored: r.attachments })
                : undefined
            }
          />
          <h2 className="mt-12 mb-4 text-2xl font-bold">{t("withdrawTitle")}</h2>
          <p className="mb-4 max-w-prose">{t("withdrawIntro")}</p>
          <WithdrawForm locale={locale} slug={slug} token={token} />
        </>
      ) : null}
    </>
  );
}
