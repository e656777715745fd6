import { describe, expect, it } from "vitest";
import pg from "pg";
import { RateLimiterPostgres } from "rate-limiter-flexible";
import { createConsultation, uniqueSlug } from "@/test/db-fixtures";
import { publishedExport, publishedPage } from "./published-request";

const page = (slug: string, client: string) =>
  publishedPage(new Request(`http://localhost/api/consultations/${slug}/published`), slug, client);
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
    const second = new RateLimiterPostgres({
      storeClient: other,
      storeType: "pool",
      schemaName: "ratelimit",
      tableName: "limits",
      tableCreated: true,
      keyPrefix: "open-data",
      points: 60,
      duration: 60,
    });
    await expect(second.consume(client, 1)).rejects.toMatchObject({ remainingPoints: 0 });
    await other.end();
  });
});

describe("an unpublished consultation in the open-data API", () => {
  it("answers exactly as an unknown slug (status, headers, body) and lists nothing", async () => {
    const { db } = await import("@/lib/db");
    const { clearConsultationCache, getConsultationFresh } = await import("@/lib/consultations/get-consultation");
    const { delegate } = await import("@/test/db-fixtures");
    const { saveDraft } = await import("@/lib/formal/save-draft");
    const { submitFormal } = await import("@/lib/formal/submit-formal");
    const { ZFormalDraft } = await import("@/lib/formal/schema");
    const { listPublished } = await import("./list-published");
    const { exportPublished } = await import("./export-published");
    const { claimExportSlot } = await import("@/lib/http/export-stream");
    // An official response (published by default) exists; then the consultation is a hidden draft again.
    const c = await createConsultation();
    const consultation = (await getConsultationFresh(c.slug))!;
    const saved = await saveDraft(
      await delegate("FR", "drafter"),
      consultation,
      ZFormalDraft.parse({ version: "1", statement: "Hidden words.", positions: {} }),
    );
    expect(
      await submitFormal(await delegate("FR", "approver"), consultation, saved.ok ? saved.version : 0, "en"),
    ).toMatchObject({ ok: true });
    expect((await listPublished(c.id)).items).toHaveLength(1);
    await db.consultation.update({ where: { id: c.id }, data: { publishedAt: null } });
    await clearConsultationCache();

    const unknown = uniqueSlug("nobody");
    const same = async (a: Response, b: Response) => {
      expect(a.status).toBe(b.status);
      expect([...a.headers.entries()]).toEqual([...b.headers.entries()]);
      expect(await a.text()).toBe(await b.text());
    };
    // Each call from a fresh client address, so the RateLimit headers are alike.
    const hiddenPage = await page(c.slug, `192.0.2.1-${uniqueSlug()}`);
    expect(hiddenPage.status).toBe(404);
    await same(hiddenPage, await page(unknown, `192.0.2.1-${uniqueSlug()}`));
    const hiddenExport = await exportCsv(c.slug, `192.0.2.2-${uniqueSlug()}`);
    expect(hiddenExport.status).toBe(404);
    await same(hiddenExport, await exportCsv(unknown, `192.0.2.2-${uniqueSlug()}`));
    // The query itself lists nothing of a hidden consultation, whoever hands it the id.
    expect((await listPublished(c.id)).items).toEqual([]);
    const claim = await claimExportSlot("public", null);
    if (!claim.ok) throw new Error(claim.message);
    let json = "";
    for await (const chunk of exportPublished(claim.slot, c.id, "json").stream) json += chunk;
    expect(JSON.parse(json)).toEqual([]);
  });
});
