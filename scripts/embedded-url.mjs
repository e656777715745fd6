// The embedded database of `npm start`, for command-line tools: the running
// one (start.mjs writes its address to .data/) or, if none runs, started here.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { dataDirFor, ensureDatabase, startEmbeddedDb } from "./embedded-db.mjs";
import { root } from "./project.mjs";

const urlFile = () => path.join(dataDirFor(root, "pg"), "..", "pg.url");

export function publishEmbeddedUrl(url) {
  writeFileSync(urlFile(), url + "\n", { mode: 0o600 });
}

export function withdrawEmbeddedUrl() {
  rmSync(urlFile(), { force: true });
}

async function reachable(url) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

export async function embeddedDatabaseUrl() {
  if (existsSync(urlFile())) {
    const url = readFileSync(urlFile(), "utf8").trim();
    if (await reachable(url)) return { url, stop: async () => {} };
  }
  const db = await startEmbeddedDb({ dataDir: dataDirFor(root, "pg"), log: () => {} });
  await ensureDatabase(db.url(), "clausewise");
  const { migrate } = await import("./migrate.mjs");
  await migrate(db.url("clausewise"));
  return { url: db.url("clausewise"), stop: db.stop };
}
