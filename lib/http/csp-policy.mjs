// The one Content-Security-Policy of every page, given what may run as a script. Plain JavaScript:
// proxy.ts (per-request nonce, lib/http/csp.ts) and scripts/server.mjs (hashes of a cached page's own
// inline scripts, lib/http/page-cache.mjs) both build it here.

/**
 * @param {string} scriptSources what script-src allows besides nothing inline: a nonce, or hashes
 * @param {boolean} [dev] the dev server's React needs eval
 * @returns {string}
 */
export function policyWith(scriptSources, dev = false) {
  return [
    "default-src 'self'",
    `script-src ${scriptSources}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
