#!/usr/bin/env node
// npm start: the whole app on http://localhost:3000.
// With DATABASE_URL unset it starts an embedded PostgreSQL (data in .data/),
// recovering from a run that was killed; with DATABASE_URL set it starts no
// database. Then it migrates, seeds, builds if the sources changed, and serves.
// On SIGINT/SIGTERM it stops the web server first, then the database.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { dataDirFor, ensureDatabase, startEmbeddedDb } from "./embedded-db.mjs";
import { migrate } from "./migrate.mjs";
import { checkDurability } from "./durability.mjs";
import { seed } from "./seed.mjs";
import { localSecret, root } from "./project.mjs";
import { buildIfNeeded, onStopSignal, serverArgs, startProcess, stopProcess } from "./processes.mjs";
import { publishEmbeddedUrl, withdrawEmbeddedUrl } from "./embedded-url.mjs";
import { compressStatic } from "./static-compressed.mjs";

const dev = process.argv.includes("--dev");
const env = { ...process.env };
let embedded = null;

async function main() {
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedDb({ dataDir: dataDirFor(root, "pg") });
    await ensureDatabase(embedded.url(), "clausewise");
    env.DATABASE_URL = embedded.url("clausewise");
    publishEmbeddedUrl(env.DATABASE_URL);
  } else {
    console.log("[start] using DATABASE_URL; no embedded database");
  }
  if (!env.AUTH_SECRET) {
    if (!embedded)
      console.warn(
        "[start] AUTH_SECRET is unset: using a secret kept in .data/ (set AUTH_SECRET when you run several servers)",
      );
    env.AUTH_SECRET = localSecret();
  }
  await checkDurability(env.DATABASE_URL, env.ALLOW_UNSAFE_DURABILITY === "true");
  const applied = await migrate(env.DATABASE_URL);
  if (applied.length) console.log(`[start] applied migrations: ${applied.join(", ")}`);
  seed(env);
  if (embedded) demoModerator(env);

  if (!dev) await buildIfNeeded(env, () => console.log("[start] building (the sources changed since the last build)…"));
  // Brotli copies of the build's scripts and styles, once per build (the server sends them to browsers that accept it).
  if (!dev) await compressStatic(path.join(root, ".next/static"));

  const server = startProcess("server", serverArgs(...(dev ? ["--dev"] : [])), {
    env: { ...env, NODE_ENV: dev ? "development" : "production" },
  });
  let stopping = false;
  // The web server first (it drains its requests), then the database.
  onStopSignal(async (signal) => {
    stopping = true;
    await stopProcess(server, { signal });
    withdrawEmbeddedUrl();
    await embedded?.stop();
    process.exit(0);
  });
  server.exited.then(async ({ code }) => {
    if (stopping) return;
    await embedded?.stop();
    process.exit(code ?? 1);
  });
}

/** The embedded demo only (never with DATABASE_URL set): a moderator account to try moderation with. */
function demoModerator(env) {
  const email = "moderator@demo.clausewise.invalid";
  const password = localSecret("demo-moderator-password").slice(0, 20);
  const r = spawnSync(
    process.execPath,
    [
      "--import",
      path.join(root, "scripts/ts-loader.mjs"),
      path.join(root, "scripts/user-create.ts"),
      "--email",
      email,
      "--role",
      "moderator",
      "--name",
      "Demo moderator",
      "--password",
      password,
      "--quiet",
    ],
    { cwd: root, env, stdio: "inherit" },
  );
  if (r.status === 0) console.log(`[start] demo moderator: ${email} / ${password}  (sign in at /en/sign-in)`);
}

main().catch(async (err) => {
  console.error(`[start] ${err?.stack ?? err}`);
  await embedded?.stop();
  process.exit(1);
});
