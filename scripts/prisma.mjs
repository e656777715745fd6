#!/usr/bin/env node
// Runs the Prisma 7 CLI offline. Every Prisma command first tries to download a
// native schema engine, which cannot be reached here; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips the download, and
// `generate`, `validate` and `format` do not need the engine.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const args = process.argv.slice(2);
const r = spawnSync(process.execPath, [cli, ...(args.length ? args : ["generate"])], { stdio: "inherit", env });
process.exit(r.status ?? 1);
