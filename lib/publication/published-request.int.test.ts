import { describe, expect, it } from "vitest";
import pg from "pg";
import { RateLimiterPostgres } from "rate-limiter-flexible";
import { createConsultation, uniqueSlug } from "@/test/db-fixtures";
import { publishedExport, publishedPage } from "./published-request";

const page = (slug: string, client: string) => publishedPage(new Request(`http://localhost/api/consultations/${slug}/published`), slug, client);
const exportCsv = (slug: string, client: string) =>
  publishedExport(new Request(`http://localhost/api/consultations/${slug}/published/export?format=csv`), slug, client);

describe("the open-data API's rate limit", () => {
  it("allows 60 requests a minute per client address, says so in RateLimit headers, then answers 429 with Retry-After", async () => {
    const c = await createConsultation();
    const client = `203.0.113.5-${uniqueSlug()}`;
    for (let i = 1; i <= 60; i++) {
      const r = await page(c.slug, client);
      expect(r.status).toBe(200);
      expect(r.headers.get("RateLimit-Remaining")).toBe(String(60 - i));
    }
    const refused = await page(c.slug, client);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(refused.headers.get("RateLimit-Limit")).toBe("60");
    expect((await refused.json()).error).toBe("rate_limited");
    expect((await page(c.slug, `${client}-other`)).status).toBe(200);
  });

  it("counts an export as ten requests, and holds across servers: the count is in PostgreSQL", async () => {
    const c = await createConsultation();
    const client = `198.51.100.9-${uniqueSlug()}`;
    for (let i = 0; i < 6; i++) {
      const r = await exportCsv(c.slug, client);
      expect(r.status).toBe(200);
      await r.body?.cancel();
    }
    expect((await exportCsv(c.slug, client)).status).toBe(429);
    // A second server: its own connection and limiter object, the same table.
    const other = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    const second = new RateLimiterPostgres({ storeClient: other, storeType: "pool", schemaName: "ratelimit", tableName: "limits", tableCreated: true, keyPrefix: "open-data", points: 60, duration: 60 });
    await expect(second.consume(client, 1)).rejects.toMatchObject({ remainingPoints: 0 });
    await other.end();
  });
});
