import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setNow } from "@/lib/clock";
import { createConsultation, respondent, staff, uniqueSlug } from "@/test/db-fixtures";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { exportFeedback } from "@/lib/feedback/export-feedback";
import { triageItems as triage } from "@/lib/feedback/triage-items";
import { ZTriage } from "@/lib/feedback/triage-schema";
import { listPublished } from "@/lib/publication/list-published";
import { applyRetention, eraseResponse } from "./erase-responses";

afterEach(() => setNow(null));

const triageItems = (actor: string, t: Record<string, unknown>) => triage(actor, ZTriage.parse(t));

async function respond(slug: string, who: Record<string, unknown>) {
  const input = ZResponseInput.parse({
    feedback: [
      {
        clause: "1",
        clarity: { rating: 3, comment: `Comment number ${String(who.name).length}${String(who.name).slice(0, 1)}` },
      },
    ],
    respondent: { ...respondent, ...who },
  });
  const r = await submitResponse(slug, input, { locale: "en", channel: "web", clientIp: "198.51.100.7" });
  if (!r.ok) throw new Error("not stored");
  return r.reference;
}

async function csv(consultationId: string): Promise<string> {
  let text = "";
  await exportFeedback(
    consultationId,
    {},
    "csv",
    new Writable({
      write(c, _e, done) {
        text += c;
        done();
      },
    }),
  );
  return text;
}

describe("publication", () => {
  it("shows cleared comments of consenting respondents only, named ones with their name, anonymous ones without", async () => {
    const c = await createConsultation();
    const mod = await staff("moderator");
    const named = await respond(c.slug, {
      type: "organisation",
      organisationName: "Lyon Metropole",
      name: "Ana Named",
      publication: "named",
    });
    const anon = await respond(c.slug, { name: "Ben Anonymous", publication: "anonymous" });
    const none = await respond(c.slug, { name: "Cy Private", publication: "none" });
    expect((await listPublished(c.id)).items).toEqual([]);
    const ids = (
      await db.feedbackItem.findMany({ where: { response: { consultationId: c.id } }, select: { id: true } })
    ).map((i) => i.id);
    expect(await triageItems(mod.id, { ids, publish: "clear" })).toEqual({ ok: true, changed: 3 });
    const items = (await listPublished(c.id)).items;
    expect(items.map((i) => [i.comment, i.author])).toEqual([
      ["Comment number 9A", "Ana Named, Lyon Metropole"],
      ["Comment number 13B", null],
    ]);
    expect(JSON.stringify(items, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toMatch(
      new RegExp(`${named}|${anon}|${none}|@|Ben Anonymous|Cy Private`),
    );
    // Withholding takes it back, and the audit log says so.
    await triageItems(mod.id, { ids: [items[0].id], publish: "withhold" });
    expect((await listPublished(c.id)).items.map((i) => i.comment)).toEqual(["Comment number 13B"]);
    expect(await db.moderationEvent.count({ where: { feedbackItemId: items[0].id, field: "publication" } })).toBe(2);
  });
});

describe("erasure", () => {
  it("removes personal data from the database and later exports; the text stays only with consent; the log keeps no data", async () => {
    const c = await createConsultation();
    const admin = await staff("admin");
    const email = `${uniqueSlug("erase")}@example.org`;
    const consented = await respond(c.slug, {
      type: "organisation",
      organisationName: "Erasable Org",
      name: "Dora Erase",
      email,
      publication: "named",
    });
    const privateOne = await respond(c.slug, { name: "Eli Private", email: `x-${email}`, publication: "none" });
    const item = await db.feedbackItem.findFirstOrThrow({ where: { response: { reference: consented } } });
    await triageItems(admin.id, { ids: [item.id], note: "Called Dora Erase back", publish: "clear" });
    expect(await csv(c.id)).toContain("Erasable Org");

    expect(await eraseResponse(admin.id, consented.toLowerCase())).toEqual({ ok: true, keptText: true });
    expect(await eraseResponse(admin.id, consented)).toEqual({ ok: false, reason: "alreadyErased" });
    expect(await eraseResponse(admin.id, privateOne)).toEqual({ ok: true, keptText: false });
    expect(await eraseResponse(admin.id, "NOPE-2026-000001")).toEqual({ ok: false, reason: "notFound" });

    const out = await csv(c.id);
    for (const gone of ["Erasable Org", "Dora Erase", "Eli Private", email, "Comment number 11E"])
      expect(out).not.toContain(gone);
    expect(out).toContain("Comment number 10D");
    const rows = await db.response.findMany({
      where: { consultationId: c.id },
      include: { feedbackItems: { include: { notes: true } } },
    });
    expect(
      rows.map((r) => [
        r.respondentName,
        r.organisationName,
        r.email,
        r.ipHash,
        r.erasedAt !== null,
        r.feedbackItems.length,
      ]),
    ).toEqual([
      [null, null, null, null, true, 1],
      [null, null, null, null, true, 0],
    ]);
    expect(rows[0].feedbackItems[0].notes).toEqual([]);
    // Still published, now anonymous.
    expect((await listPublished(c.id)).items.map((i) => [i.comment, i.author])).toEqual([["Comment number 10D", null]]);
    const log = await db.erasureEvent.findMany({
      where: { reference: { in: [consented, privateOne] } },
      orderBy: { reference: "asc" },
    });
    expect(log.map((e) => [e.reason, e.keptText, e.actorId])).toEqual([
      ["request", true, admin.id],
      ["request", false, admin.id],
    ]);
    expect(JSON.stringify(log)).not.toMatch(/Dora|Eli|Erasable|@/);
  });

  it("the retention setting erases everything a set time after closing, and nothing before", async () => {
    const c = await createConsultation();
    await db.consultation.update({ where: { id: c.id }, data: { retentionDays: 30 } });
    const ref = await respond(c.slug, { name: "Fay Retained", publication: "named" });
    setNow(new Date(c.closesAt.getTime() + 29 * 86_400_000));
    await applyRetention();
    expect((await db.response.findUniqueOrThrow({ where: { reference: ref } })).respondentName).toBe("Fay Retained");
    setNow(new Date(c.closesAt.getTime() + 30 * 86_400_000 + 1000));
    expect(await applyRetention()).toBeGreaterThanOrEqual(1);
    const r = await db.response.findUniqueOrThrow({ where: { reference: ref } });
    expect([r.respondentName, r.publication, r.erasedAt !== null]).toEqual([null, "anonymous", true]);
    expect(await db.erasureEvent.findFirst({ where: { reference: ref } })).toMatchObject({
      reason: "retention",
      actorId: null,
    });
  });
});
