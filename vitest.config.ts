import path from "node:path";
import { defineConfig } from "vitest/config";

// "server-only" (the marker on lib/db, raw-pools, auth, env) throws unless React Server Components resolve it: tests are server code.
const alias = {
  "@": path.resolve(__dirname),
  "server-only": path.resolve(__dirname, "node_modules/server-only/empty.js"),
};
const exclude = ["node_modules/**", ".next/**", "e2e/**", ".data/**", "lib/generated/**"];

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: [...exclude, "**/*.int.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude,
          environment: "node",
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // next-auth imports "next/server" without an extension, which Node's resolver refuses; Vite's resolves it.
          server: { deps: { inline: ["next-auth"] } },
        },
      },
    ],
  },
});
