// Addresses that match no route end here (/fr/no-such-page as much as /no-such-page): in the language of
// the address (next-intl's proxy tells it), in the site's frame, with its lang.
import { getLocale } from "next-intl/server";
import { env } from "@/lib/env";
import { isLocale } from "@/lib/i18n/routing";
import { SiteFrame } from "@/components/site-frame";
import NotFound from "./[locale]/not-found";

export default async function GlobalNotFound() {
  const requested = await getLocale().catch(() => "en");
  const locale = isLocale(requested) ? requested : "en";
  return (
    <SiteFrame locale={locale} contactEmail={env().CONTACT_EMAIL}>
      <NotFound locale={locale} />
    </SiteFrame>
  );
}
