import { getLocale, getTranslations } from "next-intl/server";

export default async function NotFound({ locale: given }: { locale?: string } = {}) {
  const locale = given ?? (await getLocale());
  const t = await getTranslations({ locale, namespace: "meta" });
  return (
    <>
      <title>{`${t("notFoundTitle")} – ${t("siteName")}`}</title>
      <h1 className="mb-4 text-3xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mb-4">{t("notFoundBody")}</p>
      <p>
        <a href={`/${locale}`}>{t("backHome")}</a>
      </p>
    </>
  );
}
