#!/usr/bin/env node
// npm test: every test, in the order that fails fastest. Typecheck, lint and
// unit tests need no database; integration and end-to-end tests share one
// test database (see with-db.mjs); e2e runs against the production build.
import path from "node:path";
import { run, withTestDb } from "./with-db.mjs";
import { root } from "./project.mjs";

const bin = (name) => path.join(root, "node_modules/.bin", name);
const results = [];

async function step(name, cmd, args, env = process.env) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const code = await run(cmd, args, env);
  results.push({ name, ok: code === 0, seconds: Math.round((Date.now() - started) / 1000) });
  return code === 0;
}

function report() {
  console.log("\n=== summary ===");
  for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} ${r.name} (${r.seconds}s)`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
  return failed === 0;
}

let ok =
  (await step("prisma generate", process.execPath, [path.join(root, "scripts/prisma.mjs"), "generate"])) &&
  (await step("typecheck", bin("tsc"), ["--noEmit"])) &&
  (await step("lint", bin("eslint"), [".", "--max-warnings=0"])) &&
  (await step("unit tests", bin("vitest"), ["run", "--project", "unit"])) &&
  (await step("npm audit (high)", process.execPath, [path.join(root, "scripts/audit.mjs")]));

if (ok) {
  const db = await withTestDb();
  try {
    ok = (await step("integration tests", bin("vitest"), ["run", "--project", "integration"], db.env)) && ok;
    ok = ok && (await step("build", process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { ...db.env, NODE_ENV: "production" }));
    ok = ok && (await step("end-to-end tests", bin("playwright"), ["test"], db.env));
  } finally {
    await db.stop();
  }
}
process.exit(report() ? 0 : 1);
