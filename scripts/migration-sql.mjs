#!/usr/bin/env node
// npm run db:diff -- [--from <older schema.prisma>]
// Prints the SQL that brings a database from the older schema (or from empty)
// to prisma/schema.prisma. Paste it into a new prisma/migrations/<timestamp>_<name>.sql
// under "-- Up Migration", and add any CHECK constraints by hand.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { dataDirFor, ensureDatabase, startEmbeddedDb } from "./embedded-db.mjs";
import { diffSchemas } from "./schema-sql.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const i = process.argv.indexOf("--from");
const from = i > 0 ? path.resolve(process.argv[i + 1]) : null;
const db = await startEmbeddedDb({ dataDir: dataDirFor(root, "pg-tools"), log: (m) => console.error(`[db] ${m}`) });
try {
  await ensureDatabase(db.url(), "diff_scratch", { fresh: true });
  process.stdout.write(
    diffSchemas({ from, to: path.join(root, "prisma/schema.prisma"), dbUrl: db.url("diff_scratch") }),
  );
} finally {
  await db.stop();
}
