import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/routing";
import { now } from "@/lib/clock";
import { appUrl } from "@/lib/env";
import { getConsultationFresh } from "@/lib/consultations/get-consultation";
import { consultationPhase } from "@/lib/consultations/consultation-status";
import { formatInstant } from "@/lib/consultations/format-instant";
import { isToken } from "@/lib/security/token";
import { DeadlineHistory } from "@/components/deadline-history";
import { CloseFields, ExtendFields, LifecycleForm } from "@/app/[locale]/admin/consultations/lifecycle-forms";
import { Notice } from "@/components/ui/notice";

export const dynamic = "force-dynamic";

const DONE = ["publish", "extend", "close", "results", "republish"] as const;

type TProps = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "authoring" });
  return { title: t("manageTitle"), robots: { index: false } };
}

export default async function ManageConsultationPage({ params, searchParams }: TProps) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireRoleForPage("admin", locale, `/${locale}/admin/consultations/${slug}`);
  const c = await getConsultationFresh(slug);
  if (!c) notFound();
  const t = await getTranslations({ locale, namespace: "authoring" });
  const sp = await searchParams;
  const at = now();
  const phase = consultationPhase(c, at);
  const when = (d: Date) => formatInstant(d, locale, c.timeZone);
  const publicPath = `/${locale}/c/${c.slug}`;
  const created = isToken(sp.preview) ? `${appUrl()}${publicPath}?preview=${sp.preview}` : null;
  return (
    <>
      <p className="mb-2">
        <a href={`/${locale}/admin/consultations`}>{t("listTitle")}</a>
      </p>
      <h1 className="mb-2 text-4xl font-bold">{c.title[locale]}</h1>
      <p className="mb-2 text-xl" data-testid="phase">
        {t(`phase_${phase}`)}
      </p>
      <p className="mb-2">{t("window", { opens: when(c.opensAt), closes: when(c.closesAt) })}</p>
      <p className="mb-6">{t("draftVersion", { version: c.draftVersion, count: c.clauses.length })}</p>
      {created ? (
        <Notice title={t("createdTitle")}>
          <p className="mb-2">{t("createdBody")}</p>
          <a href={`${publicPath}?preview=${sp.preview}`} className="break-all">
            {created}
          </a>
        </Notice>
      ) : null}
      {DONE.find((d) => d === sp.done) ? <Notice>{t(`done_${sp.done as (typeof DONE)[number]}`)}</Notice> : null}
      {typeof sp.redrafted === "string" ? (
        <Notice title={t("redraftedTitle")}>{t("redraftedBody", { version: c.draftVersion })}</Notice>
      ) : null}
      <p className="mb-8 flex flex-wrap gap-6">
        <a href={`/${locale}/admin/consultations/${c.slug}/edit`}>{t("editLink")}</a>
        {phase !== "draft" ? <a href={publicPath}>{t("publicPage")}</a> : null}
        {phase !== "draft" ? <a href={`/${locale}/moderate?c=${c.slug}`}>{t("queue")}</a> : null}
        {phase !== "draft" && phase !== "results" ? (
          <a href={`/${locale}/moderate/key-in?c=${c.slug}`}>{t("keyIn")}</a>
        ) : null}
        {phase !== "results" ? <a href={`/${locale}/admin/consultations/${c.slug}/redraft`}>{t("redraft")}</a> : null}
        {phase === "results" ? <a href={`${publicPath}/results`}>{t("resultsPage")}</a> : null}
      </p>

      {phase === "draft" ? (
        <>
          <h2 className="mb-2 text-2xl font-bold">{t("previewTitle")}</h2>
          <p className="mb-4 max-w-prose">{t("previewIntro")}</p>
          <LifecycleForm slug={c.slug} intent="preview" label={t("previewNew")} previewBase={publicPath} />
          <h2 className="mb-2 text-2xl font-bold">{t("publishTitle")}</h2>
          <p className="mb-4 max-w-prose">{t("publishIntro")}</p>
          <LifecycleForm slug={c.slug} intent="publish" label={t("publish")} />
        </>
      ) : null}
      {phase !== "results" ? (
        <>
          <h2 className="mb-2 text-2xl font-bold">{t("extendTitle")}</h2>
          <LifecycleForm slug={c.slug} intent="extend" label={t("extend")}>
            <ExtendFields timeZone={c.timeZone} />
          </LifecycleForm>
        </>
      ) : null}
      {phase === "open" ? (
        <>
          <h2 className="mb-2 text-2xl font-bold">{t("closeTitle")}</h2>
          <LifecycleForm slug={c.slug} intent="close" label={t("close")}>
            <CloseFields />
          </LifecycleForm>
        </>
      ) : null}
      {phase === "closed" ? (
        <>
          <h2 className="mb-2 text-2xl font-bold">{t("resultsTitle")}</h2>
          <p className="mb-4 max-w-prose">{t("resultsIntro")}</p>
          <LifecycleForm slug={c.slug} intent="results" label={t("publishResults")} />
        </>
      ) : null}
      {phase === "results" ? (
        <>
          <h2 className="mb-2 text-2xl font-bold">{t("republishTitle")}</h2>
          <p className="mb-4 max-w-prose">{t("republishIntro")}</p>
          <LifecycleForm slug={c.slug} intent="republish" label={t("republishResults")} />
        </>
      ) : null}
      <DeadlineHistory consultationId={c.id} locale={locale} timeZone={c.timeZone} />
    </>
  );
}
