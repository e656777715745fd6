// The supervisor on a real runner and database: a lock the live runner's pool lost track of (what a killed
// PostgreSQL leaves when the library's unawaited completion fails) is freed without waiting 4 hours, by a
// new runner replacing the stuck one. Times are shortened: checks every 200 ms, stuck after 1 s.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { requireDatabaseUrl } from "@/lib/env";
import { superviseWorker } from "./supervise-worker";

const pool = new pg.Pool({ connectionString: requireDatabaseUrl(), max: 2 });
afterAll(() => pool.end());

async function waitFor<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`${what}: still ${JSON.stringify(v)} after ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the job runner's supervisor", () => {
  it("replaces a live runner that holds a lock none of its workers runs, and the lock is freed", async () => {
    const worker = superviseWorker({ checkMs: 200, stuckAfterSeconds: 1, stopTimeoutMs: 2_000 });
    try {
      const first = await waitFor(
        "the runner started",
        async () => worker.poolId(),
        (id) => id !== null,
      );
      // A job of a task no server has, locked by hand by the live pool: no worker of it runs the job.
      const { rows } = await pool.query(`SELECT id::text FROM graphile_worker.add_job('test-lost-lock', '{}'::json)`);
      const id = rows[0].id as string;
      await pool.query(
        `UPDATE graphile_worker._private_jobs SET locked_by = $1, locked_at = now() - interval '5 seconds' WHERE id = $2::bigint`,
        [first, id],
      );
      const lock = async () =>
        (await pool.query(`SELECT locked_by FROM graphile_worker.jobs WHERE id = $1::bigint`, [id])).rows[0]?.locked_by;
      expect(await waitFor("the lost lock freed", lock, (by) => by === null)).toBeNull();
      const second = await waitFor(
        "a new runner",
        async () => worker.poolId(),
        (p) => p !== null && p !== first,
      );
      expect(second).not.toBe(first);
      await pool.query(`SELECT graphile_worker.complete_jobs(ARRAY[$1::bigint])`, [id]);
    } finally {
      await worker.stop();
    }
  });

  it("leaves a runner alone while its workers run their jobs or find none", async () => {
    const worker = superviseWorker({ checkMs: 100, stuckAfterSeconds: 1 });
    try {
      const first = await waitFor(
        "the runner started",
        async () => worker.poolId(),
        (id) => id !== null,
      );
      await new Promise((r) => setTimeout(r, 2_500));
      expect(worker.poolId()).toBe(first);
    } finally {
      await worker.stop();
    }
  });
});
