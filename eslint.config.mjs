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
    // SQL is composed with tagged templates (Prisma.sql / Prisma.join), never from strings.
    rules: {
      "no-restricted-syntax": ["error", {
        selector: "MemberExpression[property.name=/^\\$(queryRawUnsafe|executeRawUnsafe)$/]",
        message: "Compose SQL with a tagged template ($queryRaw`…`, Prisma.sql, Prisma.join): no *Unsafe calls.",
      }],
    },
  },
  {
    ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
];
export default config;
