// Applies prisma/migrations/*.sql (node-pg-migrate; its bookkeeping lives in
// the "migrations" schema), after graphile-worker's own migrations (its schema
// graphile_worker: the job queue, lib/jobs/), which our SQL calls (add_job) and so
// must exist first. Safe to run at every start: applied files are skipped.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Logger, runMigrations } from "graphile-worker";
import { runner } from "node-pg-migrate";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function migrate(databaseUrl, { log = () => {} } = {}) {
  await runMigrations({
    connectionString: databaseUrl,
    logger: new Logger(() => (level, message) => (level === "error" ? console.error : log)(`[jobs] ${message}`)),
  });
  const applied = await runner({
    databaseUrl,
    dir: path.join(root, "prisma/migrations"),
    direction: "up",
    migrationsTable: "pgmigrations",
    migrationsSchema: "migrations",
    createMigrationsSchema: true,
    checkOrder: true,
    // One transaction per file: a new enum value is usable only after its own migration commits.
    singleTransaction: false,
    log,
    logger: { debug() {}, info: log, warn: log, error: console.error },
  });
  return applied.map((m) => m.name);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.env.DATABASE_URL) {
    console.error("DATABASE_URL is not set (npm run db:migrate sets it to the embedded database).");
    process.exit(1);
  }
  const names = await migrate(process.env.DATABASE_URL);
  console.log(names.length ? `applied: ${names.join(", ")}` : "migrations: up to date");
}
