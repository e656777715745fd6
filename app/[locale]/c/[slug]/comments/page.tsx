import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getPublicConsultation } from "@/lib/consultations/public-consultation";
import { consultationMetadata } from "@/lib/consultations/consultation-metadata";
import { clauseLabel } from "@/lib/consultations/clause-label";
import { countryName } from "@/lib/countries/list-countries";
import { isLocale } from "@/lib/i18n/routing";
import { listPublished } from "@/lib/publication/list-published";
import { labelledT } from "@/lib/consultations/draft-labels";
import { attachmentHref, publishedAttachmentsOf } from "@/lib/attachments/get-attachment";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const generateMetadata = consultationMetadata("published");

// Public: only what lib/publication/published-query.ts lets out.
export default async function PublishedPage({ params, searchParams }: TProps) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const c = await getPublicConsultation(slug);
  if (!c) notFound();
  const sp = await searchParams;
  const t = await getTranslations({ locale, namespace: "published" });
  const tc = await getTranslations({ locale, namespace: "consultation" });
  const tcl = labelledT(tc, c.labels, locale);
  const tr = await getTranslations({ locale, namespace: "respond" });
  const tm = await getTranslations({ locale, namespace: "moderate" });
  const td = await getTranslations({ locale, namespace: "delegation" });
  const tcr = await getTranslations({ locale, namespace: "commentReports" });
  const clause = c.clauses.find((k) => k.key === sp.clause);
  const page = await listPublished(c.id, { clause: clause?.key ?? null, after: sp.after });
  const byKey = new Map(c.clauses.map((k) => [k.key, k]));
  // The files a moderator cleared, of respondents who agreed to publication (lib/attachments/get-attachment.ts).
  const files = await publishedAttachmentsOf(page.items.map((i) => i.id));
  const ta = await getTranslations({ locale, namespace: "attachments" });
  const api = `/api/consultations/${c.slug}/published`;
  return (
    <>
      <p className="mb-2">
        <a href={`/${locale}/c/${c.slug}`}>{c.title[locale]}</a>
      </p>
      <h1 className="mb-4 text-4xl font-bold">{t("title", { title: c.title[locale] })}</h1>
      <p className="mb-6 max-w-prose">{t("intro")}</p>
      <form method="get" className="mb-8 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="published-clause" className="mb-1 block font-bold">
            {t("clause")}
          </label>
          <select id="published-clause" name="clause" defaultValue={clause?.key ?? ""} className="input">
            <option value="">{t("allClauses")}</option>
            {c.clauses.map((k) => (
              <option key={k.key} value={k.key}>
                {clauseLabel(k, tcl)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="bg-brand px-4 py-2 font-bold text-white">
          {t("show")}
        </button>
      </form>
      {page.items.length === 0 ? (
        <p className="mb-8">{t("none")}</p>
      ) : (
        <ol className="mb-8 space-y-4">
          {page.items.map((i) => {
            const k = i.clause_key ? byKey.get(i.clause_key) : undefined;
            return (
              <li key={i.id} className="border-l-4 border-line pl-4">
                <p className="font-bold">
                  {k ? clauseLabel(k, tcl) : t("wholeDraft")} – {tm(`aspect_${i.aspect}` as "aspect_clarity")}
                  {i.official ? <span className="ml-2 bg-brand px-2 text-white">{tm("official")}</span> : null}
                </p>
                {i.stance ? <p>{td(`stance_${i.stance}` as "stance_support")}</p> : null}
                {i.rating ? <p>{t("rating", { rating: i.rating })}</p> : null}
                {i.term ? (
                  <p>
                    {tr("term")}: {i.term}
                  </p>
                ) : null}
                {i.proposed_wording ? (
                  <p>
                    {i.aspect === "position" ? td("amendment") : tr("proposedWording")}: {i.proposed_wording}
                  </p>
                ) : null}
                {i.country_context ? (
                  <p>
                    {tr("countryContext")}: {i.country_context}
                  </p>
                ) : null}
                {i.comment ? <p className="whitespace-pre-wrap break-words">{i.comment}</p> : null}
                <p className="text-muted">
                  {i.author ?? t("anonymous")} · {tr(`type_${i.respondent_type}` as "type_individual")} ·{" "}
                  {countryName(i.country, locale)} · {i.submitted_on}
                </p>
                {files.get(i.id) ? (
                  <div>
                    <p className="font-bold">{ta("publishedTitle")}</p>
                    <ul className="list-disc pl-6">
                      {files.get(i.id)!.map((f) => (
                        <li key={f.id}>
                          <a
                            href={attachmentHref(f.id)}
                            download={f.fileName}
                            aria-label={ta("download", { name: f.fileName })}
                            className="break-all"
                          >
                            {f.fileName}
                          </a>{" "}
                          · {ta("sizeKb", { kb: Math.max(1, Math.round(f.size / 1024)) })}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                {i.official ? null : (
                  <p>
                    <a href={`/${locale}/c/${c.slug}/comments/${i.id}/report`}>{tcr("report")}</a>
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {page.next ? (
        <p className="mb-8">
          <a
            href={`/${locale}/c/${c.slug}/comments?${new URLSearchParams({ ...(clause ? { clause: clause.key } : {}), after: page.next })}`}
          >
            {t("next")}
          </a>
        </p>
      ) : null}
      <h2 className="mb-2 text-2xl font-bold">{t("openData")}</h2>
      <p className="mb-2 max-w-prose">{t("openDataIntro")}</p>
      <ul className="list-disc pl-6">
        <li>
          <a href={`${api}/export?format=csv`}>{t("downloadCsv")}</a>
        </li>
        <li>
          <a href={`${api}/export?format=json`}>{t("downloadJson")}</a>
        </li>
        <li>
          <a href={`/${locale}/api-docs`}>{t("apiDocs")}</a>
        </li>
      </ul>
    </>
  );
}
