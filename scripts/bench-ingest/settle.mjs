// Before a flat-out phase and the overload: the work left over from the phase before finished first, so that neither
// the baseline nor the app is measured while the database cleans up after the other:
//   - the app's derive-items job (lib/feedback/derive-items.ts) has derived every item stored so far: after a phase
//     of 40,000 responses it works for a minute or more, one UPDATE of 2,000 items after another, and it did so
//     while the baseline was measured again (the baseline's PostgreSQL time per response doubled, its throughput fell
//     by 40 %) and during the form's phase; the job is queued here rather than waiting for its minute;
//   - a CHECKPOINT, and no autovacuum worker running.
import pg from "pg";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits (at most maxDeriveMs) until no item is left to derive, then CHECKPOINT, then waits (at most maxWaitMs)
 * until no autovacuum worker runs. Returns how long it took, the items still underived and the autovacuum workers
 * still running when it gave up.
 */
export async function settleDatabase(databaseUrl, { maxWaitMs = 60_000, maxDeriveMs = 300_000 } = {}) {
  const started = Date.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let underived = 0;
    for (;;) {
      const { rows } = await client.query("SELECT count(*)::int AS n FROM feedback_item WHERE search IS NULL");
      underived = rows[0].n;
      if (underived === 0 || Date.now() - started > maxDeriveMs) break;
      // One run queued at a time (the job's own queue runs one at a time anyway).
      await client.query(
        `SELECT graphile_worker.add_job('derive-items', '{}'::json, queue_name => 'derive-items', job_key => 'bench-settle')`,
      );
      await sleep(500);
    }
    await client.query("CHECKPOINT");
    const checkpointed = Date.now();
    for (;;) {
      const { rows } = await client.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'",
      );
      if (rows[0].n === 0 || Date.now() - checkpointed > maxWaitMs)
        return { ms: Date.now() - started, autovacuum: rows[0].n, underived };
      await sleep(250);
    }
  } finally {
    await client.end();
  }
}

/** settleDatabase, and a line saying how long it took and what it left. */
export async function settleAndSay(databaseUrl) {
  const s = await settleDatabase(databaseUrl);
  const left = [
    s.underived ? `${s.underived} items still to derive` : "",
    s.autovacuum ? `${s.autovacuum} autovacuum still running` : "",
  ];
  console.log(
    `   (database settled in ${s.ms} ms${left
      .filter(Boolean)
      .map((l) => `; ${l}`)
      .join("")})`,
  );
}
