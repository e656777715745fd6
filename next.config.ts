import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { apiCsp, securityHeaders } from "./lib/http/security-headers.mjs";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The job queue (lib/jobs/) loads its SQL migrations and plugins from its own files at run time: not bundled.
  serverExternalPackages: ["graphile-worker"],
  experimental: {
    // The response form carries its attachments (lib/attachments/): up to ATTACHMENT_MAX_RESPONSE_MB (at most 50)
    // and its text. scripts/server.mjs holds every other Server Action to 1 MB, and this one to the configured total.
    serverActions: { bodySizeLimit: "52mb" },
  },
  // Where integrators look first: the API reference is a page of the site (in both languages), not under /api.
  async redirects() {
    return [{ source: "/api/docs", destination: "/en/api-docs", permanent: false }];
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiCsp }] },
    ];
  },
};

export default withNextIntl(nextConfig);
