import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth";
import { getConsultationFor } from "@/lib/consultations/get-consultation";
import { pickConsultationFor } from "@/lib/consultations/list-consultations";
import { clauseLabel } from "@/lib/consultations/clause-label";
import { formatInstant } from "@/lib/consultations/format-instant";
import { listReports } from "@/lib/comment-reports/list-reports";
import { isLocale } from "@/lib/i18n/routing";
import { DecideReport } from "./decide-form";
import { Notice } from "@/components/ui/notice";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
const one = (v: string | string[] | undefined) => (typeof v === "string" && v.length <= 100 ? v : undefined);

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "commentReports" });
  return { title: t("title"), robots: { index: false } };
}

// Moderators and admins: the comments the public reported, and the decision on each.
export default async function ReportsPage({ params, searchParams }: TProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const sp = await searchParams;
  const user = await requireRoleForPage("moderator", locale, `/${locale}/moderate/reports`);
  // Hidden drafts: admins only.
  const slug = one(sp.c);
  const c = slug ? await getConsultationFor(user, slug) : await pickConsultationFor(user, null);
  if (!c) notFound();
  const all = sp.state === "all";
  const decided = typeof sp.decided === "string" && /^\d{1,6}$/.test(sp.decided) ? Number(sp.decided) : null;
  const [t, tc, tm] = await Promise.all([
    getTranslations({ locale, namespace: "commentReports" }),
    getTranslations({ locale, namespace: "consultation" }),
    getTranslations({ locale, namespace: "moderate" }),
  ]);
  const items = await listReports(c.id, { state: all ? "all" : "open" });
  const byKey = new Map(c.clauses.map((k) => [k.key, k]));
  const base = `/${locale}/moderate/reports?c=${encodeURIComponent(c.slug)}`;
  return (
    <>
      <h1 className="mb-1 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-3 text-lg">
        {c.title[locale]} · <a href={`/${locale}/moderate?c=${encodeURIComponent(c.slug)}`}>{t("backToQueue")}</a>
      </p>
      <p className="mb-4 max-w-prose">{t("intro")}</p>
      {decided !== null ? (
        <div role="status">
          <Notice title={t("decidedTitle")}>
            <p>{t("decided", { closed: decided })}</p>
          </Notice>
        </div>
      ) : null}
      <nav aria-label={t("title")} className="mb-6">
        <ul className="flex flex-wrap gap-4">
          <li>
            <a href={base} aria-current={all ? undefined : "page"} className={all ? "" : "font-bold"}>
              {t("showOpen")}
            </a>
          </li>
          <li>
            <a href={`${base}&state=all`} aria-current={all ? "page" : undefined} className={all ? "font-bold" : ""}>
              {t("showAll")}
            </a>
          </li>
        </ul>
      </nav>
      {items.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ol className="space-y-8">
          {items.map((i) => {
            const k = i.clauseKey ? byKey.get(i.clauseKey) : undefined;
            const label = `${k ? clauseLabel(k, tc) : t("wholeDraft")} – ${tm(`aspect_${i.aspect}` as "aspect_clarity")}`;
            return (
              <li key={i.id} className="border-l-4 border-line pl-4">
                <h2 className="mb-1 text-xl font-bold">{label}</h2>
                <p className="mb-2">
                  {t("reports", { open: i.open, total: i.total })} · {i.published ? t("published") : t("notPublished")}{" "}
                  · <a href={`/${locale}/moderate/items/${i.id}`}>{t("openItem")}</a>
                </p>
                <blockquote className="mb-2 max-w-prose bg-panel p-3">
                  {i.comment ? <p className="whitespace-pre-wrap break-words">{i.comment}</p> : null}
                  {i.proposedWording ? <p className="whitespace-pre-wrap break-words">{i.proposedWording}</p> : null}
                </blockquote>
                <h3 className="font-bold">{t("reasons")}</h3>
                <ul className="mb-2 list-disc pl-6">
                  {i.reasons.map((r) => (
                    <li key={r.reason}>
                      {t(`reason_${r.reason}`)}: {r.n}
                    </li>
                  ))}
                </ul>
                {i.details.length ? (
                  <>
                    <h3 className="font-bold">{t("texts")}</h3>
                    <ul className="mb-2 list-disc pl-6">
                      {i.details.map((d, n) => (
                        <li key={n} className="whitespace-pre-wrap break-words">
                          {d.text}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {i.decision ? (
                  <p className="mb-2 whitespace-pre-wrap break-words">
                    {t("lastDecision", {
                      decision: t(`decided_${i.decision.decision}`),
                      by: i.decision.by ?? t("someone"),
                      at: formatInstant(new Date(i.decision.at), locale, c.timeZone),
                      reason: i.decision.reason,
                    })}
                  </p>
                ) : null}
                {i.open > 0 ? <DecideReport locale={locale} slug={c.slug} item={i.id} label={label} /> : null}
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
