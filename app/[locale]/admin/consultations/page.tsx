import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/routing";
import { now } from "@/lib/clock";
import { listConsultations } from "@/lib/consultations/list-consultations";
import { consultationPhase } from "@/lib/consultations/consultation-status";
import { formatInstant } from "@/lib/consultations/format-instant";

export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "authoring" });
  return { title: t("listTitle"), robots: { index: false } };
}

export default async function ConsultationsAdminPage({ params }: TProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireRoleForPage("admin", locale, `/${locale}/admin/consultations`);
  const t = await getTranslations({ locale, namespace: "authoring" });
  const list = await listConsultations();
  const at = now();
  return (
    <>
      <p className="mb-2">
        <a href={`/${locale}/admin`}>{t("backToAdmin")}</a>
      </p>
      <h1 className="mb-4 text-4xl font-bold">{t("listTitle")}</h1>
      <p className="mb-8">
        <a
          href={`/${locale}/admin/consultations/new`}
          className="bg-success px-4 py-2 font-bold text-white no-underline"
        >
          {t("newTitle")}
        </a>
      </p>
      <ul className="space-y-4">
        {list.map((c) => (
          <li key={c.id} className="border-l-4 border-brand pl-4">
            <a href={`/${locale}/admin/consultations/${c.slug}`} className="text-xl font-bold">
              {c.title[locale]}
            </a>
            <p>
              {t(`phase_${consultationPhase(c, at)}`)} · {formatInstant(c.opensAt, locale, c.timeZone)} –{" "}
              {formatInstant(c.closesAt, locale, c.timeZone)}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
