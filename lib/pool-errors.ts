// A pg pool's connection that PostgreSQL drops (a restart, a killed backend) emits "error": on the pool while
// idle, on the connection itself while lent out (a receipt's transaction waiting on the mail server, an export
// between two batches). Without a listener on the connection, that is an uncaught exception in the server
// (test:crash counted 17 in one run). Every pool is made through here, so each connection has its listener from
// the start; the query that runs on it (or the next) fails as usual and the pool replaces it.
import type pg from "pg";

/** Logs every connection error of the pool (once: from the connection's own listener) and returns the pool. */
export function logPoolErrors(pool: pg.Pool, label: string): pg.Pool {
  pool.on("connect", (client) =>
    client.on("error", (err) => console.error(`[db] ${label} pool, connection lost:`, err.message)),
  );
  // Also emitted for an idle connection's error, already logged above; without a listener it would be thrown.
  pool.on("error", () => {});
  return pool;
}
