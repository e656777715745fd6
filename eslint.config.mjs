import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layout, checked here rather than remembered (README, Conventions). Plain ESLint rules
// (no-restricted-imports, -properties, -syntax) read as the sentence they enforce and need no plugin.

/** The database client and raw pools: only lib/ (and scripts, tests) reach PostgreSQL. */
const DATABASE = {
  regex:
    "^(@/|(\\.\\./)+|\\./)lib/(db|raw-pools|generated)(/|$)|^(pg|pg-query-stream|@prisma/client|@prisma/adapter-pg)(/|$)",
  message: "app/ and components/ never reach the database: call a function of lib/<entity>/<verb>.ts.",
};
/** Routes and their Server Actions: a component receives an action as a prop, or lives beside its route in app/. */
const ROUTES = {
  regex: "^(@/|(\\.\\./)+)app/",
  message:
    "components/ never imports app/: pass the Server Action as a prop from the page, or keep a route-bound form beside its route in app/.",
};

/**
 * Who may read process.env besides lib/env.ts, and why. Everything else reads its settings through env().
 */
const PROCESS_ENV_ALLOWED = [
  // The one parser of the app's environment.
  "lib/env.ts",
  // Next.js replaces process.env.NEXT_RUNTIME at build time, which only works when it is written out literally.
  "instrumentation.ts",
  // Command-line tools outside the app: they start the database and servers and hand each child its environment
  // (DATABASE_URL, ports, benchmark sizes) before any lib/env.ts exists in that child.
  "scripts/**",
  // Test tooling: Playwright's config and specs run in their own process, beside the servers they start.
  "playwright.config.ts",
  "e2e/**",
  // Tests set the environment of the code under test before lib/env.ts parses it, and reach the test database.
  "**/*.test.ts",
];

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
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[property.name=/^\\$(queryRawUnsafe|executeRawUnsafe)$/]",
          message: "Compose SQL with a tagged template ($queryRaw`…`, Prisma.sql, Prisma.join): no *Unsafe calls.",
        },
      ],
    },
  },
  {
    // Environment variables are read once, validated, in lib/env.ts.
    ignores: PROCESS_ENV_ALLOWED,
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message:
            "Read settings through env() from lib/env.ts (one zod schema); only the files listed in eslint.config.mjs read process.env.",
        },
      ],
    },
  },
  {
    files: ["app/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [DATABASE] }] },
  },
  {
    files: ["components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [DATABASE, ROUTES] }] },
  },
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
];
export default config;
