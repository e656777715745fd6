#!/usr/bin/env node
// node scripts/with-db.mjs <command…>: runs a command against a migrated,
// seeded test database. TEST_DATABASE_URL (a server you run) or, when unset,
// a fresh embedded PostgreSQL cluster in .data/pg-test/<pid>, removed after the
// run, so that several runs (tests, a benchmark) never share one.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { alive, dataDirFor, ensureDatabase, startEmbeddedDb } from "./embedded-db.mjs";
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
    const parent = dataDirFor(root, "pg-test");
    removeAbandoned(parent);
    const dataDir = path.join(parent, String(process.pid));
    embedded = await startEmbeddedDb({ dataDir, log: (m) => console.log(`[test-db] ${m}`), quiet: true });
    const stop = embedded.stop;
    embedded.stop = async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
    await ensureDatabase(embedded.url(), "clausewise_test", { fresh: true });
    env.DATABASE_URL = embedded.url("clausewise_test");
  }
  await migrate(env.DATABASE_URL);
  seed(env);
  return { env, stop: async () => embedded?.stop() };
}

/**
 * A second database on the same server, fresh, migrated and seeded: the end-to-end suite runs on its own,
 * so what integration tests leave behind (hundreds of consultations, locks, limits) cannot change what a
 * page shows. Returns the env to run with.
 */
export async function withFreshDatabase(env, name) {
  const url = new URL(env.DATABASE_URL);
  url.pathname = `/${name}`;
  await ensureDatabase(env.DATABASE_URL, name, { fresh: true });
  const next = { ...env, DATABASE_URL: url.toString() };
  await migrate(next.DATABASE_URL);
  seed(next);
  return next;
}

/** Clusters of test runs that were killed: stop their PostgreSQL, delete their data. */
function removeAbandoned(parent) {
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    if (!/^\d+$/.test(name) || alive(Number(name))) continue;
    const dir = path.join(parent, name);
    try {
      const pg = Number(readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]);
      if (pg > 0 && alive(pg)) process.kill(pg, "SIGKILL");
    } catch {
      // no lock file: nothing running
    }
    rmSync(dir, { recursive: true, force: true });
  }
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
