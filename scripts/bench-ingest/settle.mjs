// Before a flat-out phase: PostgreSQL's own work left over from the phase before (autovacuum of the rows just
// written, a checkpoint) finished first, so that neither the baseline nor the app is measured while the database
// cleans up after the other. Both flat-out phases start this way.
import pg from "pg";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** CHECKPOINT, then waits (at most maxWaitMs) until no autovacuum worker runs; returns how long it took. */
export async function settleDatabase(databaseUrl, { maxWaitMs = 60_000 } = {}) {
  const started = Date.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("CHECKPOINT");
    for (;;) {
      const { rows } = await client.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'",
      );
      if (rows[0].n === 0 || Date.now() - started > maxWaitMs)
        return { ms: Date.now() - started, autovacuum: rows[0].n };
      await sleep(250);
    }
  } finally {
    await client.end();
  }
}
