// Export streams that are never read must not stall the service (issue 10, item 5):
// waiting for a streaming connection is bounded, a client holds one stream at a
// time, and moderators' exports have connections of their own.
process.env.DATABASE_POOL_TIMEOUT_MS = "1500";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createConsultation, staff, uniqueSlug } from "@/test/db-fixtures";
import { moderationExport } from "@/lib/feedback/moderation-export";
import { seedPublishedItems } from "@/test/seed-published";
import { exportFeedback } from "@/lib/feedback/export-feedback";
import { publishedExport } from "./published-request";

const exportCsv = (slug: string, client: string) =>
  publishedExport(new Request(`http://localhost/api/consultations/${slug}/published/export?format=csv`), slug, client);

/** Rejects when `p` takes longer than `ms`: a hang is a failure, not a stuck test. */
function within<T>(ms: number, p: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)),
  ]);
}

const held: Response[] = [];
afterEach(async () => {
  await Promise.all(held.splice(0).map((r) => r.body?.cancel().catch(() => undefined)));
});

describe("export streams that are never read", () => {
  it("four clients that never read leave a fifth a 503 with Retry-After within the pool timeout, and a moderator's export is served", async () => {
    const c = await createConsultation();
    await seedPublishedItems(c.id, 20_000);
    const run = uniqueSlug();
    for (let i = 0; i < 4; i++) {
      const r = await exportCsv(c.slug, `192.0.2.${i}-${run}`);
      expect(r.status).toBe(200);
      held.push(r); // started, never read
    }
    const started = Date.now();
    const fifth = await within(5000, exportCsv(c.slug, `192.0.2.9-${run}`), "the fifth public export");
    if (fifth.status === 200) held.push(fifth);
    expect(fifth.status).toBe(503);
    expect(Number(fifth.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(4000);

    let csv = "";
    const rows = await within(
      10_000,
      exportFeedback(
        c.id,
        {},
        "csv",
        new Writable({
          write(ch, _e, done) {
            csv += ch;
            done();
          },
        }),
      ),
      "the moderators' export",
    );
    expect(rows).toBe(20_000);
    expect(csv).toContain("Seeded comment number");
  });

  it("refuses a second concurrent stream from the same client with 429 and Retry-After; another client is served; the first's end frees the slot", async () => {
    const c = await createConsultation();
    await seedPublishedItems(c.id, 20_000);
    const client = `198.51.100.7-${uniqueSlug()}`;
    const first = await exportCsv(c.slug, client);
    expect(first.status).toBe(200);
    held.push(first);
    const second = await within(5000, exportCsv(c.slug, client), "the same client's second export");
    if (second.status === 200) held.push(second);
    expect(second.status).toBe(429);
    expect(Number(second.headers.get("Retry-After"))).toBeGreaterThan(0);
    const other = await exportCsv(c.slug, `${client}-other`);
    expect(other.status).toBe(200);
    held.push(other);
    await held.splice(0, 1)[0].body?.cancel();
    const again = await within(5000, exportCsv(c.slug, client), "the same client after its stream ended");
    expect(again.status).toBe(200);
    held.push(again);
  });

  it("gives a moderator one stream at a time, on the staff connections, whatever the public holds", async () => {
    const c = await createConsultation();
    await seedPublishedItems(c.id, 20_000);
    const mod = await staff("moderator");
    const url = `http://localhost/api/moderate/consultations/${c.slug}/export?format=csv`;
    const first = await moderationExport(mod, new Request(url), c.slug);
    expect(first.status).toBe(200);
    held.push(first);
    const second = await within(5000, moderationExport(mod, new Request(url), c.slug), "the moderator's second export");
    if (second.status === 200) held.push(second);
    expect(second.status).toBe(429);
    expect(Number(second.headers.get("Retry-After"))).toBeGreaterThan(0);
    const colleague = await moderationExport(await staff("moderator"), new Request(url), c.slug);
    expect(colleague.status).toBe(200);
    expect(await within(10_000, colleague.text(), "the colleague's export")).toContain("Seeded comment number");
  });
});
