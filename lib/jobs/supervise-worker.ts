// Keeps this server's job runner working. After PostgreSQL was killed (bench test:crash), a graphile-worker
// runner can go on living without taking jobs: a worker waits for ever for a job it asked for, or the pool
// keeps a lock it no longer knows of (a completion the library does not await failed), and the library frees
// such a lock only after 4 hours. Every CHECK_MS the supervisor looks for either, from the runner's own events
// and one query; when it finds one, it stops the runner (once stopped, its heartbeat frees its locks) and starts
// a new runner, which has a new pool of connections. It also starts a new one
// when a runner ends by itself, and keeps trying while the database is down.
import { EventEmitter } from "node:events";
import type { Runner, WorkerEvents } from "graphile-worker";
import { heartbeatPool } from "@/lib/raw-pools";
import { startWorker } from "./start-worker";

/** A worker waiting this long for a job, or a lock this old that no worker of ours runs: the runner is stuck. */
export const STUCK_AFTER_SECONDS = 60;
const CHECK_MS = 15_000;
const STOP_TIMEOUT_MS = 15_000;

type TWatch = { runner: Runner; poolId: () => string | null; stuck: () => Promise<string | null>; dispose(): void };
type TWatching = Omit<TWatch, "runner">;

/** Follows a runner's events (from before it starts: its pool's id comes then): which workers wait for a job since when, and which jobs they run. */
function watch(events: WorkerEvents, stuckAfterSeconds: number): TWatching {
  let poolId: string | null = null;
  const asking = new Map<string, number>();
  const running = new Set<string>();
  const on = {
    "pool:create": ({ workerPool }: { workerPool: { id: string } }) => (poolId = workerPool.id),
    "worker:getJob:start": ({ worker }: { worker: { workerId: string } }) => asking.set(worker.workerId, Date.now()),
    "worker:getJob:empty": ({ worker }: { worker: { workerId: string } }) => asking.delete(worker.workerId),
    "worker:getJob:error": ({ worker }: { worker: { workerId: string } }) => asking.delete(worker.workerId),
    "job:start": ({ worker, job }: { worker: { workerId: string }; job: { id: string } }) => {
      asking.delete(worker.workerId);
      running.add(String(job.id));
    },
    "job:complete": ({ job }: { job: { id: string } }) => running.delete(String(job.id)),
  };
  for (const [name, f] of Object.entries(on)) events.on(name as keyof typeof on, f as never);
  return {
    poolId: () => poolId,
    async stuck() {
      const since = Date.now() - stuckAfterSeconds * 1000;
      if ([...asking.values()].some((t) => t < since))
        return `a worker has waited over ${stuckAfterSeconds} s for a job`;
      if (!poolId) return null;
      const { rows } = await heartbeatPool().query<{ id: string }>(
        `SELECT id::text FROM graphile_worker.jobs WHERE locked_by = $1 AND locked_at < now() - make_interval(secs => $2::float8)`,
        [poolId, stuckAfterSeconds],
      );
      const lost = rows.filter((r) => !running.has(r.id));
      return lost.length ? `${lost.length} job(s) locked by this server that none of its workers runs` : null;
    },
    dispose() {
      for (const [name, f] of Object.entries(on)) events.off(name as keyof typeof on, f as never);
    },
  };
}

export type TSupervisor = { stop(): Promise<void>; poolId(): string | null };

export function superviseWorker({
  checkMs = CHECK_MS,
  stuckAfterSeconds = STUCK_AFTER_SECONDS,
  stopTimeoutMs = STOP_TIMEOUT_MS,
} = {}): TSupervisor {
  let current: TWatch | null = null;
  let stopped = false;
  let retryMs = 2_000;
  let checking = false;

  const launch = async (): Promise<void> => {
    if (stopped) return;
    const events = new EventEmitter() as WorkerEvents;
    const watching = watch(events, stuckAfterSeconds);
    try {
      const runner = await startWorker(events);
      if (stopped) return void (await runner.stop());
      current = { ...watching, runner };
      retryMs = 2_000;
      const mine = current;
      // A runner that ends by itself (not stopped by us) is replaced.
      runner.promise.then(
        () => void (current === mine && replace("the runner ended")),
        (e: Error) => void (current === mine && replace(`the runner failed: ${e.message}`)),
      );
    } catch (e) {
      watching.dispose();
      console.error(`[jobs] the worker could not start (again in ${retryMs / 1000} s): ${(e as Error).message}`);
      setTimeout(() => void launch(), retryMs).unref();
      retryMs = Math.min(retryMs * 2, 60_000);
    }
  };

  const retire = async (old: TWatch) => {
    old.dispose();
    // Its jobs finish (or are handed back) first; then its heartbeat frees what its pool still holds. A stop
    // that hangs (a job stuck in its task) goes on in the background: freeing its locks before it ends could
    // run a job twice at once (a test:crash run with that sent 26 receipts twice), so they wait for it.
    const stop = old.runner.stop().then(
      () => true,
      (e: Error) => (console.error(`[jobs] the stuck runner's stop failed: ${e.message}`), true),
    );
    const done = await Promise.race([
      stop,
      new Promise<false>((r) => setTimeout(() => r(false), stopTimeoutMs).unref()),
    ]);
    if (!done)
      console.warn(
        `[jobs] the stuck runner has not stopped within ${stopTimeoutMs / 1000} s; a new one starts beside it`,
      );
  };

  const replace = async (reason: string) => {
    const old = current;
    if (!old || stopped) return;
    current = null;
    console.warn(`[jobs] starting a new runner: ${reason}`);
    await retire(old);
    await launch();
  };

  const timer = setInterval(async () => {
    if (checking || !current) return;
    checking = true;
    try {
      const reason = await current.stuck();
      if (reason) await replace(reason);
    } catch (e) {
      // The database is down: the runner retries by itself; checked again next time.
      console.error(`[jobs] could not check the runner: ${(e as Error).message}`);
    } finally {
      checking = false;
    }
  }, checkMs);
  timer.unref();
  void launch();

  return {
    poolId: () => current?.poolId() ?? null,
    async stop() {
      stopped = true;
      clearInterval(timer);
      const old = current;
      current = null;
      if (old) {
        old.dispose();
        await old.runner.stop();
      }
    },
  };
}
