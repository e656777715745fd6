import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/routing";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { formClauses } from "@/lib/consultations/clause-label";
import { listCountries } from "@/lib/countries/list-countries";
import { ResponseForm } from "@/components/response-form/response-form";
import { keyInAction } from "./actions";
import { newIdempotencyKey } from "@/lib/responses/idempotency";
import { attachmentLimits } from "@/lib/attachments/limits";
import { attachmentTexts } from "@/lib/attachments/attachment-texts";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "authoring" });
  return { title: t("keyInTitle"), robots: { index: false } };
}

export default async function KeyInPage({ params, searchParams }: TProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireRoleForPage("moderator", locale, `/${locale}/moderate/key-in`);
  const sp = await searchParams;
  const c = typeof sp.c === "string" ? await getConsultation(sp.c) : null;
  if (!c || !c.publishedAt) notFound();
  const t = await getTranslations({ locale, namespace: "authoring" });
  const tc = await getTranslations({ locale, namespace: "consultation" });
  const limits = attachmentLimits();
  return (
    <>
      <p className="mb-2">
        <a href={`/${locale}/moderate?c=${c.slug}`}>{c.title[locale]}</a>
      </p>
      <h1 className="mb-4 text-4xl font-bold">{t("keyInTitle")}</h1>
      <p className="mb-8 max-w-prose">{t("keyInIntro")}</p>
      <ResponseForm
        slug={c.slug}
        locale={locale}
        timeZone={c.timeZone}
        idempotencyKey={newIdempotencyKey()}
        countries={listCountries(locale)}
        action={keyInAction}
        keyIn
        clauses={formClauses(c.clauses, locale, tc)}
        attachments={limits.maxFiles > 0 ? await attachmentTexts(locale, limits, { keyIn: true }) : undefined}
      />
    </>
  );
}
