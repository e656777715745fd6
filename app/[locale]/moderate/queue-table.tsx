// The moderation queue's list: one row per item (a card each on a phone), with its checkbox for the bulk decision
// (bulk-triage.tsx), its link to the item's page, and what a moderator reads before opening it.
import { getTranslations } from "next-intl/server";
import { clauseLabel } from "@/lib/consultations/clause-label";
import type { listFeedback } from "@/lib/feedback/list-feedback";
import { isOtherLanguage } from "@/lib/themes/detect-languages";
import { languageName } from "@/lib/themes/language-name";
import { countryName } from "@/lib/countries/list-countries";

type TQueueItem = Awaited<ReturnType<typeof listFeedback>>["items"][number];

export async function QueueTable({
  items,
  locale,
  oldestFirst,
  itemHref,
  campaignHref,
  sizes,
}: {
  items: TQueueItem[];
  locale: "en" | "fr";
  oldestFirst: boolean;
  /** The item's page, with the queue's filter. */
  itemHref: (id: string) => string;
  /** This queue narrowed to one campaign. */
  campaignHref: (campaignId: string) => string;
  /** Each campaign's number of items. */
  sizes: Map<string, number>;
}) {
  const [t, tc, tr, tt, tk, td, tv, th] = await Promise.all(
    (["moderate", "consultation", "respond", "triage", "campaigns", "delegation", "queueViews", "themes"] as const).map(
      (namespace) => getTranslations({ locale, namespace }),
    ),
  );
  const cardLabel = (label: string) => <span className="font-bold md:hidden">{tv("cardLabel", { label })} </span>;
  return (
    <table className="w-full border-collapse text-left max-md:block">
      <caption className="mb-2 text-left text-muted max-md:block">
        {t("showing", {
          count: items.length,
          order: oldestFirst ? t("sortOldest") : t("sortNewest"),
        })}
      </caption>
      <thead className="max-md:hidden">
        <tr className="border-b-2 border-ink">
          <th scope="col" className="p-2">
            <span className="sr-only">{tt("bulk")}</span>
          </th>
          <th scope="col" className="p-2">
            {t("colReference")}
          </th>
          <th scope="col" className="p-2">
            {t("colRespondent")}
          </th>
          <th scope="col" className="p-2">
            {t("colClause")}
          </th>
          <th scope="col" className="p-2">
            {t("colAspect")}
          </th>
          <th scope="col" className="p-2">
            {t("colRating")}
          </th>
          <th scope="col" className="p-2">
            {t("colText")}
          </th>
          <th scope="col" className="p-2">
            {t("colStatus")}
          </th>
        </tr>
      </thead>
      {/* Below md the rows are cards: each cell a line, named as its column's header would. */}
      <tbody className="max-md:block">
        {items.map((item) => (
          <tr
            key={item.id}
            className="border-b border-line align-top max-md:mb-3 max-md:flex max-md:flex-wrap max-md:items-center max-md:border-2 max-md:p-2"
          >
            <td className="p-2 max-md:p-1">
              <input
                type="checkbox"
                name="ids"
                value={item.id}
                id={`select-${item.id}`}
                className="size-6 accent-brand"
                aria-label={tt("select", {
                  reference: `${item.reference} ${t(`aspect_${item.aspect}` as "aspect_clarity")}`,
                })}
              />
            </td>
            <td className="p-2 font-mono text-sm [overflow-wrap:anywhere] max-md:min-w-0 max-md:flex-1 max-md:p-1 max-md:text-base">
              <a
                data-queue-item
                href={itemHref(item.id)}
                aria-label={t("open", {
                  reference: `${item.reference} ${t(`aspect_${item.aspect}` as "aspect_clarity")}`,
                })}
              >
                {item.reference}
              </a>
            </td>
            <td className="p-2 [overflow-wrap:anywhere] max-md:block max-md:w-full max-md:p-1">
              {cardLabel(t("colRespondent"))}
              {tr(`type_${item.respondent_type}` as "type_individual")}
              <br className="max-md:hidden" />{" "}
              <span className="text-muted">
                {item.organisation_name ? `${item.organisation_name}, ` : ""}
                {countryName(item.country, locale)}
              </span>
              {item.channel === "formal" ? (
                <strong className="mt-1 block w-fit bg-brand px-2 text-white">{t("official")}</strong>
              ) : null}
              {item.channel === "staff" ? (
                <span className="mt-1 block w-fit border border-ink px-2">{t("keyedIn")}</span>
              ) : null}
              {item.in_extension ? (
                <span className="mt-1 block w-fit border border-ink px-2">{t("inExtension")}</span>
              ) : null}
            </td>
            <td className="p-2 max-md:w-full max-md:p-1">
              {cardLabel(t("colClause"))}
              {item.clause_kind
                ? clauseLabel({ kind: item.clause_kind as "action", number: item.clause_number }, tc)
                : t("general")}
              <span className="md:hidden">
                {" "}
                · {t(`aspect_${item.aspect}` as "aspect_clarity")}
                {item.rating ? ` · ${t("colRating")} ${item.rating}` : ""}
              </span>
            </td>
            <td className="p-2 max-md:hidden">{t(`aspect_${item.aspect}` as "aspect_clarity")}</td>
            <td className="p-2 max-md:hidden">{item.rating ?? "–"}</td>
            <td className="whitespace-pre-wrap p-2 [overflow-wrap:anywhere] md:max-w-md max-md:w-full max-md:p-1">
              {isOtherLanguage(item.detected_language) ? (
                <span className="mb-1 block w-fit border border-ink px-2" lang={locale}>
                  {th("otherLanguageMark", { language: languageName(item.detected_language!, locale) })}
                </span>
              ) : null}
              {item.stance ? (
                <span className="block">
                  <strong>{td(`stance_${item.stance}` as "stance_support")}</strong>
                </span>
              ) : null}
              {item.term ? (
                <span className="block">
                  <strong>{tr("term")}:</strong> {item.term}
                </span>
              ) : null}
              {item.proposed_wording ? (
                <span className="block">
                  <strong>{tr("proposedWording")}:</strong> {item.proposed_wording}
                </span>
              ) : null}
              {item.country_context ? (
                <span className="block">
                  <strong>{tr("countryContext")}:</strong> {item.country_context}
                </span>
              ) : null}
              {item.comment}
            </td>
            <td className="p-2 [overflow-wrap:anywhere] max-md:w-full max-md:p-1">
              {cardLabel(t("colStatus"))}
              {tt(`status_${item.status}` as "status_new")}
              {item.tags ? <span className="block text-muted">{item.tags}</span> : null}
              {item.campaign_id ? (
                <a className="block" href={campaignHref(item.campaign_id)}>
                  {tk("badge", { size: sizes.get(item.campaign_id) ?? 0 })}
                </a>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
