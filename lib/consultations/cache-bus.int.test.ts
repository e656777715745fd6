import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireDatabaseUrl } from "@/lib/env";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { deadlineHistory } from "@/lib/consultations/deadline-history";
import { closeEarly, extendDeadline } from "@/lib/drafting/lifecycle";
import { createConsultation, respondent, staff } from "@/test/db-fixtures";
import { db } from "@/lib/db";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { triageItems } from "@/lib/feedback/triage-items";
import { ZTriage } from "@/lib/feedback/triage-schema";
import { eraseResponse } from "@/lib/privacy/erase-responses";

// Another server: it listens on the channel and, on each announcement, reads the consultation
// again, as its cache would. What it reads must already be the change.
const other = new pg.Client({ connectionString: requireDatabaseUrl() });
const heard: { closesAt: Date }[] = [];
let notified = 0;
let watched = "";

beforeAll(async () => {
  await other.connect();
  other.on("notification", () => {
    notified++;
    void other
      .query<{ closes_at: Date }>("SELECT closes_at FROM consultation WHERE id = $1", [watched])
      .then((r) => heard.push({ closesAt: r.rows[0].closes_at }));
  });
  await other.query("LISTEN clausewise_cache");
});
afterAll(() => other.end());

async function nextHeard(count: number): Promise<{ closesAt: Date }> {
  for (let i = 0; i < 200 && heard.length < count; i++) await new Promise((r) => setTimeout(r, 10));
  expect(heard.length).toBeGreaterThanOrEqual(count);
  return heard[count - 1];
}

describe("the cache bus", () => {
  it("announces a change to every server once it is committed, and this server reads it at once", async () => {
    const admin = await staff("admin");
    const c = await createConsultation({ closesAt: new Date(Date.now() + 86_400_000) });
    watched = c.id;
    expect((await getConsultation(c.slug))?.closesAt).toEqual(c.closesAt); // now cached here
    heard.length = 0;
    notified = 0;

    const until = new Date(Date.now() + 3 * 86_400_000);
    expect(await extendDeadline(admin.id, c.id, until, "More time")).toEqual({ ok: true });
    // Announced before answering: PostgreSQL hands a committed notification to an idle listener at once, or,
    // if the signal meets a query there, as soon as that query is done: before the next one's result.
    await other.query("SELECT 1");
    await other.query("SELECT 1");
    expect(notified).toBe(1);
    // This server forgot its copy before answering; the other one heard only once the change was there to read.
    expect((await getConsultation(c.slug))?.closesAt).toEqual(until);
    expect((await deadlineHistory(c.id)).map((h) => h.kind)).toEqual(["extended"]);
    expect((await nextHeard(1)).closesAt).toEqual(until);

    expect(await closeEarly(admin.id, c.id, "Enough")).toEqual({ ok: true });
    const closed = (await nextHeard(2)).closesAt;
    expect(closed.getTime()).toBeLessThan(until.getTime());
    expect((await getConsultation(c.slug))?.closesAt).toEqual(closed);
  });

  it("announces what changes the published comments, so every server renders its public pages again", async () => {
    const mod = await staff("moderator");
    const admin = await staff("admin");
    const c = await createConsultation({ closesAt: new Date(Date.now() + 86_400_000) });
    const input = ZResponseInput.parse({
      feedback: [{ clause: "1", clarity: { rating: 3, comment: "Published, then erased." } }],
      respondent: { ...respondent, name: "Nora Named", publication: "named" },
    });
    const r = await submitResponse(c.slug, input, { locale: "en", channel: "web", clientIp: "198.51.100.7" });
    if (!r.ok) throw new Error("not stored");
    const ids = (
      await db.feedbackItem.findMany({ where: { response: { reference: r.reference } }, select: { id: true } })
    ).map((i) => i.id);
    const announced = async (change: () => Promise<unknown>) => {
      notified = 0;
      await change();
      await other.query("SELECT 1");
      await other.query("SELECT 1");
      return notified;
    };
    expect(await announced(() => triageItems(mod.id, ZTriage.parse({ ids, publish: "clear" })))).toBe(1);
    expect(await announced(() => triageItems(mod.id, ZTriage.parse({ ids, publish: "withhold" })))).toBe(1);
    expect(await announced(() => eraseResponse(admin.id, r.reference))).toBe(1);
    // A refused change (erased already) announces nothing.
    expect(await announced(() => eraseResponse(admin.id, r.reference))).toBe(0);
  });
});
