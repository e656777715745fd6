// schema.prisma is the source of truth; prisma/migrations must build the same
// database. Apply the migrations to one empty database and schema.prisma's own
// SQL to another, and compare what PostgreSQL says about both. CHECK
// constraints exist only in the migrations (Prisma cannot express them).
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "../scripts/migrate.mjs";
import { diffSchemas } from "../scripts/schema-sql.mjs";

const base = new URL(process.env.DATABASE_URL!);
const urlFor = (db: string) => Object.assign(new URL(base), { pathname: `/${db}` }).toString();
const suffix = randomBytes(4).toString("hex");
const fromMigrations = `agree_mig_${suffix}`;
const fromSchema = `agree_schema_${suffix}`;

async function withClient<T>(db: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlFor(db) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const CATALOG = {
  columns: `SELECT table_name, column_name, data_type, udt_name, character_maximum_length, datetime_precision, is_nullable, column_default
            FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`,
  constraints: `SELECT rel.relname AS table_name, con.conname, con.contype, pg_get_constraintdef(con.oid) AS def
                FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace n ON n.oid = rel.relnamespace
                WHERE n.nspname = 'public' AND con.contype IN ('p', 'u', 'f') ORDER BY 1, 2`,
  // Trigram indexes (named *_trgm_idx) need an operator class Prisma cannot name: migrations only, like CHECKs.
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%\\_trgm\\_idx' AND indexdef NOT LIKE '% WHERE %' ORDER BY 1, 2`,
  enums: `SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
          FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = 'public' GROUP BY 1 ORDER BY 1`,
};

async function catalog(db: string) {
  return withClient(db, async (c) => {
    const out: Record<string, unknown[]> = {};
    for (const [k, q] of Object.entries(CATALOG)) out[k] = (await c.query(q)).rows;
    return out;
  });
}

afterAll(async () => {
  await withClient("postgres", async (c) => {
    for (const db of [fromMigrations, fromSchema]) await c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  });
});

describe("prisma/migrations and prisma/schema.prisma", () => {
  it("build the same tables, columns, keys, indexes and enums", async () => {
    await withClient("postgres", async (c) => {
      await c.query(`CREATE DATABASE "${fromMigrations}"`);
      await c.query(`CREATE DATABASE "${fromSchema}"`);
    });
    await migrate(urlFor(fromMigrations));
    const sql: string = diffSchemas({
      from: null,
      to: path.join(__dirname, "schema.prisma"),
      dbUrl: urlFor(fromSchema),
    });
    expect(sql).toContain('CREATE TABLE "response"');
    await withClient(fromSchema, (c) => c.query(sql));

    const [a, b] = await Promise.all([catalog(fromMigrations), catalog(fromSchema)]);
    expect(a.columns.length).toBeGreaterThan(30);
    expect(a).toEqual(b);
  });

  it("keep the full-text column and the fingerprint derived in the background, dropped by a trigger only when a text changes", async () => {
    const rows = await withClient(
      fromMigrations,
      async (c) =>
        (
          await c.query(
            `SELECT pg_get_triggerdef(t.oid) AS def, pg_get_functiondef(t.tgfoid) AS fn FROM pg_trigger t WHERE t.tgrelid = 'feedback_item'::regclass AND t.tgname = 'feedback_item_derive'`,
          )
        ).rows,
    );
    expect(rows).toHaveLength(1);
    // Not a GENERATED column (recomputed on every UPDATE, a decision included), and nothing computed on INSERT
    // (the deadline rush's path): lib/feedback/derive-items.ts writes both.
    expect(rows[0].def).toContain("BEFORE UPDATE OF comment, term, proposed_wording, country_context");
    expect(rows[0].def).not.toContain("INSERT");
    const fns = await withClient(
      fromMigrations,
      async (c) =>
        (
          await c.query(
            `SELECT proname, provolatile FROM pg_proc WHERE proname IN ('feedback_item_vector', 'feedback_item_fingerprint') ORDER BY 1`,
          )
        ).rows,
    );
    expect(fns).toEqual([
      { proname: "feedback_item_fingerprint", provolatile: "i" },
      { proname: "feedback_item_vector", provolatile: "i" },
    ]);
  });

  it("keep the CHECK constraints the application relies on", async () => {
    const checks = await withClient(fromMigrations, async (c) =>
      (
        await c.query(
          `SELECT conname FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace ORDER BY 1`,
        )
      ).rows.map((r) => r.conname),
    );
    expect(checks).toEqual(
      expect.arrayContaining([
        "feedback_item_rating_check",
        "feedback_item_language_check",
        "response_country_check",
        "consultation_window_check",
      ]),
    );
  });
});
