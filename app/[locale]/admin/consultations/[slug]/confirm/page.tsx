import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/routing";
import { now } from "@/lib/clock";
import { getConsultationFresh } from "@/lib/consultations/get-consultation";
import { consultationPhase } from "@/lib/consultations/consultation-status";
import { formatInstant } from "@/lib/consultations/format-instant";
import { clauseLabel } from "@/lib/consultations/clause-label";
import { countCloseEarly, countResults } from "@/lib/drafting/count-consequences";
import { closeReason } from "@/lib/drafting/lifecycle";
import { LifecycleForm } from "@/app/[locale]/admin/consultations/lifecycle-forms";
import { ConfirmPanel } from "@/components/admin/confirm-panel";
import { Notice } from "@/components/ui/notice";

// The confirmation before closing early or publishing the results, with the consequence in numbers: its
// own page, so it works without JavaScript. Dynamic: it reads the live state and counts.
export const dynamic = "force-dynamic";

const INTENTS = ["close", "results", "republish"] as const;
type TProps = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "authoring" });
  return { title: t("confirmPageTitle"), robots: { index: false } };
}

export default async function ConfirmLifecyclePage({ params, searchParams }: TProps) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const sp = await searchParams;
  const intent = INTENTS.find((i) => i === sp.intent);
  await requireRoleForPage("admin", locale, `/${locale}/admin/consultations/${slug}`);
  const c = await getConsultationFresh(slug);
  if (!c || !intent) notFound();
  const t = await getTranslations({ locale, namespace: "authoring" });
  const tc = await getTranslations({ locale, namespace: "consultation" });
  const back = `/${locale}/admin/consultations/${c.slug}`;
  const at = now();
  const when = (d: Date) => formatInstant(d, locale, c.timeZone);
  const cancel = (
    <a href={back} className="inline-block px-4 py-2 font-bold">
      {t("confirmNo")}
    </a>
  );
  const refused = (key: "alreadyClosed" | "notOpen" | "notClosed" | "resultsAlreadyPublished" | "reasonRequired") => (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("confirmPageTitle")}</h1>
      <Notice tone="warning">{t(key)}</Notice>
      <p>
        <a href={back}>{c.title[locale]}</a>
      </p>
    </>
  );

  if (intent === "close") {
    const reason = closeReason(typeof sp.closeReason === "string" ? sp.closeReason : "");
    const counts = await countCloseEarly(c, at);
    if (counts.state !== "open") return refused(counts.state);
    if (!reason) return refused("reasonRequired");
    return (
      <ConfirmPanel title={t("confirmCloseTitle", { title: c.title[locale] })}>
        <p className="mb-2" data-testid="consequence">
          {t("confirmCloseDeadline", { from: when(counts.closesAt), now: when(counts.at) })}
        </p>
        <p className="mb-2">{t("confirmCloseResponses", { responses: counts.responses })}</p>
        <p className="mb-2">{t("confirmCloseReopen")}</p>
        <p className="mb-1 font-bold">{t("confirmCloseReason")}</p>
        <blockquote className="mb-4 border-l-4 border-line pl-3 break-words">{reason}</blockquote>
        <LifecycleForm slug={c.slug} intent="close" label={t("confirmCloseYes")} after={cancel}>
          <input type="hidden" name="closeReason" value={reason} />
          <input type="hidden" name="confirm" value={String(counts.closesAt.getTime())} />
        </LifecycleForm>
      </ConfirmPanel>
    );
  }

  const phase = consultationPhase(c, at);
  if (intent === "results" && phase !== "closed")
    return refused(phase === "results" ? "resultsAlreadyPublished" : "notClosed");
  if (intent === "republish" && phase !== "results") return refused("notClosed");
  const counts = await countResults(c.id);
  const queue = `/${locale}/moderate?c=${encodeURIComponent(c.slug)}`;
  return (
    <ConfirmPanel
      title={t(intent === "results" ? "confirmResultsTitle" : "confirmRepublishTitle", { title: c.title[locale] })}
    >
      <p className="mb-2 font-bold" data-testid="consequence">
        {t("confirmUndecided", { undecided: counts.undecided, items: counts.items })}
      </p>
      {counts.clauses.length ? (
        <>
          <p className="mb-2">{t("confirmUndecidedClauses")}</p>
          <ul className="mb-4 list-disc space-y-1 pl-6" data-testid="undecided-clauses">
            {counts.clauses.map((k) => {
              const label = k.kind ? clauseLabel({ kind: k.kind, number: k.number }, tc) : t("generalComments");
              const href = k.key
                ? `${queue}&clause=${encodeURIComponent(k.key)}&decision=none`
                : `${queue}&aspect=general&decision=none`;
              return (
                <li key={k.key ?? "general"}>
                  <a href={href}>{k.removed ? t("removedClause", { clause: label }) : label}</a>
                  {": "}
                  {t("confirmClauseUndecided", { undecided: k.undecided, items: k.items })}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      <p className="mb-2">{t("confirmPublished", { published: counts.published })}</p>
      <p className="mb-4">{t(intent === "results" ? "confirmResultsPublic" : "confirmRepublishPublic")}</p>
      <LifecycleForm
        slug={c.slug}
        intent={intent}
        label={t(intent === "results" ? "confirmResultsYes" : "confirmRepublishYes")}
        after={cancel}
      >
        <input type="hidden" name="confirm" value="yes" />
      </LifecycleForm>
    </ConfirmPanel>
  );
}
