// The baseline for scripts/bench-ingest.mjs ("the ceiling of this machine"):
// a bare Node HTTP server that, for each POST, reads the body, JSON.parse()s
// it and does ONE INSERT with a pg Pool. No framework, no validation, no
// transaction beyond the implicit one. Started and stopped by the bench.
//   DATABASE_URL (required), PORT (default 3201)
import http from "node:http";
import pg from "pg";

const port = Number(process.env.PORT || 3201);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20, connectionTimeoutMillis: 10_000 });
pool.on("error", (err) => console.error("[raw] pool error:", err.message));

await pool.query(
  "CREATE TABLE IF NOT EXISTS bench_raw (id bigserial primary key, body jsonb not null, created_at timestamptz not null default now())",
);

function reply(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  if (req.method === "GET" && req.url === "/health") return reply(res, 200, { status: "ok" });
  if (req.method !== "POST") return reply(res, 405, { error: "method not allowed" });
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", async () => {
    let value;
    try {
      value = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      return reply(res, 400, { error: "invalid json" });
    }
    try {
      // pg serialises an object parameter with JSON.stringify.
      const { rows } = await pool.query("INSERT INTO bench_raw (body) VALUES ($1) RETURNING id", [value]);
      reply(res, 201, { id: rows[0].id });
    } catch (err) {
      console.error("[raw] insert failed:", err.message);
      reply(res, 503, { error: "unavailable" });
    }
  });
});
// Same keep-alive settings as scripts/server.mjs, so idle sockets between phases behave alike.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.requestTimeout = 30_000;
server.listen(port, "127.0.0.1", () => console.log(`[raw] ready on http://127.0.0.1:${port}`));

let closing = false;
function shutdown() {
  if (closing) return;
  closing = true;
  server.close(() => pool.end().finally(() => process.exit(0)));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
