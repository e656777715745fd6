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

/**
 * After a committed change to what public pages show besides the consultation itself (a comment cleared or
 * withheld, a response changed, withdrawn or erased, an official response): every server renders its public
 * pages again (lib/http/page-cache.mjs), so an erased name or a withheld comment never stays on a cached page.
 */
export async function announcePublicChange(): Promise<void> {
  await announceChange().catch((e) => console.error(`[cache] could not tell other servers: ${(e as Error).message}`));
}

/** The result of a committed change, once announced when it succeeded. */
export async function announcedWhenOk<T extends { ok: boolean }>(done: Promise<T>): Promise<T> {
  const result = await done;
  if (result.ok) await announcePublicChange();
  return result;
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
    client
      .connect()
      .then(() => client.query(`LISTEN ${CHANNEL}`))
      .catch(retry);
  };
  connect();
}
