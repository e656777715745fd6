import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth";
import { getConsultationFor } from "@/lib/consultations/get-consultation";
import { pickConsultationFor } from "@/lib/consultations/list-consultations";
import { formatDay, formatInstant } from "@/lib/consultations/format-instant";
import { latestCampaignRun } from "@/lib/feedback/find-campaigns";
import {
  cursorOf,
  getCampaign,
  listCampaignItems,
  listCampaigns,
  parseCursor,
  type TCampaignRow,
} from "@/lib/campaigns/list-campaigns";
import { env } from "@/lib/env";
import { isLocale } from "@/lib/i18n/routing";
import { FindCampaigns, type TRunView } from "@/app/[locale]/moderate/campaign-forms";
import { MergeCampaigns, RemoveFromCampaign } from "./campaign-admin-forms";
import { Notice } from "@/components/ui/notice";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
const one = (v: string | string[] | undefined) => (typeof v === "string" && v.length <= 100 ? v : undefined);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "campaigns" });
  return { title: t("title"), robots: { index: false } };
}

export default async function CampaignsPage({ params, searchParams }: TProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const sp = await searchParams;
  const user = await requireRoleForPage("moderator", locale, `/${locale}/moderate/campaigns`);
  // Hidden drafts: admins only.
  const slug = one(sp.c);
  const c = slug ? await getConsultationFor(user, slug) : await pickConsultationFor(user, null);
  if (!c) notFound();
  const [t, tt] = await Promise.all([
    getTranslations({ locale, namespace: "campaigns" }),
    getTranslations({ locale, namespace: "triage" }),
  ]);
  const num = new Intl.NumberFormat(locale);
  const day = (d: Date) => formatDay(d, locale, c.timeZone);
  const base = `/${locale}/moderate/campaigns?c=${encodeURIComponent(c.slug)}`;
  const queue = (id: string) => `/${locale}/moderate?c=${encodeURIComponent(c.slug)}&campaign=${id}`;

  const breakdown = (row: TCampaignRow) => (
    <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
      <dt className="font-bold">{t("byStatus")}</dt>
      <dd>{row.statuses.map((s) => `${tt(`status_${s.key}`)} ${num.format(s.n)}`).join(" · ")}</dd>
      <dt className="font-bold">{t("byDecision")}</dt>
      <dd>
        {row.dispositions
          .map(
            (d) =>
              `${d.key ? tt(`disposition_${d.key}` as "disposition_accepted") : tt("dispositionNone")} ${num.format(d.n)}`,
          )
          .join(" · ")}
      </dd>
      <dt className="font-bold">{t("submitted")}</dt>
      <dd>{row.firstAt && row.lastAt ? t("dateRange", { first: day(row.firstAt), last: day(row.lastAt) }) : "—"}</dd>
    </dl>
  );

  const header = (
    <p className="mb-6 text-lg">
      {c.title[locale]} · <a href={`/${locale}/moderate?c=${encodeURIComponent(c.slug)}`}>{t("backToQueue")}</a>
    </p>
  );

  // One campaign: its figures, the queue link, and its items with "remove from campaign".
  const campaignId = one(sp.campaign);
  if (campaignId) {
    const campaign = UUID.test(campaignId) ? await getCampaign(c.id, campaignId) : null;
    if (!campaign) {
      return (
        <>
          <h1 className="mb-2 text-4xl font-bold">{t("title")}</h1>
          {header}
          <Notice tone="warning">
            {t("notFound")} <a href={base}>{t("backToList")}</a>
          </Notice>
        </>
      );
    }
    const itemsAfter = one(sp.itemsAfter);
    const page = await listCampaignItems(campaign.id, itemsAfter && UUID.test(itemsAfter) ? itemsAfter : undefined);
    return (
      <>
        <p className="mb-2">
          <a href={base}>{t("backToList")}</a>
        </p>
        <h1 className="mb-2 text-4xl font-bold">{t("badge", { size: num.format(campaign.size) })}</h1>
        {header}
        <blockquote className="mb-4 break-words border-l-4 border-brand bg-panel p-4">{campaign.sample}</blockquote>
        <div className="mb-4">{breakdown(campaign)}</div>
        <p className="mb-8">
          <a href={queue(campaign.id)} className="font-bold">
            {t("open")}
          </a>
        </p>
        <RemoveFromCampaign
          slug={c.slug}
          campaign={campaign.id}
          items={page.items.map((i) => ({
            id: i.id,
            reference: i.reference,
            label: `${i.reference} · ${day(i.submittedAt)} · ${tt(`status_${i.status}`)} · ${i.disposition ? tt(`disposition_${i.disposition}` as "disposition_accepted") : tt("dispositionNone")}`,
            comment: i.comment,
            href: `/${locale}/moderate/items/${i.id}`,
          }))}
        />
        <nav aria-label={t("itemPages")} className="mt-6 flex flex-wrap gap-6">
          {itemsAfter ? <a href={`${base}&campaign=${campaign.id}`}>{t("firstItems")}</a> : null}
          {page.next ? <a href={`${base}&campaign=${campaign.id}&itemsAfter=${page.next}`}>{t("nextItems")}</a> : null}
        </nav>
      </>
    );
  }

  const after = parseCursor(one(sp.after));
  const [list, run] = await Promise.all([listCampaigns(c.id, after), latestCampaignRun(c.id)]);
  const runView: TRunView | null = run && {
    state: run.running ? "running" : run.finishedAt && !run.error ? "done" : "failed",
    when: formatInstant(run.finishedAt && !run.error ? run.finishedAt : run.requestedAt, locale, c.timeZone),
    by: run.requestedBy,
    campaigns: run.campaigns ?? 0,
    grouped: run.grouped ?? 0,
  };
  return (
    <>
      <h1 className="mb-2 text-4xl font-bold">{t("title")}</h1>
      {header}
      <p className="mb-2 max-w-prose">{t("listIntro", { min: env().CAMPAIGN_MIN_CHARS })}</p>
      <FindCampaigns slug={c.slug} run={runView} refreshHref={base} />

      <h2 className="mb-4 text-2xl font-bold">{t("count", { count: list.total })}</h2>
      <ol className="mb-6 space-y-6">
        {list.campaigns.map((row) => (
          <li key={row.id} className="border-2 border-line p-4">
            <h3 className="mb-2 text-xl font-bold">{t("badge", { size: num.format(row.size) })}</h3>
            <blockquote className="mb-3 break-words border-l-4 border-brand pl-3">{row.sample}</blockquote>
            <div className="mb-3">{breakdown(row)}</div>
            <p className="flex flex-wrap gap-x-6 gap-y-2">
              <a href={queue(row.id)} className="font-bold">
                {t("open")}
                <span className="sr-only"> ({t("badge", { size: num.format(row.size) })})</span>
              </a>
              <a href={`${base}&campaign=${row.id}`}>
                {t("items")}
                <span className="sr-only"> ({t("badge", { size: num.format(row.size) })})</span>
              </a>
            </p>
          </li>
        ))}
      </ol>
      <nav aria-label={t("campaignPages")} className="mb-8 flex flex-wrap gap-6">
        {after ? <a href={base}>{t("firstPage")}</a> : null}
        {list.next ? <a href={`${base}&after=${cursorOf(list.next)}`}>{t("nextPage")}</a> : null}
      </nav>

      {list.campaigns.length ? (
        <section aria-labelledby="merge-title" className="mb-8 border-t-2 border-line pt-6">
          <h2 id="merge-title" className="mb-1 text-2xl font-bold">
            {t("mergeTitle")}
          </h2>
          <p className="mb-4 max-w-prose text-muted">{t("mergeHint")}</p>
          <MergeCampaigns
            slug={c.slug}
            options={list.campaigns.map((row) => ({
              value: row.id,
              label: `${t("badge", { size: num.format(row.size) })}: ${row.sample.slice(0, 60)}${row.sample.length > 60 ? "…" : ""}`,
            }))}
          />
        </section>
      ) : null}
    </>
  );
}
