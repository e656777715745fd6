// Runs this project's TypeScript scripts under Node: `node --import ./scripts/ts-loader.mjs scripts/x.ts`.
// tsx compiles them, with tsconfig.scripts.json: it maps "server-only" (the marker on lib/db.ts, lib/raw-pools.ts,
// lib/auth.ts and lib/env.ts, which throws wherever React Server Components did not resolve it) to its empty
// module, because a script is server code too. Next.js and vitest resolve it their own way.
import { fileURLToPath } from "node:url";

process.env.TSX_TSCONFIG_PATH ??= fileURLToPath(new URL("../tsconfig.scripts.json", import.meta.url));
await import("tsx");
