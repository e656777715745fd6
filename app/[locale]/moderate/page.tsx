import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { currentUser, requireRoleForPage } from "@/lib/auth";
import { pickConsultationFor } from "@/lib/consultations/list-consultations";
import { listFeedback } from "@/lib/feedback/list-feedback";
import { listModerators } from "@/lib/feedback/get-item";
import { filterProblems, filterToQuery, parseQueueFilter } from "@/lib/feedback/queue-filter";
import { ITEM_STATUSES } from "@/lib/feedback/triage-schema";
import { listViews } from "@/lib/saved-views/list-views";
import { SavedViews } from "./saved-views";
import { listTags } from "@/lib/feedback/list-tags";
import { filterCounts } from "@/lib/feedback/filter-counts";
import { BulkTriage } from "./bulk-triage";
import { QueueTable } from "./queue-table";
import { QueueFilters } from "@/components/moderate/queue-filters";
import { themeLanguages } from "@/lib/themes/get-themes";
import { QueueKeys } from "@/components/moderate/queue-keys";
import { DownloadLink } from "@/components/moderate/download-link";
import { FindCampaigns, TriageCampaign, type TRunView } from "./campaign-forms";
import { latestCampaignRun } from "@/lib/feedback/find-campaigns";
import { formatInstant } from "@/lib/consultations/format-instant";
import { campaignSizes } from "@/lib/feedback/triage-campaign";
import { countMatching } from "@/lib/feedback/bulk-decide";
import { isLocale } from "@/lib/i18n/routing";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
const one = (v: string | string[] | undefined) => (typeof v === "string" && v.length <= 100 ? v : undefined);

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "moderate" });
  return { title: t("title"), robots: { index: false } };
}

