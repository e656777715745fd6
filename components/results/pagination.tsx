import { getTranslations } from "next-intl/server";

/** Previous / "Page 2 of 7" / next, as plain links (no JavaScript needed). Nothing when there is one page. */
export async function Pagination({
  page,
  pages,
  href,
  locale,
  label,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  locale: string;
  /** What the pages are of, for assistive technology ("Pages of comments" unless given). */
  label?: string;
}) {
  if (pages <= 1) return null;
  const t = await getTranslations({ locale, namespace: "results" });
  return (
    <nav aria-label={label ?? t("pagination")} className="mb-6">
      <ul className="flex flex-wrap items-center gap-x-6 gap-y-2">
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev">
              {t("previousPage")}
            </a>
          </li>
        ) : null}
        <li aria-current="page">{t("pageOf", { page, pages })}</li>
        {page < pages ? (
          <li>
            <a href={href(page + 1)} rel="next">
              {t("nextPage")}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
