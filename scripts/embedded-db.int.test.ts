// The embedded PostgreSQL must survive its owner being killed: the next start
// finds the orphaned server (or its stale lock file) and carries on.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { dataDirFor, startEmbeddedDb } from "./embedded-db.mjs";

const root = path.resolve(__dirname, "..");
const dataDir = path.join(dataDirFor(root, "pg-recovery"), String(process.pid));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function query(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

describe("embedded PostgreSQL", () => {
  it("recovers after the process that started it was killed with SIGKILL", async () => {
    // A child starts the database, writes a row, and is then killed without any chance to clean up.
    const dir = mkdtempSync(path.join(os.tmpdir(), "cw-owner-"));
    const script = path.join(dir, "owner.mjs");
    writeFileSync(
      script,
      `import { startEmbeddedDb } from ${JSON.stringify(path.join(root, "scripts/embedded-db.mjs"))};
       import pg from ${JSON.stringify(path.join(root, "node_modules/pg/lib/index.js"))};
       const db = await startEmbeddedDb({ dataDir: ${JSON.stringify(dataDir)}, log: () => {} });
       const c = new pg.Client({ connectionString: db.url() });
       await c.connect();
       await c.query("CREATE TABLE IF NOT EXISTS survivor (n int)");
       await c.query("INSERT INTO survivor VALUES (42)");
       await c.end();
       console.log("ready");
       setInterval(() => {}, 1000);`,
    );
    const owner = spawn(process.execPath, [script], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      owner.stdout.on("data", (d) => String(d).includes("ready") && resolve());
      owner.once("exit", (code) => reject(new Error(`owner exited ${code}`)));
    });
    owner.kill("SIGKILL");
    await new Promise((r) => owner.once("exit", r));
    rmSync(dir, { recursive: true, force: true });

    const orphan = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    expect(alive(orphan)).toBe(true); // the orphaned PostgreSQL is still running

    const db = await startEmbeddedDb({ dataDir, log: () => {} });
    try {
      expect(alive(orphan)).toBe(false);
      expect(await query(db.url(), "SELECT n FROM survivor")).toEqual([{ n: 42 }]);
    } finally {
      await db.stop();
    }
    expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
  });

  it("starts over a stale lock file whose process is gone", async () => {
    writeFileSync(path.join(dataDir, "postmaster.pid"), `999999\n${dataDir}\n`);
    const db = await startEmbeddedDb({ dataDir, log: () => {} });
    try {
      expect(await query(db.url(), "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    } finally {
      await db.stop();
    }
  });
});
