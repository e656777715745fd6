// next-intl's messages for client components that translate in the browser. The locale layout gives
// none (every public page would carry all ~64 KB of them in its HTML, and next-intl's client to use
// them); the sections whose forms need them get them from these layouts.
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { isLocale } from "@/lib/i18n/routing";

type TLayoutProps = { children: ReactNode; params: Promise<{ locale: string }> };

async function ClientMessages({ children, params, namespaces }: TLayoutProps & { namespaces?: string[] }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  if (!namespaces) return <NextIntlClientProvider locale={locale}>{children}</NextIntlClientProvider>;
  const all = await getMessages({ locale });
  // "namespace" gives all of it, "namespace.key" only that message (the form needs two of the tracker's).
  const messages: Record<string, unknown> = {};
  for (const n of namespaces) {
    const [ns, key] = n.split(".");
    if (!key) messages[ns] = all[ns];
    else messages[ns] = { ...(messages[ns] as object), [key]: (all[ns] as Record<string, unknown>)[key] };
  }
  return (
    <NextIntlClientProvider locale={locale} messages={messages as typeof all}>
      {children}
    </NextIntlClientProvider>
  );
}

/** Staff sections (moderation, administration, delegations, sign-in, invitations): every message. */
export function AllMessagesLayout(p: TLayoutProps) {
  return <ClientMessages {...p} />;
}

/** The response form (respond, manage): only what its client components say. */
export function ResponseFormMessagesLayout(p: TLayoutProps) {
  return (
    <ClientMessages
      {...p}
      namespaces={["respond", "manage", "errors", "countryTracker.notifyResults", "countryTracker.notifyResultsHint"]}
    />
  );
}

/** "Report this comment" (a public form): only what its client component says. */
export function CommentReportMessagesLayout(p: TLayoutProps) {
  return <ClientMessages {...p} namespaces={["commentReports", "errors"]} />;
}
