import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/routing";
import { formatInstant } from "@/lib/consultations/format-instant";
import { FAILED_SHOWN, listFailedJobs } from "@/lib/jobs/failed-jobs";
import { Notice } from "@/components/ui/notice";
import { retryJobAction } from "./actions";

// Failed jobs change with every retry and every failure: read at each request.
export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "jobs" });
  return { title: t("title"), robots: { index: false } };
}

export default async function JobsPage({ params, searchParams }: TProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireRoleForPage("admin", locale, `/${locale}/admin/jobs`);
  const t = await getTranslations({ locale, namespace: "jobs" });
  const sp = await searchParams;
  const retried = typeof sp.retried === "string" && /^\d{1,18}$/.test(sp.retried) ? sp.retried : null;
  const error = sp.error === "notFailed" || sp.error === "forbidden" ? sp.error : null;
  const { jobs, total } = await listFailedJobs();
  const task = (name: string) => {
    const key = `task_${name.replace(/-/g, "_")}`;
    return t.has(key as "task_other") ? t(key as "task_other") : name;
  };
  return (
    <>
      <p className="mb-2">
        <a href={`/${locale}/admin`}>{t("back")}</a>
      </p>
      <h1 className="mb-4 text-4xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-prose">{t("intro")}</p>
      {retried ? (
        <div role="status">
          <Notice>{t("retried", { id: retried })}</Notice>
        </div>
      ) : null}
      {error ? (
        <div role="alert">
          <Notice tone="warning">{t(`error_${error}`)}</Notice>
        </div>
      ) : null}
      <h2 className="mb-4 text-2xl font-bold">{t("failedTitle", { count: total })}</h2>
      {total > jobs.length ? <p className="mb-4">{t("newestShown", { shown: FAILED_SHOWN })}</p> : null}
      {jobs.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="space-y-6">
          {jobs.map((j) => (
            <li key={j.id} className="border-b border-line pb-4">
              <h3 className="mb-2 text-lg font-bold">{t("jobHeading", { task: task(j.task), id: j.id })}</h3>
              <dl className="mb-3 grid grid-cols-1 gap-x-4 sm:grid-cols-[auto_1fr]">
                <dt className="font-bold">{t("created")}</dt>
                <dd>{formatInstant(j.createdAt, locale, "UTC")}</dd>
                <dt className="font-bold">{t("failedAt")}</dt>
                <dd>{formatInstant(j.failedAt, locale, "UTC")}</dd>
                <dt className="font-bold">{t("attempts")}</dt>
                <dd>{j.attempts}</dd>
                <dt className="font-bold">{t("lastError")}</dt>
                <dd className="break-words font-mono text-sm">{(j.lastError ?? t("noError")).slice(0, 500)}</dd>
              </dl>
              <form action={retryJobAction}>
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="id" value={j.id} />
                <button
                  type="submit"
                  className="bg-brand px-4 py-2 font-bold text-white"
                  aria-label={t("retryLabel", { task: task(j.task), id: j.id })}
                >
                  {t("retry")}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
