// Several app servers share one database; each caches consultations for a few
// seconds. When one changes a consultation (published, extended, re-drafted…)
// it says so on a PostgreSQL channel and every server forgets its copy at once.
import pg from "pg";
import { db } from "@/lib/db";
import { requireDatabaseUrl } from "@/lib/env";

const CHANNEL = "clausewise_cache";

export async function announceChange(): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${CHANNEL}, 'consultations')`;
}

/** Listens for changes announced by any server (this one included), reconnecting by itself. */
export function listenForChanges(onChange: () => void): void {
  const connect = () => {
    const client = new pg.Client({ connectionString: requireDatabaseUrl() });
    let retried = false;
    const retry = () => {
      if (retried) return;
      retried = true;
      client.end().catch(() => {});
      onChange(); // changes may have been missed while disconnected
      setTimeout(connect, 1000).unref();
    };
    client.on("error", retry);
    client.on("end", retry);
    client.on("notification", () => onChange());
    client.connect().then(() => client.query(`LISTEN ${CHANNEL}`)).catch(retry);
  };
  connect();
}
