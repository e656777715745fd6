import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth";
import { clauseLabel } from "@/lib/consultations/clause-label";
import { formatInstant } from "@/lib/consultations/format-instant";
import { countryName } from "@/lib/countries/list-countries";
import { getItem, listModerators } from "@/lib/feedback/get-item";
import { fieldLabel, valueLabel } from "@/lib/feedback/describe-change";
import { campaignSamples } from "@/lib/campaigns/campaign-samples";
import { itemPlace, type TCount } from "@/lib/feedback/item-neighbours";
import { filterToQuery, parseQueueFilter } from "@/lib/feedback/queue-filter";
import { isLocale } from "@/lib/i18n/routing";
import { TriageForm } from "./triage-form";
import { ClauseVersions } from "@/components/moderate/clause-versions";
import { listAttachments } from "@/lib/attachments/get-attachment";
import { AttachmentsSection } from "./attachments-section";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "moderate" });
  return { title: t("title"), robots: { index: false } };
}

export default async function ItemPage({ params, searchParams }: TProps) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const sp = await searchParams;
  // The queue's filter this item was opened from (the same keys as the queue's URL): previous, next and "Save and next" keep it.
  const filter = parseQueueFilter(sp);
  const filterQuery = new URLSearchParams(filterToQuery(filter)).toString();
  const user = await requireRoleForPage(
    "moderator",
    locale,
    `/${locale}/moderate/items/${id}${filterQuery ? `?${filterQuery}` : ""}`,
  );
  const item = await getItem(id, user);
  if (!item) notFound();
  const [t, tm, tc, tr, td, moderators, place, files, ta] = await Promise.all([
    getTranslations({ locale, namespace: "triage" }),
    getTranslations({ locale, namespace: "moderate" }),
    getTranslations({ locale, namespace: "consultation" }),
    getTranslations({ locale, namespace: "respond" }),
    getTranslations({ locale, namespace: "delegation" }),
    listModerators(),
    itemPlace(filter, id),
    listAttachments(user, item.response.id),
    getTranslations({ locale, namespace: "attachments" }),
  ]);
  const r = item.response;
  const tt = (k: string) => t(k as "status");
  const fieldName = (f: string) => (f === "attachment" ? ta("historyField") : fieldLabel(tt, f));
  const campaigns = await campaignSamples(
    item.events
      .filter((e) => e.field === "campaign")
      .flatMap((e) => [e.fromValue, e.toValue])
      .filter((v): v is string => !!v),
  );
  const valueText = (f: string, v: string | null) => valueLabel(tt, moderators, f, v, campaigns);
  const withFilter = (path: string) =>
    `${path}?${new URLSearchParams({ c: r.consultation.slug, ...filterToQuery(filter) })}`;
  const count = (c: TCount) =>
    c.kind === "exact" ? c.n.toLocaleString(locale) : t(c.kind === "about" ? "countAbout" : "countMore", { n: c.n });

  return (
    <>
      <p className="mb-2">
        <a href={withFilter(`/${locale}/moderate`)}>{t("back")}</a>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t("itemTitle", { reference: r.reference })}</h1>
      {place ? (
        <nav aria-label={t("placeNav")} className="mb-6 flex flex-wrap items-baseline gap-x-6 gap-y-2">
          <p data-testid="item-place">
            {place.position
              ? t("placeOf", {
                  position:
                    place.position.kind === "exact"
                      ? place.position.n.toLocaleString(locale)
                      : t("placeBeyond", { n: place.position.n }),
                  total: count(place.total),
                })
              : t("placeOutside", { total: count(place.total) })}
          </p>
          {place.previous ? (
            <a href={withFilter(`/${locale}/moderate/items/${place.previous}`)} rel="prev">
              {t("previous")}
            </a>
          ) : null}
          {place.next ? (
            <a href={withFilter(`/${locale}/moderate/items/${place.next}`)} rel="next">
              {t("next")}
            </a>
          ) : null}
        </nav>
      ) : null}
      <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
        <div>
          <h2 className="mb-2 text-xl font-bold">
            {item.clause ? clauseLabel(item.clause, tc) : t("wholeDraft")} –{" "}
            {tm(`aspect_${item.aspect}` as "aspect_clarity")}
          </h2>
          <div className="mb-4 border-l-4 border-brand bg-panel p-4">
            {r.channel === "formal" ? (
              <p>
                <strong className="bg-brand px-2 text-white">{tm("official")}</strong>{" "}
                <a href={`/${locale}/moderate/formal`}>{tm("formalLink")}</a>
              </p>
            ) : null}
            {item.stance ? (
              <p>
                <strong>{td(`stance_${item.stance}`)}</strong>
              </p>
            ) : null}
            {item.rating ? (
              <p>
                {tm("colRating")}: {item.rating} / 5
              </p>
            ) : null}
            {item.term ? (
              <p>
                <strong>{tr("term")}:</strong> {item.term}
              </p>
            ) : null}
            {item.proposedWording ? (
              <p>
                <strong>{item.aspect === "position" ? td("amendment") : tr("proposedWording")}:</strong>{" "}
                {item.proposedWording}
              </p>
            ) : null}
            {item.countryContext ? (
              <p>
                <strong>{tr("countryContext")}:</strong> {item.countryContext}
              </p>
            ) : null}
            {item.comment ? <p className="whitespace-pre-wrap break-words">{item.comment}</p> : null}
          </div>
          {item.clause ? (
            <>
              <ClauseVersions locale={locale} answered={item.clauseText} current={item.clause} />
            </>
          ) : null}
          <h3 className="mb-1 font-bold">{t("respondent")}</h3>
          <p className="mb-4">
            {tr(`type_${r.respondentType}` as "type_individual")} · {countryName(r.country, locale)}
            {r.organisationName ? ` · ${r.organisationName}` : ""} ·{" "}
            {tr(`publication_${r.publication}` as "publication_none")} ·{" "}
            {formatInstant(r.submittedAt, locale, r.consultation.timeZone)}
          </p>
          <AttachmentsSection
            locale={locale}
            itemId={item.id}
            files={files}
            consented={r.publication !== "none"}
            outcome={typeof sp.file === "string" ? sp.file : undefined}
          />
          <h3 className="mb-1 font-bold">{t("sameResponse")}</h3>
          <ul className="mb-6 list-disc pl-6">
            {r.feedbackItems
              .filter((x) => x.id !== item.id)
              .map((x) => (
                <li key={x.id}>
                  <a href={`/${locale}/moderate/items/${x.id}`}>
                    {x.clause ? clauseLabel(x.clause, tc) : t("wholeDraft")} –{" "}
                    {tm(`aspect_${x.aspect}` as "aspect_clarity")}
                  </a>
                </li>
              ))}
            {r.feedbackItems.length === 1 ? <li>{t("none")}</li> : null}
          </ul>
          <h3 className="mb-1 font-bold">{t("notes")}</h3>
          {item.notes.length === 0 ? (
            <p className="mb-4">{t("none")}</p>
          ) : (
            <ul className="mb-4 space-y-2">
              {item.notes.map((n) => (
                <li key={n.id} className="border-l-4 border-line pl-3">
                  <p className="whitespace-pre-wrap break-words">{n.body}</p>
                  <p className="text-muted">
                    {n.author.name} · {formatInstant(n.createdAt, locale, r.consultation.timeZone)}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <h3 className="mb-1 font-bold">{t("history")}</h3>
          {item.events.length === 0 ? (
            <p>{t("historyEmpty")}</p>
          ) : (
            <ol className="space-y-1">
              {item.events.map((e) => (
                <li key={e.id}>
                  {t("eventLine", {
                    actor: e.actor.name,
                    field: fieldName(e.field),
                    from: valueText(e.field, e.fromValue),
                    to: valueText(e.field, e.toValue),
                  })}
                  <span className="text-muted"> · {formatInstant(e.at, locale, r.consultation.timeZone)}</span>
                </li>
              ))}
            </ol>
          )}
        </div>
        <section aria-labelledby="triage-title">
          <h2 id="triage-title" className="mb-4 text-2xl font-bold">
            {t("triage")}
          </h2>
          <TriageForm
            key={item.id}
            itemId={item.id}
            version={item.version}
            locale={locale}
            timeZone={r.consultation.timeZone}
            filter={filterQuery}
            slug={r.consultation.slug}
            savedBefore={sp.saved === "1"}
            status={item.status}
            disposition={item.disposition}
            reason={item.dispositionReason}
            assigneeId={item.assigneeId}
            tags={item.tags.map((x) => x.tag.name).join(", ")}
            cleared={item.clearedAt !== null}
            consented={r.publication !== "none"}
            moderators={moderators.map((m) => ({ id: m.id, name: m.name }))}
          />
        </section>
      </div>
    </>
  );
}
