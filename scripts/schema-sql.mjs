// Writes SQL from schema.prisma without Prisma's native engines, which cannot
// be downloaded here: Prisma 6.19 (installed as `prisma6`) runs its schema
// engine as WebAssembly when given a driver adapter, and sends one query
// through it, so it needs a reachable (empty) database.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);

/** A copy of a schema with the dummy `url` the 6.19 parser insists on. */
function withUrl(schemaText) {
  return schemaText.replace(/datasource\s+db\s*{([^}]*)}/, (m, body) =>
    /\burl\s*=/.test(body) ? m : `datasource db {${body}  url = "postgresql://unused@localhost/unused"\n}`,
  );
}

/**
 * SQL that turns the `from` schema (a path, or null for an empty database)
 * into the `to` schema. `dbUrl` is any reachable PostgreSQL database.
 */
export function diffSchemas({ from, to, dbUrl }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "clausewise-diff-"));
  try {
    const toPath = path.join(dir, "to.prisma");
    writeFileSync(toPath, withUrl(readFileSync(to, "utf8")));
    const fromArgs = ["--from-empty"];
    if (from) {
      const fromPath = path.join(dir, "from.prisma");
      writeFileSync(fromPath, withUrl(readFileSync(from, "utf8")));
      fromArgs.splice(0, 1, "--from-schema-datamodel", fromPath);
    }
    const adapter = pathToFileURL(require.resolve("@prisma/adapter-pg")).href.replace(/index\.js$/, "index.mjs");
    const config = path.join(dir, "prisma.config.mjs");
    writeFileSync(
      config,
      `import { PrismaPg } from ${JSON.stringify(adapter)};
export default {
  experimental: { adapter: true },
  engine: "js",
  schema: ${JSON.stringify(toPath)},
  adapter: async () => new PrismaPg({ connectionString: process.env.CLAUSEWISE_DIFF_DB_URL }),
};
`,
    );
    const cli = require.resolve("prisma6/build/index.js");
    const r = spawnSync(
      process.execPath,
      [cli, "migrate", "diff", "--config", config, ...fromArgs, "--to-schema-datamodel", toPath, "--script"],
      {
        cwd: dir,
        encoding: "utf8",
        timeout: 120_000,
        env: {
          ...process.env,
          CLAUSEWISE_DIFF_DB_URL: dbUrl,
          PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
          PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
          CHECKPOINT_DISABLE: "1",
        },
      },
    );
    if (r.status !== 0) throw new Error(`prisma6 migrate diff failed:\n${r.stderr}\n${r.stdout}`);
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
