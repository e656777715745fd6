// What GET /api/health reports: the app (uptime, process) and the database
// (answers within 2 s, and how fast), and email receipts still waiting or given
// up (lib/responses/deliver-receipts.ts). 503 when the database does not answer.
import { db } from "@/lib/db";
import { receiptOutboxState } from "@/lib/responses/deliver-receipts";

const started = Date.now();

export async function checkHealth() {
  const t0 = performance.now();
  let database: { status: "ok" | "unavailable"; latencyMs: number };
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000).unref())]);
    database = { status: "ok", latencyMs: Math.round((performance.now() - t0) * 10) / 10 };
  } catch {
    database = { status: "unavailable", latencyMs: Math.round(performance.now() - t0) };
  }
  const ok = database.status === "ok";
  const receipts = ok ? await receiptOutboxState().catch(() => null) : null;
  return {
    status: ok ? 200 : 503,
    body: { status: ok ? "ok" : "degraded", app: { status: "ok", uptimeSeconds: Math.round((Date.now() - started) / 1000), pid: process.pid }, database, receipts },
  };
}