export default async function ModeratePage({ params, searchParams }: TProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const sp = await searchParams;
  // Delegates land here after signing in: their place is the delegation's workspace.
  if ((await currentUser())?.role === "delegate") redirect(`/${locale}/delegation`);
  const user = await requireRoleForPage("moderator", locale, `/${locale}/moderate`);
  const t = await getTranslations({ locale, namespace: "moderate" });
  const tcr = await getTranslations({ locale, namespace: "commentReports" });
  const tt = await getTranslations({ locale, namespace: "triage" });
  const tk = await getTranslations({ locale, namespace: "campaigns" });
  const tv = await getTranslations({ locale, namespace: "queueViews" });
  const trep = await getTranslations({ locale, namespace: "reports" });

  // Hidden drafts: admins only (a moderator's queue, picker and counts never show them).
  const c = await pickConsultationFor(user, one(sp.c));
  if (!c) return <h1 className="text-4xl font-bold">{t("title")}</h1>;
  const parsed = parseQueueFilter(sp);
  const filter =
    parsed.clause && !c.clauses.some((k) => k.key === parsed.clause) ? { ...parsed, clause: undefined } : parsed;
  const [page, moderators, tags, counts, run, views, languages] = await Promise.all([
    listFeedback(c.id, filter, one(sp.after)),
    listModerators(),
    listTags(c.id),
    filterCounts(c.id),
    latestCampaignRun(c.id),
    listViews(user.id, c.id),
    themeLanguages(c.id),
  ]);
  const runView: TRunView | null = run && {
    state: run.running ? "running" : run.finishedAt && !run.error ? "done" : "failed",
    when: formatInstant(run.finishedAt && !run.error ? run.finishedAt : run.requestedAt, locale, c.timeZone),
    by: run.requestedBy,
    campaigns: run.campaigns ?? 0,
    grouped: run.grouped ?? 0,
  };
  // Every item has one status: their counts add up to the total (cached, refreshed in the background).
  const total = [...counts.status.values()].reduce((a, b) => a + b, 0);
  const sizes = await campaignSizes([
    ...new Set([...page.items.map((i) => i.campaign_id), filter.campaign].filter((x): x is string => !!x)),
  ]);
  const query = (extra: Record<string, string | undefined>) =>
    new URLSearchParams(
      Object.entries({ c: c.slug, ...filterToQuery(filter), ...extra }).filter(([, v]) => v) as [string, string][],
    ).toString();
  const exportQuery = (format: string) => new URLSearchParams({ format, ...filterToQuery(filter) }).toString();
  // The item page gets the queue's filter, so its "next" and position follow this list.
  const itemHref = (id: string) => `/${locale}/moderate/items/${id}?${query({ after: undefined })}`;
  const filterQuery = new URLSearchParams(filterToQuery(filter)).toString();
  const nf = new Intl.NumberFormat(locale);
  const tabs = [
    { status: undefined, label: tv("tabAll"), count: total },
    ...ITEM_STATUSES.map((s) => ({ status: s, label: tt(`status_${s}`), count: counts.status.get(s) ?? 0 })),
  ];

  return (
    // data-wide: the locale layout gives staff pages' work surfaces the whole width.
    <div data-wide>
      <h1 className="mb-1 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-3">
        {c.title[locale]} · {t("items", { count: total })} ·{" "}
        <a href={`/${locale}/moderate/overview?c=${c.slug}`}>{t("overview")}</a>
        {" · "}
        <a href={`/${locale}/moderate/campaigns?c=${c.slug}`}>{tv("campaignsLink")}</a>
        {" · "}
        <a href={`/${locale}/moderate/formal?c=${c.slug}`}>{t("formalLink")}</a>
        {" · "}
        <a href={`/${locale}/moderate/key-in?c=${c.slug}`}>{t("keyInLink")}</a>
        {" · "}
        <a href={`/${locale}/moderate/reports?c=${c.slug}`}>{tcr("title")}</a>
      </p>

      <div className="mb-2 flex flex-wrap items-center gap-x-6 gap-y-2">
        <nav aria-label={tv("tabs")}>
          <ul className="flex flex-wrap gap-1">
            {tabs.map((tab) => {
              const current = filter.status === tab.status;
              return (
                <li key={tab.status ?? "all"}>
                  <a
                    href={`/${locale}/moderate?${query({ status: tab.status, after: undefined })}`}
                    aria-current={current ? "page" : undefined}
                    className={`block border-b-4 px-3 py-1 no-underline ${current ? "border-brand font-bold text-ink" : "border-transparent"}`}
                  >
                    {tv("tab", { label: tab.label, count: nf.format(tab.count) })}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
        <a
          href={`/${locale}/moderate?${query({ assignee: user.id, after: undefined })}`}
          aria-current={filter.assignee === user.id ? "page" : undefined}
          className={filter.assignee === user.id ? "font-bold" : undefined}
        >
          {tv("assignedToMe")}
        </a>
      </div>

      <SavedViews
        slug={c.slug}
        query={filterQuery}
        views={views.map((v) => ({
          id: v.id,
          name: v.name,
          mine: v.mine,
          shared: v.shared,
          ownerName: v.ownerName,
          current: v.query === filterQuery,
          href: `/${locale}/moderate?${new URLSearchParams({ c: c.slug, ...Object.fromEntries(new URLSearchParams(v.query)) }).toString()}`,
        }))}
      />

      <QueueFilters
        locale={locale}
        consultation={c}
        filter={filter}
        tags={tags.map((x) => ({ value: x.key, label: x.name }))}
        moderators={moderators.map((m) => ({ value: m.id, label: m.name }))}
        counts={counts}
        problems={filterProblems(sp)}
        languages={languages}
      />

      {filter.campaign ? (
        <div className="mb-3">
          <p className="mb-2">
            {tk("showing", { size: sizes.get(filter.campaign) ?? 0 })}{" "}
            <a href={`/${locale}/moderate?${query({ campaign: undefined })}`}>{tk("all")}</a>
          </p>
          <TriageCampaign
            campaign={filter.campaign}
            size={sizes.get(filter.campaign) ?? 0}
            slug={c.slug}
            filter={filterToQuery(filter)}
          />
        </div>
      ) : null}

      <h2 className="sr-only">{t("queue")}</h2>
      {
        // The bulk bar comes first and, on a wide screen, stays in view (sticky) while the moderator
        // scrolls the list (on a phone it would cover the cards). It is drawn on an empty page too:
        // after a decision on "all matching", the filter may match nothing and the result must still show.
        <BulkTriage
          moderators={moderators.map((m) => ({ id: m.id, name: m.name }))}
          slug={c.slug}
          filter={filterToQuery(filter)}
          matching={countMatching(c.id, { filter }).catch(() => null)}
        >
          {page.items.length === 0 ? (
            <p className="my-4">{t("none")}</p>
          ) : (
            <QueueTable
              items={page.items}
              locale={locale}
              oldestFirst={filter.sort === "oldest"}
              itemHref={itemHref}
              campaignHref={(campaign) => `/${locale}/moderate?${query({ campaign, after: undefined })}`}
              sizes={sizes}
            />
          )}
        </BulkTriage>
      }
      <p className="mt-4 flex gap-6">
        {one(sp.after) ? <a href={`/${locale}/moderate?${query({})}`}>{t("first")}</a> : null}
        {page.next ? <a href={`/${locale}/moderate?${query({ after: page.next })}`}>{t("next")}</a> : null}
      </p>
      {page.items.length ? <QueueKeys help={t("keys")} /> : null}

      <h2 className="mb-2 mt-8 text-2xl font-bold">{tv("moreTools")}</h2>
      <section aria-labelledby="export-title" className="mb-8">
        <h3 id="export-title" className="mb-1 text-xl font-bold">
          {t("export")}
        </h3>
        <p className="mb-2 text-muted">{t("exportHint")}</p>
        <p className="flex flex-wrap gap-x-6 gap-y-2">
          <DownloadLink href={`/api/moderate/consultations/${c.slug}/export?${exportQuery("csv")}`}>
            {t("exportCsv")}
          </DownloadLink>
          {/* A plain download: the progress of DownloadLink counts CSV lines, which a zip has none of. */}
          <a href={`/api/moderate/consultations/${c.slug}/export?${exportQuery("xlsx")}&lang=${locale}`} download>
            {trep("exportXlsx")}
          </a>
          <DownloadLink href={`/api/moderate/consultations/${c.slug}/export?${exportQuery("jsonl")}`}>
            {t("exportJsonl")}
          </DownloadLink>
          <a href={`/api/moderate/consultations/${c.slug}/export?what=audit&format=csv`} download>
            {t("exportAudit")}
          </a>
        </p>
      </section>

      <section aria-labelledby="campaigns-title" className="mb-8">
        <h3 id="campaigns-title" className="mb-1 text-xl font-bold">
          {tk("title")}
        </h3>
        <p className="mb-2 max-w-prose text-muted">{tk("intro")}</p>
        <FindCampaigns slug={c.slug} run={runView} refreshHref={`/${locale}/moderate?${query({})}`} />
      </section>
    </div>
  );
}
