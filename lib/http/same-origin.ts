// CSRF for Route Handlers that change state: a browser's POST carries an
// Origin header, which must be this site's own. No Origin, "null" or another
// site's: refused. (Server Actions get the same check from Next.js.)
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
