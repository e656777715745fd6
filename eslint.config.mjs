import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // A rule for the pages router: this app router project uses plain links on purpose
    // (full page loads work the same with or without JavaScript).
    rules: { "@next/next/no-html-link-for-pages": "off" },
  },
  {
    ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
];
export default config;
