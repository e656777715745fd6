#!/usr/bin/env node
// npm test: every test, in the order that fails fastest. Typecheck, lint and
// unit tests need no database; integration tests run on a fresh test database,
// end-to-end tests on another one on the same server (see with-db.mjs), against
// the production build.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { run, withFreshDatabase, withTestDb } from "./with-db.mjs";
import { root } from "./project.mjs";
import { findBrowser, thisMachine } from "./find-browser.mjs";

const bin = (name) => path.join(root, "node_modules/.bin", name);
const results = [];

async function step(name, cmd, args, env = process.env) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const code = await run(cmd, args, env);
  results.push({ name, ok: code === 0, seconds: Math.round((Date.now() - started) / 1000) });
  return code === 0;
}

const E2E_REPORT = path.join(root, ".data/e2e-report.json");

/** Each failed end-to-end test with the start of its error, read from Playwright's JSON report. */
function e2eFailures() {
  let report;
  try {
    report = JSON.parse(readFileSync(E2E_REPORT, "utf8"));
  } catch {
    return [];
  }
  const out = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const failed = (t.results ?? []).find((r) => r.status === "failed" || r.status === "timedOut");
        if (!failed) continue;
        const message = (failed.error?.message ?? failed.status).replace(/\u001b\[[0-9;]*m/g, "");
        out.push(`${spec.file}:${spec.line} ${spec.title}\n    ${message.split("\n").slice(0, 12).join("\n    ")}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return out;
}

function report() {
  const e2e = results.find((r) => r.name === "end-to-end tests" && !r.ok);
  if (e2e) {
    console.log("\n=== end-to-end failures ===");
    for (const f of e2eFailures()) console.log(f);
  }
  console.log("\n=== summary ===");
  for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} ${r.name} (${r.seconds}s)`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
  return failed === 0;
}

// The browser first: a machine without one learns it (or gets one installed) before the long steps, not after.
console.log("\n=== browser for the end-to-end tests ===");
const browser = findBrowser(await thisMachine());
console.log(browser.ok ? `${browser.source}: ${browser.executablePath}` : browser.message);

let ok =
  (await step("prisma generate", process.execPath, [path.join(root, "scripts/prisma.mjs"), "generate"])) &&
  (await step("typecheck", bin("tsc"), ["--noEmit"])) &&
  (await step("lint", bin("eslint"), [".", "--max-warnings=0"])) &&
  (await step("formatting (prettier --check; npm run format fixes it)", bin("prettier"), ["--check", "."])) &&
  (await step("unit tests", bin("vitest"), ["run", "--project", "unit"])) &&
  (await step("npm audit (high)", process.execPath, [path.join(root, "scripts/audit.mjs")]));

if (ok) {
  const db = await withTestDb();
  try {
    ok = (await step("integration tests", bin("vitest"), ["run", "--project", "integration"], db.env)) && ok;
    ok =
      ok &&
      (await step("build", process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
        ...db.env,
        NODE_ENV: "production",
      }));
    rmSync(E2E_REPORT, { force: true });
    // Its own database: nothing the integration tests left behind changes what the pages show.
    const e2eEnv = ok ? await withFreshDatabase(db.env, "clausewise_e2e") : db.env;
    if (ok && !browser.ok) {
      console.log(`\n=== end-to-end tests ===\n${browser.message}`);
      results.push({ name: "end-to-end tests (no browser)", ok: false, seconds: 0 });
      ok = false;
    }
    ok =
      ok &&
      (await step("end-to-end tests", bin("playwright"), ["test"], {
        ...e2eEnv,
        CLAUSEWISE_CHROMIUM: browser.executablePath,
      }));
  } finally {
    await db.stop();
  }
}
process.exit(report() ? 0 : 1);
