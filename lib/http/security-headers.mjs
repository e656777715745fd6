// Headers every answer carries: next.config.ts gives them to what Next.js answers, and the server
// (scripts/server.mjs) to the static files it answers itself (brotli, scripts/static-brotli.mjs).
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
