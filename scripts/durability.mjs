// An acknowledged response must survive a crash: the app refuses to start on a
// PostgreSQL that could lose committed transactions (fsync or
// synchronous_commit off), unless ALLOW_UNSAFE_DURABILITY=true (tests only).
import pg from "pg";

export async function checkDurability(databaseUrl, allowUnsafe = false) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sync`,
    );
    const { fsync, sync } = rows[0];
    if (fsync === "on" && sync !== "off" && sync !== "local") return;
    const message = `PostgreSQL runs with fsync=${fsync}, synchronous_commit=${sync}: a crash could lose acknowledged responses.`;
    if (allowUnsafe) {
      console.warn(`[start] ${message} Allowed by ALLOW_UNSAFE_DURABILITY=true.`);
      return;
    }
    throw new Error(`${message} Turn both on, or set ALLOW_UNSAFE_DURABILITY=true for a test database.`);
  } finally {
    await client.end();
  }
}
