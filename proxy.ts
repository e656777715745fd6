// Locale routing (redirects / to /en or /fr by Accept-Language), and a screen
// for form posts too large (scripts/server.mjs screens those Next.js cannot parse).
// Never a guard: every page, action and handler checks what it needs itself.
import { NextResponse, type NextRequest } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";
import { auth } from "@/lib/auth";
import { env } from "@/lib/env";
import { foreignOrigin, newNonce, pageCsp } from "@/lib/http/csp";
import { getPublicConsultation } from "@/lib/consultations/public-consultation";
import { RESPONSE_UPLOAD } from "@/lib/http/upload-paths.mjs";

const intl = createMiddleware(routing);
// On staff pages, Auth.js re-issues the session cookie on every request, so a
// session lasts SESSION_IDLE_SECONDS after the last activity, not after sign-in
// (but never past SESSION_ABSOLUTE_SECONDS after sign-in: lib/users/session.ts).
// (With a lazily built config, auth(handler) resolves to the wrapped handler.)
type TMiddleware = (request: NextRequest, context: unknown) => Promise<Response>;
const intlWithSession = auth((request) => intl(request)) as unknown as Promise<TMiddleware>;
const STAFF_PAGE = /^\/(en|fr)\/moderate(\/|$)/;
const FORM_LIMIT = 1024 * 1024; // as serverActions.bodySizeLimit in next.config.ts
// A consultation's public pages (as lib/http/page-cache.mjs lists them).
const CONSULTATION_PAGE = /^\/(en|fr)\/c\/([^/]+)(\/(comments|privacy|respond|results(\/[^/]+)?))?\/?$/;

function plain(status: number, text: string) {
  return new NextResponse(text, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

export default async function proxy(request: NextRequest) {
  // Every page gets its own nonce; Next.js reads it from the request's CSP header and puts it on its scripts.
  const nonce = newNonce();
  const csp = pageCsp(nonce, env().NODE_ENV === "development");
  request.headers.set("content-security-policy", csp);
  request.headers.set("x-nonce", nonce);
  const withCsp = (response: Response) => {
    response.headers.set("content-security-policy", csp);
    return response;
  };
  // Server Actions and form posts: never from another site, nor from an opaque ("null") origin.
  if (request.method === "POST" && foreignOrigin(request.headers))
    return plain(403, "Cross-site form posts are refused.");
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (
    request.method === "POST" &&
    (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded"))
  ) {
    // Next.js answers a form body it cannot parse with a 500; bad input deserves a 400. scripts/server.mjs has
    // already read and parsed every form body (readable()), whatever the address: parsing it again here cost
    // every form post a copy of its body and a second parse.
    // The forms that carry a response's files are held to their own, larger limit there (lib/http/upload-paths.mjs).
    if (
      Number(request.headers.get("content-length") ?? 0) > FORM_LIMIT &&
      !RESPONSE_UPLOAD.test(request.nextUrl.pathname)
    )
      return plain(413, "This form is larger than 1 MB.");
    return withCsp(NextResponse.next({ request: { headers: request.headers } }));
  }
  if (STAFF_PAGE.test(request.nextUrl.pathname)) return withCsp(await (await intlWithSession)(request, {}));
  // A page's notFound() answers 404 with an empty document that only JavaScript fills (vercel/next.js#62228),
  // while an address matching no route gets a server-rendered "page not found" (app/not-found.tsx). So an
  // unknown consultation (no preview link asked for) goes there, and reads the same without JavaScript.
  // getPublicConsultation is cached for 5 s: a flash crowd costs no query here.
  const page =
    (request.method === "GET" || request.method === "HEAD") && !request.nextUrl.searchParams.has("preview")
      ? CONSULTATION_PAGE.exec(request.nextUrl.pathname)
      : null;
  if (page && !(await getPublicConsultation(page[2]).catch(() => true))) {
    request.headers.set("X-NEXT-INTL-LOCALE", page[1]);
    return withCsp(
      NextResponse.rewrite(new URL(`/${page[1]}/c/-/no-such-page`, request.url), {
        request: { headers: request.headers },
      }),
    );
  }
  return withCsp(intl(request));
}

export const config = {
  // Everything but the API, Next's internals and files with an extension.
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
