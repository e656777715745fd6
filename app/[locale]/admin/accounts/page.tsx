import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/routing";
import { countryName } from "@/lib/countries/list-countries";
import { formatInstant } from "@/lib/consultations/format-instant";
import { ACCOUNT_SEARCH_MAX, listAccounts, parseAccountListQuery } from "@/lib/users/list-accounts";
import { Pagination } from "@/components/results/pagination";
import { listAdminEvents } from "@/lib/users/admin-event";
import { AccountForm } from "./account-form";
import { SignInLock } from "./sign-in-lock";
import { SendPasswordReset } from "./send-password-reset";
import { listSignInLocks, type TSignInLockState } from "@/lib/users/unlock-sign-in";
import type { TLockView } from "./sign-in-lock";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "accounts" });
  return { title: t("title"), robots: { index: false } };
}

function lockView(s: TSignInLockState | undefined, locale: string): TLockView | null {
  if (!s?.lockedUntil) return null;
  return {
    failures: s.failures,
    addresses: s.lockedAddresses,
    ceiling: s.ceilingReached,
    until: formatInstant(s.lockedUntil, locale, "UTC"),
  };
}

export default async function AccountsPage({ params, searchParams }: TProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const me = await requireRoleForPage("admin", locale, `/${locale}/admin/accounts`);
  const t = await getTranslations({ locale, namespace: "accounts" });
  // The log stores action codes ("consultation.close_early"); people read them in words.
  const ta = await getTranslations({ locale, namespace: "auditActions" });
  const auditAction = (action: string) => {
    const key = action.replace(/\./g, "_");
    return ta.has(key as "other") ? ta(key as "other") : ta("other");
  };
  const query = parseAccountListQuery(await searchParams);
  const [list, events] = await Promise.all([listAccounts(query), listAdminEvents()]);
  const { accounts } = list;
  const href = (page: number) => {
    const sp = new URLSearchParams();
    if (list.q) sp.set("q", list.q);
    if (page > 1) sp.set("page", String(page));
    const qs = sp.toString();
    return `/${locale}/admin/accounts${qs ? `?${qs}` : ""}`;
  };
  const locks = await listSignInLocks(accounts.map((a) => a.email));
  return (
    <>
      <p className="mb-2">
        <a href={`/${locale}/admin`}>{t("back")}</a>
      </p>
      <h1 className="mb-4 text-4xl font-bold">{t("title")}</h1>
      <p className="mb-8 max-w-prose">{t("intro")}</p>
      <form method="get" role="search" aria-labelledby="account-search-label" className="mb-6 max-w-xl">
        <label id="account-search-label" htmlFor="account-search" className="mb-1 block font-bold">
          {t("search")}
        </label>
        <p id="account-search-hint" className="mb-1 text-muted">
          {t("searchHint")}
        </p>
        <div className="flex flex-wrap items-end gap-4">
          <input
            id="account-search"
            name="q"
            type="search"
            defaultValue={list.q}
            maxLength={ACCOUNT_SEARCH_MAX}
            aria-describedby="account-search-hint"
            className="input max-w-md"
          />
          <button type="submit" className="bg-brand px-4 py-2 font-bold text-white">
            {t("searchButton")}
          </button>
        </div>
      </form>
      <p className="mb-4">
        {list.q ? t("countMatching", { count: list.total, q: list.q }) : t("count", { count: list.total })}
        {list.q ? (
          <>
            {" "}
            <a href={`/${locale}/admin/accounts`}>{t("showAll")}</a>
          </>
        ) : null}
      </p>
      <Pagination page={list.page} pages={list.pages} href={href} locale={locale} label={t("pagination")} />
      <ul className="mb-12 space-y-4">
        {accounts.map((a) => (
          <li key={a.id} className="border-b border-line pb-4">
            <p>
              <strong>{a.name}</strong> · {a.email} · {t(`role_${a.role}`)}
              {a.country ? ` · ${countryName(a.country, locale)}` : ""}
              {a.disabledAt ? ` · ${t("deactivated")}` : ""}
            </p>
            <AccountForm
              self={a.id === me.id}
              account={{
                id: a.id,
                name: a.name,
                role: a.role,
                delegationRole: a.delegationRole,
                active: !a.disabledAt,
              }}
            />
            <SignInLock id={a.id} name={a.name} lock={lockView(locks.get(a.email), locale)} />
            {a.id !== me.id && !a.disabledAt ? <SendPasswordReset id={a.id} name={a.name} locale={locale} /> : null}
          </li>
        ))}
      </ul>
      <Pagination page={list.page} pages={list.pages} href={href} locale={locale} label={t("pagination")} />
      <h2 className="mb-4 text-2xl font-bold">{t("logTitle")}</h2>
      {events.length === 0 ? (
        <p>{t("logEmpty")}</p>
      ) : (
        <ol className="space-y-1">
          {events.map((e) => (
            <li key={e.id}>
              <span className="text-muted">{formatInstant(e.at, locale, "UTC")}</span> · <strong>{e.actor.name}</strong>{" "}
              · {auditAction(e.action)} · {e.target}
              {e.detail ? ` · ${e.detail}` : ""}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
