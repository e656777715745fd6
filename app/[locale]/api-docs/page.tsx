import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ApiReference, type TApiDocument } from "@/components/api-reference";
import { openApiDocument } from "@/lib/api/openapi";
import { isLocale } from "@/lib/i18n/routing";

type TProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "apiDocs" });
  return { title: t("title") };
}

// Public, the same for everyone: the API reference, rendered from the document served at /api/openapi.
export default async function ApiDocsPage({ params }: TProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "apiDocs" });
  const labels = {
    operations: t("operations"),
    parameters: t("parameters"),
    requestBody: t("requestBody"),
    responses: t("responses"),
    headers: t("headers"),
    example: t("example"),
    schemas: t("schemas"),
    required: t("required"),
    authentication: t("authentication"),
    noAuthentication: t("noAuthentication"),
    authenticationOptional: t("authenticationOptional"),
  };
  return (
    <>
      <h1 className="mb-4 text-4xl font-bold">{t("title")}</h1>
      <p className="mb-2 max-w-prose">{t("intro")}</p>
      <p className="mb-2 max-w-prose">
        {t.rich("document", { link: (chunks) => <a href="/api/openapi">{chunks}</a> })}
      </p>
      <p className="mb-6 max-w-prose">{t("english")}</p>
      <ApiReference doc={openApiDocument() as unknown as TApiDocument} labels={labels} />
    </>
  );
}
