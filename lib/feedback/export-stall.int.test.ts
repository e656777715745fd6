// A stream whose reader stopped reading is destroyed after EXPORT_STALL_SECONDS
// and its connection goes back to the pool (issue 10, item 5).
process.env.EXPORT_STALL_SECONDS = "1";
import { describe, expect, it } from "vitest";
import { createConsultation, uniqueSlug } from "@/test/db-fixtures";
import { seedPublishedItems } from "@/test/seed-published";
import { exportPool } from "@/lib/raw-pools";
import { publishedExport } from "@/lib/publication/published-request";

async function waitFor(what: string, ms: number, ok: () => boolean) {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("a stalled export", () => {
  it("is destroyed after the stall timeout, and its connection is returned to the pool", async () => {
    const c = await createConsultation();
    await seedPublishedItems(c.id, 20_000);
    const r = await publishedExport(
      new Request(`http://localhost/api/consultations/${c.slug}/published/export?format=csv`),
      c.slug,
      `203.0.113.77-${uniqueSlug()}`,
    );
    expect(r.status).toBe(200);
    const reader = r.body!.getReader();
    const first = await reader.read(); // the client reads a little, then stops
    expect(first.done).toBe(false);
    const pool = exportPool("public");
    await waitFor("the export holds a connection", 3000, () => pool.totalCount - pool.idleCount === 1);
    const stalledAt = Date.now();
    await waitFor(
      "the stalled export's connection is returned",
      8000,
      () => pool.totalCount > 0 && pool.idleCount === pool.totalCount,
    );
    expect(Date.now() - stalledAt).toBeGreaterThanOrEqual(500);
    // The stream was destroyed: reading on ends in an error, never in a complete file.
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return "complete";
      })(),
    ).rejects.toThrow();
  });
});
