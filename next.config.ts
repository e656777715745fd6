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
    serverActions: { bodySizeLimit: "1mb" },
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
