import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/routing";
import { formatInstant } from "@/lib/consultations/format-instant";
import { countErasure } from "@/lib/privacy/count-erasure";
import { ConfirmPanel } from "@/components/admin/confirm-panel";
import { EraseConfirmForm } from "@/app/[locale]/admin/privacy/privacy-forms";
import { Notice } from "@/components/ui/notice";

// The confirmation before erasing a respondent: what goes, in numbers. Its own page, so it works without
// JavaScript. Dynamic: it reads the live response.
export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "privacyAdmin" });
  return { title: t("confirmPageTitle"), robots: { index: false } };
}

export default async function ConfirmErasurePage({ params, searchParams }: TProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireRoleForPage("admin", locale, `/${locale}/admin/privacy`);
  const t = await getTranslations({ locale, namespace: "privacyAdmin" });
  const sp = await searchParams;
  const back = `/${locale}/admin/privacy`;
  const counts = await countErasure(typeof sp.reference === "string" ? sp.reference.slice(0, 40) : "");
  if (!counts.ok) {
    return (
      <>
        <h1 className="mb-4 text-3xl font-bold">{t("confirmPageTitle")}</h1>
        <Notice tone="warning">{t(counts.reason)}</Notice>
        <p>
          <a href={back}>{t("title")}</a>
        </p>
      </>
    );
  }
  const title = locale === "fr" ? counts.consultation.titleFr : counts.consultation.titleEn;
  return (
    <ConfirmPanel title={t("confirmTitle", { reference: counts.reference })}>
      <p className="mb-2">
        {t("confirmResponse", {
          reference: counts.reference,
          consultation: title,
          submitted: formatInstant(counts.submittedAt, locale, counts.timeZone),
        })}
      </p>
      <ul className="mb-4 list-disc space-y-1 pl-6" data-testid="consequence">
        <li>{t("confirmPersonal")}</li>
        <li>{t(counts.keepsText ? "confirmKept" : "confirmDeleted", { comments: counts.comments })}</li>
        <li>{t("confirmNotes", { notes: counts.notes })}</li>
        <li>{t("confirmVersions", { versions: counts.versions })}</li>
        {counts.receipt ? <li>{t("confirmReceipt")}</li> : null}
        {counts.formal ? <li>{t("confirmFormal")}</li> : null}
      </ul>
      <p className="mb-4 font-bold">{t("confirmUndo")}</p>
      <EraseConfirmForm reference={counts.reference} back={back} />
    </ConfirmPanel>
  );
}
