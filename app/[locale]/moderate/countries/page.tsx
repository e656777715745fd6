import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/routing";
import { pickConsultationFor } from "@/lib/consultations/list-consultations";
import { formatInstant } from "@/lib/consultations/format-instant";
import { countryName } from "@/lib/countries/list-countries";
import { isTrackerState, listTracker, TRACKER_STATES } from "@/lib/country-tracker/list-tracker";
import { listExpectedCountries } from "@/lib/country-tracker/expected-countries";
import { ExpectedForm, RemindForm } from "./tracker-forms";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "countryTracker" });
  return { title: t("title"), robots: { index: false } };
}

export default async function CountryTrackerPage({ params, searchParams }: TProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const user = await requireRoleForPage("moderator", locale, `/${locale}/moderate/countries`);
  const t = await getTranslations({ locale, namespace: "countryTracker" });
  const sp = await searchParams;
  // Hidden drafts: admins only.
  const c = await pickConsultationFor(user, sp.c);
  if (!c) notFound();
  // An unknown state in the URL shows every state.
  const state = isTrackerState(sp.state) ? sp.state : undefined;
  const rows = await listTracker(c.id, state);
  const when = (d: Date) => formatInstant(d, locale, c.timeZone);
  const admin = user.role === "admin";
  const csv = `/api/moderate/consultations/${c.slug}/countries${state ? `?state=${state}` : ""}`;
  return (
    <div data-wide>
      <p className="mb-2">
        <a href={`/${locale}/moderate/formal?c=${c.slug}`}>{t("backToFormal")}</a>
      </p>
      <h1 className="mb-2 text-4xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-prose">{t("intro", { title: c.title[locale] })}</p>

      <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <input type="hidden" name="c" value={c.slug} />
        <div>
          <label htmlFor="state" className="mb-1 block font-bold">
            {t("filterLabel")}
          </label>
          <select id="state" name="state" defaultValue={state ?? ""} className="border-2 border-ink px-2 py-2">
            <option value="">{t("filterAll")}</option>
            {TRACKER_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`state_${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="border-2 border-brand px-4 py-2 font-bold text-brand">
          {t("filterApply")}
        </button>
      </form>
      <p className="mb-4">
        <span role="status">{t("count", { count: rows.length })}</span> ·{" "}
        <a href={csv} download>
          {t("downloadCsv")}
        </a>
      </p>

      {rows.length === 0 ? (
        <p className="mb-8">{t("none")}</p>
      ) : (
        <table className="mb-12 w-full border-collapse text-left">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="hidden md:table-header-group">
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">
                {t("colCountry")}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t("colState")}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t("colLastChange")}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t("colMembers")}
              </th>
              {admin ? (
                <th scope="col" className="py-2 pr-4">
                  {t("colReminder")}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const name = countryName(r.country, locale);
              const remindable = r.members > 0 && r.state !== "submitted";
              return (
                <tr
                  key={r.country}
                  data-testid={`tracker-${r.country}`}
                  className="block border-b border-muted py-2 md:table-row md:py-0"
                >
                  <th scope="row" className="block py-1 pr-4 text-left md:table-cell md:py-2">
                    {name}
                    {r.expected ? <span className="font-normal text-muted"> · {t("expectedMark")}</span> : null}
                  </th>
                  <td className="block py-1 pr-4 md:table-cell md:py-2">
                    <span className="font-bold md:hidden">{t("cardLabel", { label: t("colState") })}</span>
                    {t(`state_${r.state}`)}
                    {r.extendedUntil && r.extendedUntil > c.closesAt ? (
                      <span className="text-muted"> · {t("extended", { when: when(r.extendedUntil) })}</span>
                    ) : null}
                  </td>
                  <td className="block py-1 pr-4 md:table-cell md:py-2">
                    <span className="font-bold md:hidden">{t("cardLabel", { label: t("colLastChange") })}</span>
                    {r.lastChange ? when(r.lastChange) : t("never")}
                  </td>
                  <td className="block py-1 pr-4 md:table-cell md:py-2">
                    <span className="font-bold md:hidden">{t("cardLabel", { label: t("colMembers") })}</span>
                    {r.members}
                  </td>
                  {admin ? (
                    <td className="block py-1 pr-4 md:table-cell md:py-2">
                      {remindable ? <RemindForm slug={c.slug} country={r.country} name={name} /> : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      {admin ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">{t("expectedTitle")}</h2>
          <ExpectedForm slug={c.slug} countries={(await listExpectedCountries(c.id)).join(" ")} />
        </>
      ) : null}
    </div>
  );
}
