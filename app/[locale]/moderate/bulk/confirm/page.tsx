// The confirmation of a decision in bulk, without JavaScript: the bulk bar's fields arrive
// in the query; this page counts what would change (the numbers the server will apply to,
// if nothing else happens in between) and asks to Confirm or Cancel.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth";
import { bulkDecide } from "@/lib/feedback/bulk-decide";
import { bulkFields, readBulkForm } from "@/lib/feedback/bulk-schema";
import { isLocale } from "@/lib/i18n/routing";
import { confirmBulkDecisionAction } from "../actions";

// Counts live data for the signed-in moderator.
export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "bulk" });
  return { title: t("pageTitle"), robots: { index: false } };
}

export default async function ConfirmBulkPage({ params, searchParams }: TProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const user = await requireRoleForPage("moderator", locale, `/${locale}/moderate`);
  const t = await getTranslations({ locale, namespace: "bulk" });
  const tt = await getTranslations({ locale, namespace: "triage" });
  const sp = await searchParams;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(sp))
    for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) query.append(k, one);
  const r = await bulkDecide(user, readBulkForm(query), false);
  if (!r.ok && r.errors.some((e) => e.key === "not_found")) notFound();

  const slug = query.get("c") ?? "";
  const back = `/${locale}/moderate?${new URLSearchParams([["c", slug], ...new URLSearchParams(query.get("filter") ?? "").entries()]).toString()}`;
  return (
    <>
      <h1 className="mb-6 text-4xl font-bold">{t("pageTitle")}</h1>
      {!r.ok ? (
        <div role="alert" className="mb-6 border-4 border-error p-4">
          <h2 className="mb-2 text-xl font-bold">{t("errorsTitle")}</h2>
          <ul>
            {r.errors.map((e) => (
              <li key={e.field + e.key} className="font-bold text-error">
                {t(`err_${e.key}` as "err_invalid")}
              </li>
            ))}
          </ul>
        </div>
      ) : r.changing === 0 ? (
        <p className="mb-6 text-lg">{t("nothing", { matching: r.matching })}</p>
      ) : (
        <form action={confirmBulkDecisionAction} className="mb-6 max-w-prose">
          {bulkFields(r.decision).map(([k, v], i) => (
            <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
          ))}
          <input type="hidden" name="locale" value={locale} />
          <p className="mb-2 text-lg">
            {r.decision.decision === "none"
              ? t("clear", { changing: r.changing })
              : t("set", {
                  decision: tt(`disposition_${r.decision.decision}`),
                  hasReason: r.decision.reason ? "yes" : "no",
                  changing: r.changing,
                })}{" "}
            {t("of", { scope: r.decision.scope, matching: r.matching, already: r.matching - r.changing })}
          </p>
          {r.decision.reason ? (
            <p className="mb-2">
              {t("reasonLabel")} <q>{r.decision.reason}</q>
            </p>
          ) : null}
          <p className="mb-4 text-muted">{t("history")}</p>
          <button type="submit" className="bg-brand px-4 py-2 font-bold text-white">
            {t("confirm")}
          </button>
        </form>
      )}
      <p>
        <a href={back}>{r.ok && r.changing > 0 ? t("cancel") : t("back")}</a>
      </p>
    </>
  );
}
