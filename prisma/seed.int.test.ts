import { describe, expect, it } from "vitest";
import pg from "pg";
import { seed } from "../scripts/seed.mjs";

async function snapshot() {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    const { rows } = await c.query(
      `SELECT cl.id, cl.key, cl.position, cl.parent_id, cl.body_en, cl.body_fr, co.closes_at
       FROM clause cl JOIN consultation co ON co.id = cl.consultation_id WHERE co.slug = 'dpsi' ORDER BY cl.position`,
    );
    return rows;
  } finally {
    await c.end();
  }
}

describe("the seed", () => {
  it("is idempotent: a second run changes nothing, clause ids stay stable", async () => {
    const before = await snapshot();
    seed({ ...process.env, CONSULTATION_CLOSES_AT: "" });
    const after = await snapshot();
    expect(after).toEqual(before);
    expect(before.length).toBeGreaterThanOrEqual(12);
    expect(before.filter((c) => c.key.includes(".")).length).toBeGreaterThanOrEqual(8);
    expect(before.every((c) => c.body_en && c.body_fr && c.body_en !== c.body_fr)).toBe(true);
  });

  it("applies a configured deadline", async () => {
    seed({ ...process.env, CONSULTATION_CLOSES_AT: "2031-02-22T23:59:59+01:00" });
    const rows = await snapshot();
    expect(new Date(rows[0].closes_at).toISOString()).toBe("2031-02-22T22:59:59.000Z");
  });
});
