// Child processes for the scripts (start, e2e server, benchmarks, crash test):
// start one, wait until it answers its health check, stop it (SIGKILL if it
// will not go), relay SIGINT/SIGTERM to a cleanup, and build the app first
// when the production build is missing or stale.
import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import readline from "node:readline";
import path from "node:path";
import { needsBuild, root } from "./project.mjs";

const children = new Set();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The web server's command line after `node`, wherever it is started (npm start, the e2e servers, the benchmarks):
 * the same V8 settings everywhere. A young generation of 64 MB semi-spaces (Node 20's default: 16 MB): a server
 * taking thousands of requests a second allocates fast (request heads, bodies, parsed JSON, query parameters, log
 * lines); with the default the scavenger ran every few milliseconds and promoted what a request still held, and at
 * twice capacity (bench:ingest) the garbage collector was an eighth of the server's time and its refusals waited:
 * p99 110–160 ms. With 64 MB, the same run: 52–90 ms, and the server used 14 % less CPU. It costs up to 128 MB more
 * memory under load (V8 shrinks it again when idle).
 * @param {...string} args the server's own arguments (--dev)
 */
export const serverArgs = (...args) => ["--max-semi-space-size=64", "scripts/server.mjs", ...args];

/** Still running (neither exited nor killed by a signal). */
export const running = (child) => child.exitCode === null && child.signalCode === null;

/**
 * @typedef {import("node:child_process").ChildProcess & {
 *   label: string, tail: string[], suppressed: number,
 *   exited: Promise<{ code: number | null, signal: NodeJS.Signals | null }>, closed: Promise<void>,
 * }} TChild
 */

/**
 * `node <args>` (or `command` with `opts.command`) in the project root. `output`: "inherit" (the
 * default), "quiet" (stderr only) or "prefixed" (each line as `  [label] …`, at most 40 lines, so an
 * error storm cannot flood a report; the last 20 are kept in `child.tail` either way).
 * `child.exited` resolves with { code, signal }.
 * @param {string} label
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, output?: "inherit" | "quiet" | "prefixed", command?: string, logFile?: string }} [opts]
 * @returns {TChild}
 */
export function startProcess(
  label,
  args,
  { env = process.env, output = "inherit", command = process.execPath, logFile = "" } = {},
) {
  // With `logFile`, its output goes there, unread while it runs (a server logging every request under a benchmark).
  const fd = logFile ? openSync(logFile, "w") : null;
  const stdio =
    fd !== null
      ? ["ignore", fd, fd]
      : output === "inherit"
        ? "inherit"
        : output === "quiet"
          ? ["ignore", "ignore", "inherit"]
          : ["ignore", "pipe", "pipe"];
  const child = /** @type {TChild} */ (spawn(command, args, { cwd: root, env, stdio }));
  if (fd !== null) closeSync(fd);
  Object.assign(child, { label, tail: [], suppressed: 0 });
  child.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  // After its exit, once its output is read to the end.
  child.closed = new Promise((resolve) => child.once("close", resolve));
  children.add(child);
  child.exited.then(() => children.delete(child));
  if (output === "prefixed" && fd === null) {
    let printed = 0;
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on("line", (line) => {
        child.tail.push(line);
        if (child.tail.length > 20) child.tail.shift();
        if (printed < 40) {
          printed++;
          console.log(`  [${label}] ${line}`);
        } else child.suppressed++;
      });
    }
  }
  return child;
}

/** Runs `node <args>` to its end, its output inherited: its exit code. */
export async function runNode(args, env = process.env) {
  const child = startProcess(args[0], args, { env });
  const { code, signal } = await child.exited;
  return code ?? (signal ? 1 : 0);
}

/** The status of GET `url` (0: no connection or no answer within 2 s). */
export async function statusOf(url) {
  try {
    return await fetchWithin(url, {}, 2_000, async (r) => {
      await r.arrayBuffer();
      return r.status;
    });
  } catch {
    return 0;
  }
}

/**
 * fetch(url, init), then `read(response)`, all within `ms`: rejects with a TimeoutError after that, whatever fetch
 * does (the request is aborted too). Not only AbortSignal.timeout(): test:crash hung for good twice in a health
 * check whose fetch never settled (its clients allocating heavily meanwhile; Node holds that signal weakly, undici
 * #4068), and a race with a timer of our own cannot hang.
 * @template T
 * @param {string} url
 * @param {RequestInit} init
 * @param {number} ms
 * @param {(r: Response) => Promise<T>} read
 * @returns {Promise<T>}
 */
export async function fetchWithin(url, init, ms, read) {
  const controller = new AbortController();
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => {
      const e = new DOMException(`no answer from ${url} within ${ms} ms`, "TimeoutError");
      controller.abort(e);
      reject(e);
    }, ms);
  });
  try {
    return await Promise.race([fetch(url, { ...init, signal: controller.signal }).then(read), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits until GET `url` answers 200; throws when `child` exits first (with its last lines) or after
 * `timeoutMs`, saying what the last answer was.
 * @param {string} url
 * @param {{ child?: TChild | null, timeoutMs?: number, intervalMs?: number }} [opts]
 */
export async function waitHealthy(url, { child = null, timeoutMs = 60_000, intervalMs = 250 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 0;
  while (Date.now() < deadline) {
    if (child && !running(child)) {
      await child.closed;
      throw new Error(
        `${child.label} exited before it was healthy${child.tail.length ? `:\n  ${child.tail.join("\n  ")}` : ""}`,
      );
    }
    if ((last = await statusOf(url)) === 200) return;
    await sleep(intervalMs);
  }
  throw new Error(
    `GET ${url} did not answer 200 within ${timeoutMs / 1000} s (last answer: ${last || "no connection"}${last === 503 ? ", the database is unreachable" : ""})`,
  );
}

/**
 * Sends `signal` (SIGTERM), then waits for the exit; SIGKILL after `killAfterMs`.
 * @param {TChild | null | undefined} child
 * @param {{ signal?: NodeJS.Signals, killAfterMs?: number }} [opts]
 */
export async function stopProcess(child, { signal = "SIGTERM", killAfterMs = 20_000 } = {}) {
  if (!child) return;
  if (running(child)) {
    child.kill(signal);
    const kill = setTimeout(() => running(child) && child.kill("SIGKILL"), killAfterMs);
    await child.exited;
    clearTimeout(kill);
  } else await child.exited;
  if (child.suppressed) console.log(`  [${child.label}] (${child.suppressed} more output lines not shown)`);
}

/** Stops every process started here, the last started first. */
export async function stopAll(opts) {
  for (const child of [...children].reverse()) await stopProcess(child, opts);
}

/** On SIGINT or SIGTERM, runs `cleanup(signal)` once (a second signal while it runs is ignored). */
export function onStopSignal(cleanup) {
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      cleanup(signal);
    });
  }
}

/** Builds the production app (prisma generate, next build) when it is missing or older than the sources. */
export async function buildIfNeeded(env = process.env, log = (line) => console.log(line)) {
  if (!needsBuild()) return false;
  log("production build missing or stale: building…");
  const buildEnv = { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  if ((await runNode([path.join(root, "scripts/prisma.mjs"), "generate"], buildEnv)) !== 0)
    throw new Error("prisma generate failed");
  if ((await runNode([path.join(root, "node_modules/next/dist/bin/next"), "build"], buildEnv)) !== 0)
    throw new Error("next build failed");
  return true;
}
