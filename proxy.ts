// Locale routing only (redirects / to /en or /fr by Accept-Language).
// Never a guard: every page, action and handler checks what it needs itself.
import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";

export default createMiddleware(routing);

export const config = {
  // Everything but the API, Next's internals and files with an extension.
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
