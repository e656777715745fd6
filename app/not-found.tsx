// Addresses that match no route end here (/fr/no-such-page as much as /no-such-page): in the language of
// the address (next-intl's proxy tells it in a request header), in the site's frame, with its lang.
// The header is read directly, not through next-intl's getLocale(): this boundary is rendered with every
// page, before the locale layout's setRequestLocale(), and getLocale() would fix the request's locale to
// the default where the header is absent (a Server Action's post), turning a French staff page English.
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { isLocale } from "@/lib/i18n/routing";
import { SiteFrame } from "@/components/site-frame";
import { signOutAction } from "@/app/[locale]/sign-in/actions";
import NotFound from "./[locale]/not-found";

export default async function GlobalNotFound() {
  const requested = (await headers()).get("x-next-intl-locale");
  const locale = isLocale(requested) ? requested : "en";
  return (
    <SiteFrame locale={locale} contactEmail={env().CONTACT_EMAIL} signOutAction={signOutAction}>
      <NotFound locale={locale} />
    </SiteFrame>
  );
}
