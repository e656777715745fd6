import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/routing";
import { listPublicConsultations } from "@/lib/consultations/public-consultation";
import { formatInstant } from "@/lib/consultations/format-instant";
import { countryName } from "@/lib/countries/list-countries";
import { listCountryWorkspaces } from "@/lib/formal/list-workspaces";

export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "delegation" });
  return { title: t("title"), robots: { index: false } };
}

export default async function DelegationPage({ params }: TProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const user = await requireRoleForPage("delegate", locale, `/${locale}/delegation`);
  const t = await getTranslations({ locale, namespace: "delegation" });
  const consultations = await listPublicConsultations();
  const workspaces = user.country ? await listCountryWorkspaces(user.country) : [];
  const status = new Map(workspaces.map((w) => [w.consultationId, w]));
  return (
    <>
      <h1 className="mb-4 text-4xl font-bold">{t("title")}</h1>
      {user.country ? (
        <p className="mb-8 max-w-prose">{t("intro", { country: countryName(user.country, locale) })}</p>
      ) : (
        <p className="mb-8">{t("noCountry")}</p>
      )}
      <ul className="space-y-4">
        {consultations.map((c) => {
          const w = status.get(c.id);
          const closes = w?.extendedUntil && w.extendedUntil > c.closesAt ? w.extendedUntil : c.closesAt;
          return (
            <li key={c.id} className="border-l-4 border-brand pl-4">
              <a href={`/${locale}/delegation/${c.slug}`} className="text-xl font-bold">
                {c.title[locale]}
              </a>
              <p>
                {t(w?.status === "submitted" ? "statusSubmitted" : w ? "statusDraft" : "statusNotStarted")} ·{" "}
                {t("deadline", { when: formatInstant(closes, locale, c.timeZone) })}
              </p>
            </li>
          );
        })}
      </ul>
    </>
  );
}
