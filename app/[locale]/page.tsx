import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { listPublicConsultations } from "@/lib/consultations/public-consultation";
import { countResponses } from "@/lib/consultations/count-responses";
import { consultationStatus } from "@/lib/consultations/consultation-status";
import { now } from "@/lib/clock";
import { isLocale, type TLocale } from "@/lib/i18n/routing";
import { ConsultationStatus } from "@/components/consultation-status";
import { notFound } from "next/navigation";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "home" });
  return { title: t("title") };
}

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "home" });
  const tc = await getTranslations({ locale, namespace: "consultation" });
  const at = now();
  const consultations = await listPublicConsultations();
  const counts = await Promise.all(consultations.map((c) => countResponses(c.id)));
  return (
    <>
      <h1 className="mb-2 text-4xl font-bold">{t("title")}</h1>
      <p className="mb-8 text-lg">{t("intro")}</p>
      {consultations.length === 0 ? <p>{t("none")}</p> : null}
      <ul className="space-y-10">
        {consultations.map((c, i) => {
          const status = consultationStatus(c, at);
          const l = locale as TLocale;
          return (
            <li key={c.id}>
              <article aria-labelledby={`c-${c.slug}`}>
                <h2 id={`c-${c.slug}`} className="mb-3 text-2xl font-bold">
                  <a href={`/${locale}/c/${c.slug}`}>{c.title[l]}</a>
                </h2>
                <h3 className="font-bold">{tc("purpose")}</h3>
                <p className="mb-3 max-w-prose">{c.summary[l]}</p>
                <h3 className="font-bold">{tc("askedFor")}</h3>
                <p className="mb-3 max-w-prose">{c.askedFor[l]}</p>
                <h3 className="font-bold">{tc("audience")}</h3>
                <p className="mb-4 max-w-prose">{c.audience[l]}</p>
                <ConsultationStatus
                  locale={locale}
                  status={status}
                  opensAt={c.opensAt}
                  closesAt={c.closesAt}
                  timeZone={c.timeZone}
                  now={at}
                  responseCount={counts[i]}
                />
                <p>
                  <a
                    href={`/${locale}/c/${c.slug}`}
                    className="inline-block bg-brand px-4 py-2 font-bold text-white no-underline"
                  >
                    {status === "closed" ? t("readClosed") : t("read")}
                  </a>
                </p>
              </article>
            </li>
          );
        })}
      </ul>
    </>
  );
}
