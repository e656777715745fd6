// Runs prisma/seed.ts (TypeScript, through tsx) with the environment given.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function seed(env = process.env) {
  const r = spawnSync(
    process.execPath,
    ["--import", path.join(root, "scripts/ts-loader.mjs"), path.join(root, "prisma/seed.ts")],
    { cwd: root, env, stdio: "inherit" },
  );
  if (r.status !== 0) throw new Error(`seed failed (exit ${r.status})`);
}

if (import.meta.url === `file://${process.argv[1]}`) seed();
