import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getPublicConsultation } from "@/lib/consultations/public-consultation";
import { consultationMetadata } from "@/lib/consultations/consultation-metadata";
import { formatInstant } from "@/lib/consultations/format-instant";
import { getRetentionDays } from "@/lib/privacy/retention-settings";
import { isLocale } from "@/lib/i18n/routing";

export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ locale: string; slug: string }> };

export const generateMetadata = consultationMetadata("privacyNotice");

// Public.
export default async function PrivacyNoticePage({ params }: TProps) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const c = await getPublicConsultation(slug);
  if (!c) notFound();
  const t = await getTranslations({ locale, namespace: "privacyNotice" });
  const retentionDays = await getRetentionDays(c.id);
  const erasedOn = retentionDays === null ? null : new Date(c.closesAt.getTime() + retentionDays * 86_400_000);
  const section = (title: string, body: string) => (
    <section className="mb-6 max-w-prose">
      <h2 className="mb-2 text-2xl font-bold">{title}</h2>
      <p>{body}</p>
    </section>
  );
  return (
    <>
      <p className="mb-2">
        <a href={`/${locale}/c/${c.slug}`}>{c.title[locale]}</a>
      </p>
      <h1 className="mb-6 text-4xl font-bold">{t("title", { title: c.title[locale] })}</h1>
      {c.privacy[locale] ? <p className="mb-8 max-w-prose whitespace-pre-line">{c.privacy[locale]}</p> : null}
      {section(t("keptTitle"), t("kept"))}
      {section(t("whyTitle"), t("why"))}
      {section(t("whoTitle"), t("who"))}
      {section(
        t("howLongTitle"),
        erasedOn
          ? t("howLong", { days: retentionDays ?? 0, date: formatInstant(erasedOn, locale, c.timeZone) })
          : t("howLongKept"),
      )}
      {section(t("rightsTitle"), t("rights"))}
    </>
  );
}
