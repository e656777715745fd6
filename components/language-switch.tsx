"use client";
// A plain link to the same page in the other language: it keeps the path and
// the query (a receipt's key, the clause chosen), and works without JavaScript.
import { Suspense } from "react";
import { usePathname, useSearchParams } from "next/navigation";

type TProps = { locale: string; label: string; text: string; lang: string };

function SwitchLink({ query, ...p }: TProps & { query: string }) {
  // Next's own hook (next-intl's would ship its client to every page): the path after the locale.
  const pathname = usePathname().replace(/^\/[^/]+/, "");
  return (
    <a
      href={`/${p.locale}${pathname === "/" ? "" : pathname}${query ? `?${query}` : ""}`}
      hrefLang={p.lang}
      lang={p.lang}
      aria-label={p.label}
      className="text-white focus-visible:text-ink"
    >
      {p.text}
    </a>
  );
}

function WithQuery(p: TProps) {
  const query = useSearchParams().toString();
  return <SwitchLink {...p} query={query} />;
}

export function LanguageSwitch(p: TProps) {
  return (
    <Suspense fallback={<SwitchLink {...p} query="" />}>
      <WithQuery {...p} />
    </Suspense>
  );
}
