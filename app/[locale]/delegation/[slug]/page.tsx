import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/routing";
import { now } from "@/lib/clock";
import { getPublishedConsultation } from "@/lib/consultations/get-consultation";
import { clauseLabel, distinctHeading } from "@/lib/consultations/clause-label";
import { formatInstant } from "@/lib/consultations/format-instant";
import { countryName } from "@/lib/countries/list-countries";
import { formalDeadline, getWorkspace } from "@/lib/formal/get-workspace";
import { LETTER_MAX_BYTES } from "@/lib/formal/letter";
import { receiptKey } from "@/lib/responses/receipt-key";
import { WorkspaceForm } from "./workspace-form";
import { SubmitFormalForm } from "./submit-form";
import { ReadyForm } from "./ready-form";
import { FormalHistory, FormalReadOnly } from "@/components/formal/formal-view";
import { Notice } from "@/components/ui/notice";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
const LETTER_RESULTS = ["uploaded", "missing", "empty", "tooLarge", "notPdf", "locked", "closed", "notOpen"] as const;

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "delegation" });
  return { title: t("workspaceTitle"), robots: { index: false } };
}

export default async function WorkspacePage({ params, searchParams }: TProps) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const user = await requireRoleForPage("delegate", locale, `/${locale}/delegation/${slug}`);
  // A hidden draft is not found to delegations (admins preview it from the consultation's page).
  const consultation = await getPublishedConsultation(slug);
  if (!consultation || !user.country) notFound();
  const t = await getTranslations({ locale, namespace: "delegation" });
  const tr = await getTranslations({ locale, namespace: "countryTracker" });
  const tc = await getTranslations({ locale, namespace: "consultation" });
  const ws = await getWorkspace(consultation.id, user.country);
  const country = countryName(user.country, locale);
  const deadline = formalDeadline(consultation, ws);
  const at = now();
  const open = at >= consultation.opensAt && at < deadline;
  const when = (d: Date) => formatInstant(d, locale, consultation.timeZone);
  const sp = await searchParams;
  const letterResult = LETTER_RESULTS.find((r) => r === sp.letter);
  const byKey = Object.fromEntries(
    consultation.clauses
      .filter((c) => ws.positions[c.id])
      .map((c) => [c.key, ws.positions[c.id] as Record<string, string>]),
  );
  const clauses = consultation.clauses
    .map((c) => ({ key: c.key, label: clauseLabel(c, tc), heading: c.heading[locale], body: c.body[locale] }))
    .map((c) => ({ ...c, heading: distinctHeading(c.label, c.heading) }));
  const editable = ws.status === "draft" && open;
  const letter = (
    <>
      <h2 id="letter" className="mt-12 mb-4 text-2xl font-bold">
        {t("letterTitle")}
      </h2>
      {letterResult ? (
        <Notice tone={letterResult === "uploaded" ? "info" : "warning"}>{t(`letter_${letterResult}`)}</Notice>
      ) : null}
      {ws.letter ? (
        <p className="mb-4">
          <a href={`/api/formal/${ws.id}/letter`}>{ws.letter.fileName}</a> ·{" "}
          {t("letterSize", { kb: Math.ceil(ws.letter.size / 1024) })}
          <br />
          <span className="break-all text-muted">SHA-256 {ws.letter.sha256}</span>
        </p>
      ) : (
        <p className="mb-4">{t("noLetter")}</p>
      )}
      {editable ? (
        <form
          method="post"
          action={`/api/delegation/${slug}/letter?locale=${locale}`}
          encType="multipart/form-data"
          className="mb-8"
        >
          <label htmlFor="letter-file" className="mb-1 block font-bold">
            {t("letterLabel")}
          </label>
          <p id="letter-file-hint" className="mb-2 text-muted">
            {t("letterHint", { mb: LETTER_MAX_BYTES / 1024 / 1024 })}
          </p>
          <input
            id="letter-file"
            name="letter"
            type="file"
            accept="application/pdf,.pdf"
            aria-describedby="letter-file-hint"
            className="mb-4 block"
          />
          <button type="submit" className="border-2 border-brand px-4 py-2 font-bold text-brand">
            {t("letterUpload")}
          </button>
        </form>
      ) : null}
    </>
  );
  // "Ready for approval" (lib/country-tracker/mark-ready.ts): asked once; a later save withdraws it.
  const ready = (
    <>
      <h2 id="ready" className="mt-12 mb-4 text-2xl font-bold">
        {tr("readyTitle")}
      </h2>
      {ws.readyAt ? (
        <p className="mb-4 max-w-prose">{tr("readyBy", { name: ws.readyBy?.name ?? "", when: when(ws.readyAt) })}</p>
      ) : (
        <>
          <p className="mb-4 max-w-prose">{tr("readyIntro", { country })}</p>
          <ReadyForm slug={slug} version={ws.version} />
        </>
      )}
    </>
  );
  const submission = (
    <>
      <h2 id="submit" className="mt-12 mb-4 text-2xl font-bold">
        {t("submitTitle")}
      </h2>
      {user.delegationRole === "approver" ? (
        <>
          <p className="mb-4 max-w-prose">{t("submitIntro", { version: ws.version })}</p>
          <SubmitFormalForm locale={locale} slug={slug} version={ws.version} country={country} />
        </>
      ) : (
        <p className="max-w-prose">{t("drafterCannotSubmit")}</p>
      )}
    </>
  );
  return (
    <>
      <p className="mb-2">
        <a href={`/${locale}/delegation`}>{t("title")}</a>
      </p>
      <h1 className="mb-2 text-4xl font-bold">{t("workspaceHeading", { country })}</h1>
      <p className="mb-4 text-xl">{consultation.title[locale]}</p>
      {/* What this person may do, only while they may: a locked or closed response says so in its notice. */}
      {editable ? <p className="mb-2">{t(`yourPart_${user.delegationRole ?? "drafter"}`)}</p> : null}
      <p className="mb-6">
        {t("deadline", { when: when(deadline) })}
        {ws.extendedUntil && ws.extendedUntil > consultation.closesAt
          ? ` ${t("extended", { from: when(consultation.closesAt) })}`
          : ""}
      </p>

      {ws.status === "submitted" ? (
        <Notice title={t("submittedTitle")}>
          <p>{t("submittedBy", { name: ws.submittedByName ?? "", when: when(ws.submittedAt ?? at) })}</p>
          {ws.official ? (
            <p>
              {t("reference")}{" "}
              <a
                href={`/${locale}/c/${slug}/receipt/${ws.official.reference}?key=${receiptKey(ws.official.reference)}`}
              >
                <strong>{ws.official.reference}</strong>
              </a>
            </p>
          ) : null}
          <p>{t("lockedHint")}</p>
        </Notice>
      ) : ws.lastReopen ? (
        <Notice title={t("reopenedTitle")} tone="warning">
          {t("reopenedBy", {
            name: ws.lastReopen.actor.name,
            when: when(ws.lastReopen.at),
            reason: ws.lastReopen.detail ?? "",
          })}
        </Notice>
      ) : null}
      {ws.readyAt && ws.status === "draft" ? (
        <Notice title={tr("readyTitle")}>
          {tr("readyBy", { name: ws.readyBy?.name ?? "", when: when(ws.readyAt) })}
        </Notice>
      ) : null}
      {!open && ws.status === "draft" ? (
        <Notice tone="warning">{at < consultation.opensAt ? t("notOpen") : t("closedNotice")}</Notice>
      ) : null}

      {editable ? (
        <WorkspaceForm
          locale={locale}
          timeZone={consultation.timeZone}
          slug={slug}
          version={ws.version}
          clauses={clauses}
          positions={byKey}
          statement={ws.statement ?? ""}
          approver={user.delegationRole === "approver"}
          after={
            <>
              {letter}
              {ready}
              {submission}
            </>
          }
        />
      ) : (
        <>
          <FormalReadOnly locale={locale} clauses={clauses} positions={byKey} statement={ws.statement} />
          {letter}
        </>
      )}

      <FormalHistory locale={locale} timeZone={consultation.timeZone} events={ws.events} />
    </>
  );
}
