import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db";
import { exportPool, heartbeatPool, limiterPool, receiptPool } from "@/lib/raw-pools";

// test:crash: with PostgreSQL killed, every connection a pool had lent out (a receipt's transaction waiting on the
// mail server, an export between two batches) emitted "terminating connection" with nobody listening: an uncaught
// exception in the server, 17 in one run.
const pools: [string, () => pg.Pool][] = [
  ["the app's", getPool],
  ["the staff export's", () => exportPool("staff")],
  ["the public export's", () => exportPool("public")],
  ["the rate limits'", limiterPool],
  ["the heartbeat's", heartbeatPool],
  ["the receipts'", receiptPool],
];

afterAll(async () => {
  await Promise.all(pools.map(([, pool]) => pool().end()));
});

describe("a connection lent out by a pool and then lost (PostgreSQL restarted, the connection killed)", () => {
  it.each(pools)(
    "of %s pool is no uncaught exception: the error is logged and the connection thrown away",
    async (_, pool) => {
      const client = await pool().connect();
      expect(client.listenerCount("error")).toBeGreaterThan(0);
      const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      const killer = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await killer.connect();
      const lost = new Promise<void>((resolve) => client.once("end", resolve));
      await killer.query("SELECT pg_terminate_backend($1)", [rows[0].pid]);
      await killer.end();
      await lost;
      client.release(true);
      // The pool still serves.
      const again = await pool().query<{ one: number }>("SELECT 1 AS one");
      expect(again.rows[0].one).toBe(1);
    },
  );
});
