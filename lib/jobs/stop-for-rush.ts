// Long background work in the web server's process (the themes, lib/themes/refresh-themes.ts) stops when a rush
// begins, instead of holding a core of the machine until it ends. Jobs already wait to start while the server refuses
// requests for its load (lib/http/load-state.ts); this stops one that was under way: a themes computation over a
// million comments runs for a minute, and one that had started at 10:00:00 held a whole core of a 2-core machine
// through the first second of a rush at 10:00:02 (PostgreSQL's share), when the server refused requests in 150–200 ms
// instead of 5–20 (bench:ingest's overload phase, issue 12).
//
// How: the work runs in a transaction whose connection is tagged (application_name, for this transaction only); at
// the server's first refusal for its load, the job queue's own connection, always open (the app's pool is saturated
// then), cancels the statement that connection runs, if it still runs one with that tag, so nobody else's statement is
// ever cancelled; the transaction rolls back (what was there before stays), and `check()` stops it between statements.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { heartbeatPool } from "@/lib/raw-pools";
import { onOverload } from "@/lib/http/load-state";

/** Thrown by stoppableByRush when the rush stopped the work: its transaction is rolled back, and the job ends. */
export class StoppedForRush extends Error {
  constructor(what: string, options?: { cause?: unknown }) {
    super(`${what}: stopped for a rush of requests`, options);
    this.name = "StoppedForRush";
  }
}

/**
 * Cancels the statement the backend `pid` runs, if it is still active under `tag`. Through the job queue's own
 * connection, always open (lib/raw-pools.ts): a new connection took 0.3–0.8 s to open in a rush. Never throws.
 */
async function cancelStatement(pid: number, tag: string): Promise<void> {
  try {
    await heartbeatPool().query(
      "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE pid = $1 AND application_name = $2 AND state = 'active'",
      [pid, tag],
    );
  } catch (e) {
    console.warn(`[jobs] could not cancel a background statement for a rush: ${(e as Error).message}`);
  }
}

/**
 * Runs `work` in the transaction `tx`; if the server begins to refuse requests for its load before it ends, the
 * statement under way is cancelled and `check()` (to call between statements) throws: either way it rejects with
 * StoppedForRush, and the caller's transaction rolls back.
 */
export async function stoppableByRush<T>(
  tx: Prisma.TransactionClient,
  what: string,
  work: (check: () => void) => Promise<T>,
): Promise<T> {
  const tag = `clausewise-stoppable-${randomUUID()}`;
  const [{ pid }] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
  await tx.$queryRaw`SELECT set_config('application_name', ${tag}, true)`;
  let stopped = false;
  let cancelling: Promise<void> | null = null;
  const off = onOverload(() => {
    stopped = true;
    cancelling = cancelStatement(pid, tag);
  });
  const check = () => {
    if (stopped) throw new StoppedForRush(what);
  };
  try {
    return await work(check);
  } catch (e) {
    if (stopped && !(e instanceof StoppedForRush)) throw new StoppedForRush(what, { cause: e });
    throw e;
  } finally {
    off();
    if (cancelling) await cancelling;
  }
}
