import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { env } from "@/lib/env";
import { isLocale } from "@/lib/i18n/routing";

type TProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "accessibility" });
  return { title: t("title") };
}

// Public, the same for everyone.
export default async function AccessibilityPage({ params }: TProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "accessibility" });
  const email = env().CONTACT_EMAIL;
  const list = (prefix: "works" | "known", n: number) => (
    <ul className="mb-6 max-w-prose list-disc space-y-2 pl-6">
      {Array.from({ length: n }, (_, i) => (
        <li key={i}>{t(`${prefix}${i + 1}` as `${typeof prefix}1`)}</li>
      ))}
    </ul>
  );
  return (
    <>
      <h1 className="mb-6 text-4xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-prose">{t("intro")}</p>
      <h2 className="mb-2 text-2xl font-bold">{t("worksTitle")}</h2>
      {list("works", 6)}
      <h2 className="mb-2 text-2xl font-bold">{t("knownTitle")}</h2>
      {list("known", 3)}
      <h2 className="mb-2 text-2xl font-bold">{t("reportTitle")}</h2>
      <p className="mb-2 max-w-prose">{t("report")}</p>
      <p className="mb-6 max-w-prose">
        {email
          ? t.rich("reportWrite", { address: email, email: (chunks) => <a href={`mailto:${email}`}>{chunks}</a> })
          : t("reportNoAddress")}
      </p>
      <h2 className="mb-2 text-2xl font-bold">{t("testTitle")}</h2>
      <p className="mb-6 max-w-prose">{t("test")}</p>
    </>
  );
}
