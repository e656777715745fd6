// graphile-worker's open-source runner frees a job held by a worker pool that died without stopping (SIGKILL,
// out of memory, machine lost) only after 4 hours (its resetLocked sweep): a receipt would be hours late. So
// each server's pool writes its id (the jobs' locked_by) in job_worker every HEARTBEAT_INTERVAL_MS, and at
// each beat every server frees, with the library's public graphile_worker.force_unlock_workers, the jobs of
// pools silent for DEAD_AFTER_SECONDS, and of pools that never wrote once (killed before their first beat)
// whose lock is that old. Time is PostgreSQL's (no clock skew between servers), and a pool's silence counts
// from PostgreSQL's own start at the latest, so a database restart does not make every live pool look dead.
import type pg from "pg";
import type { WorkerEvents } from "graphile-worker";

/** How often a server's pool writes that it is alive (and looks for dead ones). */
export const HEARTBEAT_INTERVAL_MS = 15_000;
/** A pool silent this long is gone: four beats missed. */
export const DEAD_AFTER_SECONDS = 60;

type TPool = Pick<pg.Pool, "query">;

/** Writes that these pools are alive now (registers them the first time). */
export async function beat(pool: TPool, ids: string[]): Promise<void> {
  await pool.query(
    `INSERT INTO job_worker (id) SELECT unnest($1::text[]) ON CONFLICT (id) DO UPDATE SET beat_at = now()`,
    [ids],
  );
}

/**
 * Frees the jobs of the pools that are gone (never one of `own`, the caller's live pools) and forgets them;
 * returns their ids.
 */
export async function freeDeadWorkers(
  pool: TPool,
  own: string[],
  deadAfterSeconds = DEAD_AFTER_SECONDS,
): Promise<string[]> {
  // One statement: the silent pools are deleted (a beat that comes meanwhile registers its pool again), and
  // their jobs freed with those of unregistered pools whose lock is older than the dead time.
  const { rows } = await pool.query<{ ids: string[] }>(
    `WITH since AS (SELECT now() - make_interval(secs => $2::float8) AS t, pg_postmaster_start_time() AS up),
    silent AS (
      DELETE FROM job_worker w USING since
      WHERE greatest(w.beat_at, since.up) < since.t AND w.id <> ALL($1::text[]) RETURNING w.id
    ),
    unregistered AS (
      SELECT DISTINCT j.locked_by AS id FROM graphile_worker.jobs j, since
      WHERE j.locked_by IS NOT NULL AND greatest(j.locked_at, since.up) < since.t AND j.locked_by <> ALL($1::text[])
        AND NOT EXISTS (SELECT 1 FROM job_worker w WHERE w.id = j.locked_by)
    ),
    dead AS (SELECT ARRAY(SELECT id FROM silent UNION SELECT id FROM unregistered) AS ids)
    SELECT ids, graphile_worker.force_unlock_workers(ids) FROM dead WHERE cardinality(ids) > 0`,
    [own, deadAfterSeconds],
  );
  return rows[0]?.ids ?? [];
}

export type THeartbeat = { stop(): Promise<void> };

/**
 * Beats for every pool the runner given these `events` creates, and sweeps, at once and every `intervalMs`;
 * stop() (only once the runner stopped: its jobs are done or handed back) frees what they still hold and forgets
 * them. Never throws.
 */
export function keepWorkersAlive(
  events: WorkerEvents,
  pool: TPool,
  { intervalMs = HEARTBEAT_INTERVAL_MS, deadAfterSeconds = DEAD_AFTER_SECONDS } = {},
): THeartbeat {
  const ids = new Set<string>();
  let running: Promise<void> | null = null;
  const tick = () =>
    (running ??= sweep().finally(() => {
      running = null;
    }));
  const sweep = async () => {
    try {
      if (ids.size) await beat(pool, [...ids]);
      const freed = await freeDeadWorkers(pool, [...ids], deadAfterSeconds);
      if (freed.length) console.warn(`[jobs] freed the jobs of worker pools gone silent: ${freed.join(", ")}`);
    } catch (e) {
      console.error(`[jobs] heartbeat failed (tried again in ${intervalMs / 1000} s): ${(e as Error).message}`);
    }
  };
  const onCreate = ({ workerPool }: { workerPool: { id: string } }) => {
    ids.add(workerPool.id);
    // Registered at once, not at the next beat: until then its jobs would be those of an unregistered pool.
    beat(pool, [workerPool.id]).catch((e) => console.error(`[jobs] heartbeat failed: ${(e as Error).message}`));
  };
  events.on("pool:create", onCreate);
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  let stopped: Promise<void> | null = null;
  const forget = async () => {
    clearInterval(timer);
    events.off("pool:create", onCreate);
    await running; // a beat in flight would register the pool again
    const gone = [...ids];
    ids.clear();
    if (!gone.length) return;
    try {
      // Stopped, its pool runs nothing: a lock it still holds is one it lost track of (PostgreSQL killed while
      // the pool took or completed that job), which graphile-worker would keep for 4 hours.
      await pool.query(`SELECT graphile_worker.force_unlock_workers($1::text[])`, [gone]);
      await pool.query(`DELETE FROM job_worker WHERE id = ANY($1::text[])`, [gone]);
    } catch (e) {
      // The database is down: the pool's row goes silent, and a sweep frees and deletes it.
      console.error(`[jobs] could not forget the stopped worker pool: ${(e as Error).message}`);
    }
  };
  // Called twice (the runner's stop, and its end): the second waits for the first.
  return { stop: () => (stopped ??= forget()) };
}
