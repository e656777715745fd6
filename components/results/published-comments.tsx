import { getTranslations } from "next-intl/server";
import type { TListedRow } from "@/lib/results/build-results";
import { countryName } from "@/lib/countries/list-countries";

/** Published comments with the decision on each and its reason. Only what the results copy lets out. */
export async function PublishedComments({
  rows,
  locale,
  start = 1,
  reportBase,
}: {
  rows: TListedRow[];
  locale: string;
  start?: number;
  /** The consultation's comments address: each comment gets "Report this comment" (its page is under it). */
  reportBase?: string;
}) {
  const t = await getTranslations({ locale, namespace: "results" });
  const tm = await getTranslations({ locale, namespace: "moderate" });
  const td = await getTranslations({ locale, namespace: "delegation" });
  const tr = await getTranslations({ locale, namespace: "commentReports" });
  return (
    <ol start={start} aria-label={t("publishedComments")} className="mb-4 max-w-prose list-none space-y-2">
      {rows.map((m, i) => (
        <li key={i} className="border-l-4 border-line pl-3">
          <p className="text-muted">
            {[
              tm(`aspect_${m.aspect}` as "aspect_clarity"),
              m.official && m.country ? `${tm("official")}, ${countryName(m.country, locale)}` : null,
              m.rating ? t("ratingOnly", { rating: m.rating }) : null,
              m.stance ? td(`stance_${m.stance}` as "stance_support") : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
          {m.withdrawn ? <p className="italic">{tr("withdrawnOnResults")}</p> : null}
          {m.comment ? <p className="whitespace-pre-wrap break-words">{m.comment}</p> : null}
          {m.proposed_wording ? (
            <p className="whitespace-pre-wrap break-words">{t("proposedWording", { text: m.proposed_wording })}</p>
          ) : null}
          <p className="whitespace-pre-wrap break-words">
            <span className="font-bold">
              {t("decision", { decision: t(`disposition_${m.disposition ?? "none"}` as "disposition_none") })}
            </span>
            {m.disposition_reason ? ` ${t("reason", { reason: m.disposition_reason })}` : null}
          </p>
          {reportBase && m.id && !m.official && !m.withdrawn ? (
            <p>
              <a href={`${reportBase}/${m.id}/report`}>{tr("report")}</a>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
