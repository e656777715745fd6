// What GET /api/health reports. To anyone: whether the service works (the
// database answers within 2 s) and how many requests this server refused
// for load in the last minute, so a balancer sees shedding. With details (the
// operator's token or a staff session): the process (uptime, pid), the
// database's latency, the job queue's jobs waiting and failed, and among them the
// email receipts still waiting or given up (lib/jobs/failed-jobs.ts). 503 when the
// database does not answer.
import { db } from "@/lib/db";
import { refusedLastMinute } from "@/lib/http/load-state";
import { jobQueueState } from "@/lib/jobs/failed-jobs";

const started = Date.now();

export async function checkHealth({ details }: { details: boolean }) {
  const t0 = performance.now();
  let database: { status: "ok" | "unavailable"; latencyMs: number };
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000).unref()),
    ]);
    database = { status: "ok", latencyMs: Math.round((performance.now() - t0) * 10) / 10 };
  } catch {
    database = { status: "unavailable", latencyMs: Math.round(performance.now() - t0) };
  }
  const ok = database.status === "ok";
  const shedding = { refusedLastMinute: refusedLastMinute() };
  if (!details)
    return {
      status: ok ? 200 : 503,
      body: { status: ok ? "ok" : "degraded", database: { status: database.status }, shedding },
    };
  const queue = ok ? await jobQueueState().catch(() => null) : null;
  return {
    status: ok ? 200 : 503,
    body: {
      status: ok ? "ok" : "degraded",
      app: { status: "ok", uptimeSeconds: Math.round((Date.now() - started) / 1000), pid: process.pid },
      database,
      receipts: queue?.receipts ?? null,
      jobs: queue?.jobs ?? null,
      shedding,
    },
  };
}
