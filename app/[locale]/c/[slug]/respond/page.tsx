import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getPublicConsultation } from "@/lib/consultations/public-consultation";
import { consultationMetadata } from "@/lib/consultations/consultation-metadata";
import { consultationStatus } from "@/lib/consultations/consultation-status";
import { formClauses } from "@/lib/consultations/clause-label";
import { formatInstant } from "@/lib/consultations/format-instant";
import { listCountries } from "@/lib/countries/list-countries";
import { now } from "@/lib/clock";
import { isLocale } from "@/lib/i18n/routing";
import { Notice } from "@/components/ui/notice";
import { ResponseForm } from "@/components/response-form/response-form";
import { respondAction } from "./actions";
import { newIdempotencyKey } from "@/lib/responses/idempotency";
import { FORM_KEY_PLACEHOLDER, PAGE_RENDER_HEADER } from "@/lib/http/page-render.mjs";
import { headers } from "next/headers";
import { labelledT } from "@/lib/consultations/draft-labels";
import { attachmentLimits } from "@/lib/attachments/limits";
import { attachmentTexts } from "@/lib/attachments/attachment-texts";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const generateMetadata = consultationMetadata("respond");

export default async function RespondPage({ params, searchParams }: TProps) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const c = await getPublicConsultation(slug);
  if (!c) notFound();
  const t = await getTranslations({ locale, namespace: "respond" });
  const tc = await getTranslations({ locale, namespace: "consultation" });
  const ts = await getTranslations({ locale, namespace: "status" });
  const status = consultationStatus(c, now());
  const limits = attachmentLimits();
  const clause = (await searchParams).clause;
  // Rendered once for every visitor (lib/http/page-cache.mjs), the page holds a placeholder that the cache
  // replaces with a fresh key per visitor; rendered for one visitor (signed-in staff), its own key.
  const forCache = (await headers()).get(PAGE_RENDER_HEADER) !== null;

  return (
    <>
      <p className="mb-2">
        <a href={`/${locale}/c/${c.slug}`}>{c.title[locale]}</a>
      </p>
      <h1 className="mb-4 text-4xl font-bold">{t("title", { title: c.title[locale] })}</h1>
      {status === "open" ? (
        <>
          <p className="mb-2 max-w-prose text-lg">{t("intro")}</p>
          <p className="mb-2 max-w-prose text-muted">
            {ts("closesAt", { date: formatInstant(c.closesAt, locale, c.timeZone) })}
          </p>
          <p className="mb-6 max-w-prose text-muted">{t("saved")}</p>
          <ResponseForm
            action={respondAction}
            slug={c.slug}
            locale={locale}
            timeZone={c.timeZone}
            preselected={typeof clause === "string" ? clause : undefined}
            countries={listCountries(locale)}
            clauses={formClauses(c.clauses, locale, labelledT(tc, c.labels, locale))}
            attachments={limits.maxFiles > 0 ? await attachmentTexts(locale, limits) : undefined}
            // Last: in the page's React payload it then comes after the long lists, where the cache hashes less per reader.
            idempotencyKey={forCache ? FORM_KEY_PLACEHOLDER : newIdempotencyKey()}
          />
        </>
      ) : (
        <Notice tone="warning" title={status === "closed" ? t("closedTitle") : undefined}>
          {status === "closed"
            ? ts("closedNotice", { date: formatInstant(c.closesAt, locale, c.timeZone) })
            : ts("upcomingNotice", { date: formatInstant(c.opensAt, locale, c.timeZone) })}
        </Notice>
      )}
    </>
  );
}
