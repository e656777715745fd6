import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth";
import { clauseLabel } from "@/lib/consultations/clause-label";
import { formatInstant } from "@/lib/consultations/format-instant";
import { countryName } from "@/lib/countries/list-countries";
import { getItem, listModerators } from "@/lib/feedback/get-item";
import { isLocale } from "@/lib/i18n/routing";
import { TriageForm } from "@/components/moderate/triage-form";
import { ClauseVersions } from "@/components/moderate/clause-versions";

export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "moderate" });
  return { title: t("title"), robots: { index: false } };
}

export default async function ItemPage({ params }: TProps) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const user = await requireRoleForPage("moderator", locale, `/${locale}/moderate/items/${id}`);
  const item = await getItem(id, user);
  if (!item) notFound();
  const [t, tm, tc, tr, td, moderators] = await Promise.all([
    getTranslations({ locale, namespace: "triage" }),
    getTranslations({ locale, namespace: "moderate" }),
    getTranslations({ locale, namespace: "consultation" }),
    getTranslations({ locale, namespace: "respond" }),
    getTranslations({ locale, namespace: "delegation" }),
    listModerators(),
  ]);
  const r = item.response;
  const fieldName = (f: string) => t(`field_${f}` as "field_status");
  const valueText = (f: string, v: string | null) => {
    if (v === null) return t("empty");
    if (f === "status") return t(`status_${v}` as "status_new");
    if (f === "disposition") return t(`disposition_${v}` as "disposition_accepted");
    if (f === "assignee") return moderators.find((m) => m.id === v)?.name ?? v;
    if (f === "publication") return t(v === "cleared" ? "value_cleared" : "value_withheld");
    return v;
  };

  return (
    <>
      <p className="mb-2"><a href={`/${locale}/moderate?c=${r.consultation.slug}`}>{t("back")}</a></p>
      <h1 className="mb-6 text-3xl font-bold">{t("itemTitle", { reference: r.reference })}</h1>
      <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
        <div>
          <h2 className="mb-2 text-xl font-bold">{item.clause ? clauseLabel(item.clause, tc) : t("wholeDraft")} – {tm(`aspect_${item.aspect}` as "aspect_clarity")}</h2>
          <div className="mb-4 border-l-4 border-brand bg-panel p-4">
            {r.channel === "formal" ? <p><strong className="bg-brand px-2 text-white">{tm("official")}</strong>{" "}
              <a href={`/${locale}/moderate/formal`}>{tm("formalLink")}</a></p> : null}
            {item.stance ? <p><strong>{td(`stance_${item.stance}`)}</strong></p> : null}
            {item.rating ? <p>{tm("colRating")}: {item.rating} / 5</p> : null}
            {item.term ? <p><strong>{tr("term")}:</strong> {item.term}</p> : null}
            {item.proposedWording ? <p><strong>{item.aspect === "position" ? td("amendment") : tr("proposedWording")}:</strong> {item.proposedWording}</p> : null}
            {item.countryContext ? <p><strong>{tr("countryContext")}:</strong> {item.countryContext}</p> : null}
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
            {r.organisationName ? ` · ${r.organisationName}` : ""} · {tr(`publication_${r.publication}` as "publication_none")} ·{" "}
            {formatInstant(r.submittedAt, locale, "UTC")}
          </p>
          <h3 className="mb-1 font-bold">{t("sameResponse")}</h3>
          <ul className="mb-6 list-disc pl-6">
            {r.feedbackItems.filter((x) => x.id !== item.id).map((x) => (
              <li key={x.id}>
                <a href={`/${locale}/moderate/items/${x.id}`}>
                  {x.clause ? clauseLabel(x.clause, tc) : t("wholeDraft")} – {tm(`aspect_${x.aspect}` as "aspect_clarity")}
                </a>
              </li>
            ))}
            {r.feedbackItems.length === 1 ? <li>{t("none")}</li> : null}
          </ul>
          <h3 className="mb-1 font-bold">{t("notes")}</h3>
          {item.notes.length === 0 ? <p className="mb-4">{t("none")}</p> : (
            <ul className="mb-4 space-y-2">
              {item.notes.map((n) => (
                <li key={n.id} className="border-l-4 border-line pl-3">
                  <p className="whitespace-pre-wrap break-words">{n.body}</p>
                  <p className="text-muted">{n.author.name} · {formatInstant(n.createdAt, locale, "UTC")}</p>
                </li>
              ))}
            </ul>
          )}
          <h3 className="mb-1 font-bold">{t("history")}</h3>
          {item.events.length === 0 ? <p>{t("historyEmpty")}</p> : (
            <ol className="space-y-1">
              {item.events.map((e) => (
                <li key={e.id}>
                  {t("eventLine", { actor: e.actor.name, field: fieldName(e.field), from: valueText(e.field, e.fromValue), to: valueText(e.field, e.toValue) })}
                  <span className="text-muted"> · {formatInstant(e.at, locale, "UTC")}</span>
                </li>
              ))}
            </ol>
          )}
        </div>
        <section aria-labelledby="triage-title">
          <h2 id="triage-title" className="mb-4 text-2xl font-bold">{t("triage")}</h2>
          <TriageForm itemId={item.id} status={item.status} disposition={item.disposition} reason={item.dispositionReason} assigneeId={item.assigneeId}
            tags={item.tags.map((x) => x.tag.name).join(", ")} cleared={item.clearedAt !== null} consented={r.publication !== "none"} moderators={moderators.map((m) => ({ id: m.id, name: m.name }))} />
        </section>
      </div>
    </>
  );
}
