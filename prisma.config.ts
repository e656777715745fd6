import { defineConfig } from "prisma/config";

// No datasource here: the CLI is only used for `generate`, and env("DATABASE_URL")
// would throw when the variable is unset (see scripts/prisma.mjs).
export default defineConfig({
  schema: "prisma/schema.prisma",
});
