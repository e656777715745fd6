#!/usr/bin/env node
// node scripts/with-db.mjs <command…>: runs a command against a migrated,
// seeded test database. TEST_DATABASE_URL (a server you run) or, when unset,
// an embedded PostgreSQL in .data/pg-test with a fresh database each run.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { dataDirFor, ensureDatabase, startEmbeddedDb } from "./embedded-db.mjs";
import { migrate } from "./migrate.mjs";
import { seed } from "./seed.mjs";
import { root } from "./project.mjs";

/** Starts (or connects to) the test database; returns the env to run tests with and a stop(). */
export async function withTestDb() {
  const env = { ...process.env, AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url") };
  let embedded = null;
  if (process.env.TEST_DATABASE_URL) {
    env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  } else {
    embedded = await startEmbeddedDb({ dataDir: dataDirFor(root, "pg-test"), log: (m) => console.log(`[test-db] ${m}`) });
    await ensureDatabase(embedded.url(), "clausewise_test", { fresh: true });
    env.DATABASE_URL = embedded.url("clausewise_test");
  }
  await migrate(env.DATABASE_URL);
  seed(env);
  return { env, stop: async () => embedded?.stop() };
}

export function run(cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [cmd, ...args] = process.argv.slice(2);
  const db = await withTestDb();
  let code = 1;
  try {
    code = await run(cmd === "node" ? process.execPath : `${root}/node_modules/.bin/${cmd}`, args, db.env);
  } finally {
    await db.stop();
  }
  process.exit(code);
}
