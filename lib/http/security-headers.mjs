// The headers every answer carries: next.config.ts sets them on what Next.js serves; the JSON API that
// scripts/server.mjs serves itself carries them from lib/api/post-response.ts, and the static files it
// answers itself (brotli and gzip, scripts/static-compressed.mjs) from the server. Plain JavaScript, like
// client-key.mjs, so that all of them can import it.

export const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  // Receipt links carry a key in the query string: never send it to another site.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
  // Browsers keep to HTTPS for a year once they have seen this over HTTPS (ignored over plain HTTP).
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
];

/** Pages get a CSP with a nonce in proxy.ts; the API and files get the strictest one. */
export const apiCsp = "default-src 'none'; frame-ancestors 'none'";
