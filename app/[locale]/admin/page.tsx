import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { formatInstant } from "@/lib/consultations/format-instant";
import { requireRoleForPage } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/routing";
import { now } from "@/lib/clock";
import { countryName, listCountries } from "@/lib/countries/list-countries";
import { listDelegates, listInvitations } from "@/lib/invitations/list-invitations";
import { InviteForm } from "./invite-form";
import { Notice } from "@/components/ui/notice";

export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "invitations" });
  return { title: t("title"), robots: { index: false } };
}

export default async function AdminPage({ params }: TProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireRoleForPage("admin", locale, `/${locale}/admin`);
  const t = await getTranslations({ locale, namespace: "invitations" });
  const [invitations, delegates] = await Promise.all([listInvitations(), listDelegates()]);
  const at = now();
  // A delegation needs at least one approver to submit.
  const countries = [...new Set(delegates.map((d) => d.country ?? ""))];
  const withoutApprover = countries
    .filter((c) => !delegates.some((d) => d.country === c && d.delegationRole === "approver"))
    .map((c) => countryName(c, locale));
  const th = "p-2 pr-4";
  return (
    <>
      <p className="mb-2">
        <a href={`/${locale}/moderate`}>{t("backToModeration")}</a>
      </p>
      <h1 className="mb-4 text-4xl font-bold">{t("title")}</h1>
      <p className="mb-4 max-w-prose">{t("intro")}</p>
      <ul className="mb-8 flex flex-wrap gap-6">
        <li>
          <a href={`/${locale}/admin/consultations`}>{t("consultationsLink")}</a>
        </li>
        <li>
          <a href={`/${locale}/admin/accounts`}>{t("accountsLink")}</a>
        </li>
        <li>
          <a href={`/${locale}/admin/privacy`}>{t("privacyLink")}</a>
        </li>
        <li>
          <a href={`/${locale}/admin/jobs`}>{t("jobsLink")}</a>
        </li>
      </ul>

      <h2 className="mb-4 text-2xl font-bold">{t("inviteTitle")}</h2>
      <InviteForm locale={locale} countries={listCountries(locale)} />

      <h2 className="mt-12 mb-4 text-2xl font-bold">{t("delegatesTitle")}</h2>
      {withoutApprover.length ? (
        <Notice tone="warning">{t("noApprover", { countries: withoutApprover.join(", ") })}</Notice>
      ) : null}
      {delegates.length === 0 ? (
        <p>{t("noDelegates")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className={th}>
                  {t("col_country")}
                </th>
                <th scope="col" className={th}>
                  {t("col_name")}
                </th>
                <th scope="col" className={th}>
                  {t("col_email")}
                </th>
                <th scope="col" className={th}>
                  {t("col_part")}
                </th>
              </tr>
            </thead>
            <tbody>
              {delegates.map((d) => (
                <tr key={d.id} className="border-b border-line">
                  <td className={th}>{countryName(d.country ?? "", locale)}</td>
                  <td className={th}>{d.name}</td>
                  <td className={th}>{d.email}</td>
                  <td className={th}>{t(`delegationRole_${d.delegationRole ?? "drafter"}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 className="mt-12 mb-4 text-2xl font-bold">{t("invitationsTitle")}</h2>
      {invitations.length === 0 ? (
        <p>{t("noInvitations")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className={th}>
                  {t("col_email")}
                </th>
                <th scope="col" className={th}>
                  {t("col_role")}
                </th>
                <th scope="col" className={th}>
                  {t("col_status")}
                </th>
                <th scope="col" className={th}>
                  {t("col_invitedBy")}
                </th>
                <th scope="col" className={th}>
                  {t("col_sent")}
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id} className="border-b border-line">
                  <td className={th}>{i.email}</td>
                  <td className={th}>
                    {t(`role_${i.role}`)}
                    {i.country
                      ? ` · ${countryName(i.country, locale)} · ${t(`delegationRole_${i.delegationRole ?? "drafter"}`)}`
                      : ""}
                  </td>
                  <td className={th}>
                    {t(i.acceptedAt ? "status_accepted" : i.expiresAt <= at ? "status_expired" : "status_pending")}
                  </td>
                  <td className={th}>{i.invitedBy.name}</td>
                  <td className={th}>{formatInstant(i.createdAt, locale, "UTC")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
