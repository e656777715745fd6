// Whether a state-changing request comes from another site's page: its Origin
// is compared with APP_URL's origin, the one address this site has; without
// APP_URL (a local demo), with the host the request was sent to. (X-Forwarded-Host
// reaches the app only from a trusted proxy: scripts/server.mjs removes it
// otherwise, and the documented nginx sets it itself.) Plain JavaScript:
// scripts/server.mjs checks every request with it before Next.js sees it.

/**
 * @param {string | null | undefined} origin the request's Origin header
 * @param {{ appUrl?: string | null, host?: string | null }} site APP_URL if set; the Host (or trusted X-Forwarded-Host)
 * @returns {boolean} true for a foreign or opaque ("null") origin; false for this site's, or for no Origin at all
 *   (not a browser's cross-site request: programs call the JSON API without one)
 */
export function isForeignOrigin(origin, site) {
  if (origin === null || origin === undefined) return false;
  if (origin === "null") return true;
  try {
    const given = new URL(origin);
    if (site.appUrl) return given.origin !== new URL(site.appUrl).origin;
    return !site.host || given.host !== site.host.split(",")[0].trim().toLowerCase();
  } catch {
    return true;
  }
}
