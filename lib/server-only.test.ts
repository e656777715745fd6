// lib/db.ts, lib/raw-pools.ts, lib/auth.ts and lib/env.ts are marked `import "server-only"`: resolved as a client
// bundle would resolve it, importing any of them throws (Next.js then fails the build with the importer's name);
// scripts run through scripts/ts-loader.mjs, which maps the marker to its empty module.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const MODULES = ["lib/db.ts", "lib/raw-pools.ts", "lib/auth.ts", "lib/env.ts"];

function importWith(loader: string, ...files: string[]) {
  const code = files.map((f) => `await import(${JSON.stringify(path.join(root, f))});`).join("\n");
  return spawnSync(process.execPath, ["--import", loader, "--input-type=module", "-e", code], {
    cwd: root,
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("server-only marks", () => {
  it.each(MODULES)("%s throws when imported outside server code", { timeout: 60_000 }, (file) => {
    const r = importWith("tsx", file);
    expect(r.stderr).toContain("It should only be used from a Server Component");
    expect(r.status).not.toBe(0);
  });

  it("all four import in a script run through scripts/ts-loader.mjs", { timeout: 60_000 }, () => {
    const r = importWith("./scripts/ts-loader.mjs", ...MODULES);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
