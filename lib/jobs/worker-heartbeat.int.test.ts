// Real graphile-worker runners on the real database. A "dead" server is a runner whose one worker is stuck
// in its job and who stopped beating (or never beat): what a SIGKILL leaves in the database, a lock nobody
// will release. Times are shortened (beats every 200 ms, dead after 1 s) so the test waits seconds, not minutes.
import { EventEmitter } from "node:events";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { run, type Task, type WorkerEvents } from "graphile-worker";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { requireDatabaseUrl } from "@/lib/env";
import { jobLogger, startWorker } from "./start-worker";
import { beat, keepWorkersAlive } from "./worker-heartbeat";

const FAST = { intervalMs: 200, deadAfterSeconds: 1 };
const pool = new pg.Pool({ connectionString: requireDatabaseUrl(), max: 4 });
const gates: (() => void)[] = [];
const stops: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const open of gates.splice(0)) open();
  for (const stop of stops.splice(0).reverse()) await stop();
});
afterAll(() => pool.end());

/** A job handler that runs until the test ends (a job in flight when its server dies). */
function stuck(runs: string[], who: string): Task {
  const until = new Promise<void>((resolve) => gates.push(resolve));
  return async () => {
    runs.push(who);
    await until;
  };
}

/**
 * A runner of one task. `heartbeat`: "alive" beats and sweeps as every server does; "once" registered, then
 * its server died; "never" died before its first beat. A dead one has one worker, stuck in its job.
 */
async function startRunner(task: string, handler: Task, heartbeat: "alive" | "once" | "never") {
  const events = new EventEmitter() as WorkerEvents;
  const ids: string[] = [];
  events.on("pool:create", ({ workerPool }) => ids.push(workerPool.id));
  const alive = heartbeat === "alive" ? keepWorkersAlive(events, pool, FAST) : null;
  const runner = await run({
    connectionString: requireDatabaseUrl(),
    concurrency: alive ? 4 : 1,
    pollInterval: 100,
    noHandleSignals: true,
    logger: jobLogger,
    events,
    taskList: { [task]: handler },
    parsedCronItems: [],
  });
  if (heartbeat === "once") await beat(pool, ids);
  stops.push(async () => {
    await runner.stop();
    await alive?.stop();
  });
  return { id: ids[0] };
}

const taskName = (what: string) => `test-${what}-${randomBytes(4).toString("hex")}`;

async function addJob(task: string): Promise<string> {
  const { rows } = await pool.query(`SELECT id::text FROM graphile_worker.add_job($1, '{}'::json)`, [task]);
  return rows[0].id;
}

async function job(id: string): Promise<{ locked_by: string | null } | undefined> {
  return (await pool.query(`SELECT locked_by FROM graphile_worker.jobs WHERE id = $1::bigint`, [id])).rows[0];
}

async function waitFor<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 8_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`${what}: still ${JSON.stringify(v)} after ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the job queue's heartbeat (jobs of a server that died)", () => {
  it("frees the job of a worker pool whose heartbeat stopped, and a live server runs it once", async () => {
    const task = taskName("dead");
    const runs: string[] = [];
    const dead = await startRunner(task, stuck(runs, "dead"), "once");
    const id = await addJob(task);
    await waitFor(
      "the job taken by the pool that will die",
      () => job(id),
      (j) => j?.locked_by === dead.id,
    );
    // graphile-worker alone keeps this lock for 4 hours: the live server below would never get the job.
    await startRunner(task, async () => void runs.push("live"), "alive");
    await waitFor(
      "the dead pool's job run by the live server",
      () => job(id),
      (j) => j === undefined,
    );
    expect(runs).toEqual(["dead", "live"]);
    expect((await pool.query(`SELECT 1 FROM job_worker WHERE id = $1`, [dead.id])).rowCount).toBe(0);
  });

  it("frees the job of a worker pool that died before its first beat, once its lock is older than the dead time", async () => {
    const task = taskName("unborn");
    const runs: string[] = [];
    const dead = await startRunner(task, stuck(runs, "dead"), "never");
    const id = await addJob(task);
    await waitFor(
      "the job taken by the pool that will die",
      () => job(id),
      (j) => j?.locked_by === dead.id,
    );
    await startRunner(task, async () => void runs.push("live"), "alive");
    await waitFor(
      "the dead pool's job run by the live server",
      () => job(id),
      (j) => j === undefined,
    );
    expect(runs).toEqual(["dead", "live"]);
  });

  it("never frees the job of a live worker pool, however long the job runs", async () => {
    const task = taskName("long");
    const runs: string[] = [];
    let finish = () => {};
    const done = new Promise<void>((resolve) => (finish = resolve));
    const busy = await startRunner(
      task,
      async () => {
        runs.push("busy");
        await done;
      },
      "alive",
    );
    const id = await addJob(task);
    await waitFor(
      "the job taken",
      () => job(id),
      (j) => j?.locked_by === busy.id,
    );
    // Another live server sweeps every 200 ms, with idle workers for this task, for three times the dead time.
    await startRunner(task, async () => void runs.push("other"), "alive");
    await new Promise((r) => setTimeout(r, 3 * FAST.deadAfterSeconds * 1000));
    expect(await job(id)).toEqual({ locked_by: busy.id });
    finish();
    await waitFor(
      "the long job done",
      () => job(id),
      (j) => j === undefined,
    );
    expect(runs).toEqual(["busy"]);
  });

  it("a clean stop also frees a lock its pool lost track of (PostgreSQL killed while a job was taken or completed)", async () => {
    const task = taskName("lost");
    const { id: poolId } = await startRunner(task, async () => {}, "alive");
    // The lock as PostgreSQL keeps it when the pool never heard back: set here by hand, no worker runs the job.
    const id = await addJob(task.replace("test-", "test-unknown-"));
    await pool.query(
      `UPDATE graphile_worker._private_jobs SET locked_by = $1, locked_at = now() WHERE id = $2::bigint`,
      [poolId, id],
    );
    for (const stop of stops.splice(0)) await stop();
    expect(await job(id)).toEqual({ locked_by: null });
    await pool.query(`SELECT graphile_worker.complete_jobs(ARRAY[$1::bigint])`, [id]);
  });

  it("a server's worker registers its pool at start and forgets it on a clean stop", async () => {
    const rows = async () =>
      (await pool.query<{ id: string }>(`SELECT id FROM job_worker WHERE id LIKE 'pool-%'`)).rows.map((r) => r.id);
    const before = new Set(await rows());
    const runner = await startWorker();
    const [mine] = await waitFor(
      "the server's pool registered",
      async () => (await rows()).filter((id) => !before.has(id)),
      (ids) => ids.length === 1,
    );
    await runner.stop();
    expect(await rows()).not.toContain(mine);
  });
});
