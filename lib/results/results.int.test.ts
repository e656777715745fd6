import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setNow } from "@/lib/clock";
import { createConsultation, respondent, staff } from "@/test/db-fixtures";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { triageItems } from "@/lib/feedback/triage-items";
import { ZTriage } from "@/lib/feedback/triage-schema";
import { updateAccount } from "@/lib/users/manage-users";
import { buildResultsCopy, readResults } from "./build-results";
import { claimExportSlot } from "@/lib/http/export-stream";
import { exportResults } from "./export-results";

afterEach(() => setNow(null));

const input = (comment: string, publication: "none" | "anonymous") =>
  ZResponseInput.parse({
    feedback: [{ clause: "1.1", clarity: { rating: 2, comment }, feasibility: { rating: 4 } }],
    respondent: { ...respondent, publication },
  });

describe("offline responses", () => {
  it("are keyed in by staff with the day received, also after the deadline if received before it", async () => {
    const c = await createConsultation();
    const mod = await staff("moderator");
    const keyed = await submitResponse(c.slug, input("By post", "none"), {
      locale: "en",
      channel: "staff",
      keyedIn: { by: mod.id, receivedOn: "2026-01-15" },
    });
    expect(keyed.ok).toBe(true);
    const row = await db.response.findUniqueOrThrow({ where: { reference: keyed.ok ? keyed.reference : "" } });
    expect([row.channel, row.keyedById, row.receivedOn?.toISOString().slice(0, 10)]).toEqual([
      "staff",
      mod.id,
      "2026-01-15",
    ]);
    setNow(new Date(c.closesAt.getTime() + 3 * 86_400_000));
    const day = (d: Date) => d.toLocaleDateString("en-CA", { timeZone: "Europe/Paris" });
    expect(
      await submitResponse(c.slug, input("Late letter", "none"), {
        locale: "en",
        channel: "staff",
        keyedIn: { by: mod.id, receivedOn: day(c.closesAt) },
      }),
    ).toMatchObject({ ok: true });
    const after = day(new Date(c.closesAt.getTime() + 2 * 86_400_000));
    expect(
      await submitResponse(c.slug, input("Too late", "none"), {
        locale: "en",
        channel: "staff",
        keyedIn: { by: mod.id, receivedOn: after },
      }),
    ).toMatchObject({ ok: false, reason: "closed" });
    expect(await submitResponse(c.slug, input("Web, late", "none"), { locale: "en", channel: "web" })).toMatchObject({
      ok: false,
      reason: "closed",
    });
  });
});

describe("results", () => {
  it("count by aspect, average ratings, and show each decision, with words only where publication allows", async () => {
    const c = await createConsultation();
    const mod = await staff("moderator");
    const a = await submitResponse(c.slug, input("Public words", "anonymous"), { locale: "en", channel: "web" });
    await submitResponse(c.slug, input("Private words", "none"), { locale: "en", channel: "web" });
    const items = await db.feedbackItem.findMany({
      where: { response: { consultationId: c.id }, aspect: "clarity" },
      orderBy: { response: { number: "asc" } },
    });
    await triageItems(
      mod.id,
      ZTriage.parse({
        ids: [items[0].id],
        disposition: "accepted",
        dispositionReason: "Reworded in 1.1",
        publish: "clear",
      }),
    );
    await triageItems(
      mod.id,
      ZTriage.parse({ ids: [items[1].id], disposition: "not_accepted", dispositionReason: "Out of scope" }),
    );
    const clauseId = (await db.clause.findFirstOrThrow({ where: { consultationId: c.id, key: "1.1" } })).id;
    await db.$transaction((tx) => buildResultsCopy(tx, c.id, new Date()));
    const copy = await readResults(c.id);
    const r = copy.sections.get(clauseId)!;
    expect(r.byAspect).toEqual({ clarity: 2, feasibility: 2 });
    expect(r.ratings).toEqual({ clarity: { avg: 2, n: 2 }, feasibility: { avg: 4, n: 2 } });
    expect(r.dispositions).toEqual({ accepted: 1, not_accepted: 1, none: 2 });
    expect(r.finalText).toEqual({ en: "Act", fr: "Agir" });
    // Only the published comment is listed; the other is counted.
    expect([r.items, r.listed]).toEqual([4, 1]);
    expect(r.shown.map((x) => [x.aspect, x.disposition, x.disposition_reason, x.comment])).toEqual([
      ["clarity", "accepted", "Reworded in 1.1", "Public words"],
    ]);
    let csv = "";
    const claim = await claimExportSlot("public", null);
    if (!claim.ok) throw new Error(claim.message);
    await new Promise<void>((resolve, reject) =>
      exportResults(claim.slot, c.id, copy)
        .stream.on("error", reject)
        .pipe(
          new Writable({
            write(ch, _e, done) {
              csv += ch;
              done();
            },
            final(done) {
              resolve();
              done();
            },
          }),
        ),
    );
    expect(csv).toContain("Public words");
    expect(csv).not.toContain("Private words");
    expect(csv).toContain("Out of scope");
    expect(a.ok).toBe(true);
  });
});

describe("accounts", () => {
  it("admins change roles and deactivate accounts, never their own, and it is logged", async () => {
    const admin = await staff("admin");
    const mod = await staff("moderator");
    expect(await updateAccount(admin.id, admin.id, { active: false })).toEqual({ ok: false, key: "self" });
    expect(await updateAccount(admin.id, mod.id, { role: "admin", active: false })).toEqual({
      ok: true,
      changed: ["role moderator → admin", "deactivated"],
    });
    expect(await db.appUser.findUniqueOrThrow({ where: { id: mod.id } })).toMatchObject({
      role: "admin",
      disabledAt: expect.any(Date),
    });
    expect(await db.adminEvent.findFirst({ where: { actorId: admin.id, action: "account.update" } })).toMatchObject({
      target: mod.email,
    });
    expect(await updateAccount(admin.id, mod.id, { active: true })).toEqual({ ok: true, changed: ["reactivated"] });
  });
});
