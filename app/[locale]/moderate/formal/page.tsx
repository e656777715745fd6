import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/routing";
import { pickConsultationFor } from "@/lib/consultations/list-consultations";
import { formatInstant } from "@/lib/consultations/format-instant";
import { countryName, listCountries } from "@/lib/countries/list-countries";
import { listFormal } from "@/lib/formal/list-formal";
import { ExtensionForm, ReopenForm } from "./moderator-forms";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "formal" });
  return { title: t("title"), robots: { index: false } };
}

export default async function FormalPage({ params, searchParams }: TProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const user = await requireRoleForPage("moderator", locale, `/${locale}/moderate/formal`);
  const t = await getTranslations({ locale, namespace: "formal" });
  const tr = await getTranslations({ locale, namespace: "countryTracker" });
  const sp = await searchParams;
  // Hidden drafts: admins only.
  const c = await pickConsultationFor(user, sp.c);
  if (!c) notFound();
  const rows = await listFormal(c.id);
  const when = (d: Date) => formatInstant(d, locale, c.timeZone);
  return (
    <>
      <p className="mb-2">
        <a href={`/${locale}/moderate?c=${c.slug}`}>{t("backToQueue")}</a>
      </p>
      <h1 className="mb-2 text-4xl font-bold">{t("title")}</h1>
      <p className="mb-8 max-w-prose">{t("intro", { title: c.title[locale] })}</p>
      <p className="mb-8">
        <a href={`/${locale}/moderate/countries?c=${c.slug}`}>{tr("title")}</a>
      </p>
      {rows.length === 0 ? (
        <p className="mb-8">{t("none")}</p>
      ) : (
        <ul className="mb-12 space-y-6">
          {rows.map((r) => {
            const country = countryName(r.country, locale);
            return (
              <li key={r.id} className="border-l-4 border-brand pl-4" data-testid={`formal-${r.country}`}>
                <h2 className="text-2xl font-bold">{country}</h2>
                <p>
                  <strong>{t(r.status === "submitted" ? "statusSubmitted" : "statusDraft")}</strong>
                  {r.status === "submitted" && r.submittedAt
                    ? ` · ${t("submittedBy", { name: r.submittedBy ?? "", when: when(r.submittedAt) })}`
                    : ` · ${t("lastSaved", { when: when(r.updatedAt) })}`}
                </p>
                {r.reference ? (
                  <p>
                    <a href={`/${locale}/moderate?c=${c.slug}&official=1&country=${r.country}`}>
                      {t("officialItems", { reference: r.reference })}
                    </a>
                  </p>
                ) : null}
                {r.letter ? (
                  <p>
                    <a href={`/api/formal/${r.id}/letter`}>{t("letter", { name: r.letter.fileName })}</a>{" "}
                    <span className="break-all text-muted">SHA-256 {r.letter.sha256}</span>
                  </p>
                ) : null}
                {r.extendedUntil && r.extendedUntil > c.closesAt ? (
                  <p>{t("extendedUntil", { when: when(r.extendedUntil) })}</p>
                ) : null}
                {r.events.map((e) => (
                  <p key={e.id} className="text-muted">
                    {e.kind === "reopened"
                      ? t("reopenedBy", { name: e.actor.name, when: when(e.at), reason: e.detail ?? "" })
                      : t("extensionBy", { name: e.actor.name, when: when(e.at) })}
                  </p>
                ))}
                {r.status === "submitted" ? <ReopenForm id={r.id} country={country} /> : null}
              </li>
            );
          })}
        </ul>
      )}
      {user.role === "admin" ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">{t("extensionTitle")}</h2>
          <p className="mb-4 max-w-prose">{t("extensionIntro", { deadline: when(c.closesAt) })}</p>
          <ExtensionForm slug={c.slug} countries={listCountries(locale)} timeZone={c.timeZone} />
        </>
      ) : null}
    </>
  );
}
