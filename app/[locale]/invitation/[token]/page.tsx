import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";
import { countryName } from "@/lib/countries/list-countries";
import { findInvitation } from "@/lib/invitations/accept-invitation";
import { AcceptInvitationForm } from "./accept-invitation-form";
import { Notice } from "@/components/ui/notice";

export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "invitations" });
  // The token is a secret: no referrer leaves for another site ("no-referrer" would make the form post "Origin: null",
  // refused as cross-site without JavaScript).
  return { title: t("acceptTitle"), robots: { index: false }, referrer: "same-origin" };
}

// Public: the token is the authorization.
export default async function InvitationPage({ params }: TProps) {
  const { locale, token } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "invitations" });
  const found = await findInvitation(token);
  if (!found.ok) {
    return (
      <>
        <h1 className="mb-4 text-4xl font-bold">{t("acceptTitle")}</h1>
        <Notice tone="warning">{t(found.reason)}</Notice>
        {found.reason === "used" ? (
          <p>
            <a href={`/${locale}/sign-in`}>{t("signInNow")}</a>
          </p>
        ) : null}
      </>
    );
  }
  const inv = found.invitation;
  return (
    <>
      <h1 className="mb-4 text-4xl font-bold">{t("acceptTitle")}</h1>
      <p className="mb-2 max-w-prose">
        {inv.role === "delegate"
          ? t("acceptIntro_delegate", {
              part: t(`delegationRole_${inv.delegationRole ?? "drafter"}`),
              country: countryName(inv.country ?? "", locale),
            })
          : t(`acceptIntro_${inv.role}`)}
      </p>
      <p className="mb-8">{t("accountEmail", { email: inv.email })}</p>
      <AcceptInvitationForm locale={locale} token={token} name={inv.name} />
    </>
  );
}
