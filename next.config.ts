import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { apiCsp, securityHeaders } from "./lib/http/security-headers.mjs";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    serverActions: { bodySizeLimit: "1mb" },
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiCsp }] },
    ];
  },
};

export default withNextIntl(nextConfig);
