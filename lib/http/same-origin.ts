// CSRF for Route Handlers that change state: a browser's POST carries an
// Origin header, which must be this site's own. No Origin, "null" or another
// site's: refused. (Server Actions get the same check from Next.js.)
import { env } from "@/lib/env";
import { isForeignOrigin } from "./origin-check.mjs";

export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  return !!origin && !isForeignOrigin(origin, siteOf(request.headers));
}

/** What an Origin is compared with: APP_URL when set, else the host the request was sent to. */
export function siteOf(headers: Headers): { appUrl?: string; host?: string | null } {
  return { appUrl: env().APP_URL, host: headers.get("x-forwarded-host") ?? headers.get("host") };
}
