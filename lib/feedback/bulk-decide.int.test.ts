import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createConsultation, delegate, respondent, staff } from "@/test/db-fixtures";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { dropConsultationCache } from "@/lib/consultations/get-consultation";
import { triageItems } from "./triage-items";
import { ZTriage } from "./triage-schema";
import { bulkChange, bulkDecide, previewBulkChange } from "./bulk-decide";
import { triageCampaign } from "./triage-campaign";

/** A consultation with `responses` responses of two items each: clarity (clause 1.1) and feasibility (clause 1.1). */
async function consultationWithItems(responses: number, opts: { draft?: boolean } = {}) {
  const c = await createConsultation();
  for (let i = 0; i < responses; i++) {
    const r = await submitResponse(
      c.slug,
      ZResponseInput.parse({
        feedback: [{ clause: "1.1", clarity: { rating: 1 + (i % 5) }, feasibility: { rating: 3 } }],
        respondent,
      }),
      { locale: "en", channel: "web" },
    );
    if (!r.ok) throw new Error("expected stored");
  }
  // A hidden draft: made published to take responses, then hidden again.
  if (opts.draft) {
    await db.consultation.update({ where: { id: c.id }, data: { publishedAt: null } });
    dropConsultationCache();
  }
  const rows = await db.feedbackItem.findMany({
    where: { response: { consultationId: c.id } },
    orderBy: { id: "asc" },
    include: { triage: true },
  });
  const items = rows.map(({ triage, ...i }) => ({ ...i, ...triage! }));
  return { c, items };
}

const snapshot = async (ids: string[]) =>
  (
    await db.feedbackItem.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        aspect: true,
        triage: {
          select: { disposition: true, dispositionReason: true, version: true, moderatedAt: true, status: true },
        },
      },
    })
  ).map(({ triage, ...i }) => ({ ...i, ...triage! }));

describe("bulk decisions", () => {
  it("by filter: changes exactly the matching items, one audit event per changed field per item, version + 1; the confirmation's count is what changes", async () => {
    const mod = await staff("moderator");
    const { c, items } = await consultationWithItems(6);
    const other = await consultationWithItems(2);
    const clarity = items.filter((i) => i.aspect === "clarity");
    const feasibility = items.filter((i) => i.aspect === "feasibility");
    // Two already have the decision and reason; one has the decision with another reason.
    await triageItems(
      mod.id,
      ZTriage.parse({
        ids: clarity.slice(0, 2).map((i) => i.id),
        disposition: "accepted",
        dispositionReason: "Merged into 1.1",
      }),
    );
    await triageItems(
      mod.id,
      ZTriage.parse({ ids: [clarity[2].id], disposition: "accepted", dispositionReason: "Old reason" }),
    );
    const before = await snapshot(items.map((i) => i.id));
    const earlier = new Set(
      (
        await db.moderationEvent.findMany({
          where: { feedbackItemId: { in: items.map((i) => i.id) } },
          select: { id: true },
        })
      ).map((e) => e.id),
    );

    const asked = {
      slug: c.slug,
      scope: "matching",
      ids: [],
      filter: "aspect=clarity",
      decision: "accepted",
      reason: "Merged into 1.1",
    };
    const preview = await bulkDecide(mod, asked, false);
    expect(preview).toMatchObject({ ok: true, matching: 6, changing: 4 });
    const done = await bulkDecide(mod, asked, true);
    expect(done).toMatchObject({ ok: true, matching: 6, changed: 4 });

    const after = await snapshot(items.map((i) => i.id));
    for (const item of after) {
      const was = before.find((b) => b.id === item.id)!;
      if (item.aspect === "clarity")
        expect(item).toMatchObject({ disposition: "accepted", dispositionReason: "Merged into 1.1" });
      else
        expect(item).toMatchObject({
          disposition: null,
          dispositionReason: null,
          version: was.version,
          moderatedAt: was.moderatedAt,
        });
      const changed =
        item.aspect === "clarity" && !(was.disposition === "accepted" && was.dispositionReason === "Merged into 1.1");
      expect(item.version).toBe(was.version + (changed ? 1 : 0));
      if (changed) expect(item.moderatedAt!.getTime()).toBeGreaterThan(was.moderatedAt?.getTime() ?? 0);
    }
    expect(feasibility.length).toBe(6);
    // One event per changed field per item: three new items get both, the one with another reason only the reason.
    const bulkEvents = (
      await db.moderationEvent.findMany({ where: { feedbackItemId: { in: items.map((i) => i.id) } } })
    ).filter((e) => !earlier.has(e.id));
    const perItem = new Map<string, string[]>();
    for (const e of bulkEvents)
      perItem.set(e.feedbackItemId, [
        ...(perItem.get(e.feedbackItemId) ?? []),
        `${e.field}:${e.fromValue}→${e.toValue}`,
      ]);
    expect(perItem.get(clarity[2].id)).toEqual(["disposition_reason:Old reason→Merged into 1.1"]);
    for (const item of clarity.slice(3))
      expect(perItem.get(item.id)!.sort()).toEqual([
        "disposition:null→accepted",
        "disposition_reason:null→Merged into 1.1",
      ]);
    expect(perItem.has(clarity[0].id) || perItem.has(clarity[1].id)).toBe(false);
    expect(bulkEvents).toHaveLength(3 * 2 + 1);

    // The other consultation's clarity items were never touched.
    expect((await snapshot(other.items.map((i) => i.id))).every((i) => i.disposition === null && i.version === 1)).toBe(
      true,
    );
    // Asked again: nothing left to change, and it says so.
    expect(await bulkDecide(mod, asked, false)).toMatchObject({ ok: true, matching: 6, changing: 0 });
    expect(await bulkDecide(mod, asked, true)).toMatchObject({ ok: true, matching: 6, changed: 0 });
  });

  it("works in batches: every batch's items change, each once, and a withdrawn response's items are left out", async () => {
    const mod = await staff("moderator");
    const { c, items } = await consultationWithItems(5);
    const gone = items[0];
    await db.response.update({ where: { id: gone.responseId }, data: { withdrawnAt: new Date() } });
    const target = { filter: {} };
    const change = { decision: { disposition: "not_accepted" as const, reason: null } };
    expect(await previewBulkChange(c.id, target, change)).toEqual({ matching: 8, changing: 8 });
    expect(await bulkChange(mod.id, c.id, target, change, 3)).toEqual({ changed: 8, unchanged: 0 });
    const after = await snapshot(items.map((i) => i.id));
    const withdrawnIds = new Set(items.filter((i) => i.responseId === gone.responseId).map((i) => i.id));
    for (const item of after) expect(item.disposition).toBe(withdrawnIds.has(item.id) ? null : "not_accepted");
    // No reason asked, none had one: only the disposition is logged.
    expect(await db.moderationEvent.count({ where: { feedbackItemId: { in: items.map((i) => i.id) } } })).toBe(8);
  });

  it("by campaign: all its items in this consultation, nothing else", async () => {
    const mod = await staff("moderator");
    const { c, items } = await consultationWithItems(3);
    const other = await consultationWithItems(1);
    const campaign = await db.campaign.create({
      data: { consultationId: c.id, fingerprint: "f".repeat(32), sample: "Same letter" },
    });
    const members = items.filter((i) => i.aspect === "clarity").map((i) => i.id);
    // An item of another consultation pointed at this campaign stays out of it all the same.
    await db.feedbackTriage.updateMany({
      where: { feedbackItemId: { in: [...members, other.items[0].id] } },
      data: { campaignId: campaign.id },
    });
    const asked = {
      slug: c.slug,
      scope: "campaign",
      campaign: campaign.id,
      ids: [],
      filter: "aspect=feasibility",
      decision: "partly_accepted",
      reason: "Form letter: see the summary",
    };
    // The campaign is the target, whatever filter the page had.
    expect(await bulkDecide(mod, asked, false)).toMatchObject({ ok: true, matching: 3, changing: 3 });
    expect(await bulkDecide(mod, asked, true)).toMatchObject({ ok: true, changed: 3 });
    const after = await snapshot(items.map((i) => i.id));
    for (const item of after) expect(item.disposition).toBe(members.includes(item.id) ? "partly_accepted" : null);
    expect((await snapshot([other.items[0].id]))[0]).toMatchObject({ disposition: null, version: 1 });

    // A campaign's status, set in bulk, is versioned and logged the same way (before: version stayed 1).
    expect(await triageCampaign(mod, c.slug, campaign.id, "noted")).toBe(3);
    expect(await triageCampaign(await delegate("FR", "drafter"), c.slug, campaign.id, "spam")).toBeNull();
    const noted = await snapshot(members);
    expect(noted.every((i) => i.status === "noted" && i.version === 3)).toBe(true);
    expect(await db.moderationEvent.count({ where: { feedbackItemId: { in: members }, field: "status" } })).toBe(3);
  });

  it("by selection: the ticked items of this consultation only; clearing a decision clears its reason", async () => {
    const mod = await staff("moderator");
    const { c, items } = await consultationWithItems(2);
    const other = await consultationWithItems(1);
    const ticked = [items[0].id, items[1].id, other.items[0].id];
    const asked = { slug: c.slug, scope: "selected", ids: ticked, filter: "", decision: "accepted", reason: "Yes" };
    expect(await bulkDecide(mod, asked, false)).toMatchObject({ ok: true, matching: 2, changing: 2 });
    expect(await bulkDecide(mod, asked, true)).toMatchObject({ ok: true, changed: 2 });
    expect((await snapshot([other.items[0].id]))[0]).toMatchObject({ disposition: null, version: 1 });
    const cleared = await bulkDecide(mod, { ...asked, decision: "none", reason: "" }, true);
    expect(cleared).toMatchObject({ ok: true, changed: 2 });
    expect((await snapshot([items[0].id]))[0]).toMatchObject({
      disposition: null,
      dispositionReason: null,
      version: 3,
    });
    // Bad input is a field error, never an exception.
    expect(await bulkDecide(mod, { ...asked, ids: [] }, false)).toEqual({
      ok: false,
      errors: [{ field: "ids", key: "noneSelected" }],
    });
    expect(await bulkDecide(mod, { ...asked, decision: undefined }, false)).toEqual({
      ok: false,
      errors: [{ field: "decision", key: "noDecision" }],
    });
    expect(await bulkDecide(mod, { ...asked, decision: "none", reason: "Why" }, false)).toEqual({
      ok: false,
      errors: [{ field: "reason", key: "reasonNeedsDisposition" }],
    });
  });

  it("refuses a hidden draft to a moderator and anyone who does not moderate; nothing changes", async () => {
    const mod = await staff("moderator");
    const admin = await staff("admin");
    const del = await delegate("FR", "approver");
    const draft = await consultationWithItems(1, { draft: true });
    const asked = { slug: draft.c.slug, scope: "matching", ids: [], filter: "", decision: "accepted", reason: "" };
    expect(await bulkDecide(mod, asked, true)).toEqual({ ok: false, errors: [{ field: "ids", key: "not_found" }] });
    expect(await bulkDecide(del, asked, true)).toEqual({ ok: false, errors: [{ field: "ids", key: "forbidden" }] });
    expect(await bulkDecide(null, asked, true)).toEqual({ ok: false, errors: [{ field: "ids", key: "forbidden" }] });
    expect((await snapshot(draft.items.map((i) => i.id))).every((i) => i.disposition === null && i.version === 1)).toBe(
      true,
    );
    // An admin may.
    expect(await bulkDecide(admin, asked, true)).toMatchObject({ ok: true, changed: 2 });
  });

  it("makes an item page's save stale: a moderator who loaded an item before a decision by filter is told, and nothing of theirs is written", async () => {
    const mod = await staff("moderator");
    const other = await staff("moderator");
    const { c, items } = await consultationWithItems(2);
    const item = items[0];
    const loadedVersion = item.version;
    const r = await bulkChange(
      other.id,
      c.id,
      { filter: {} },
      { decision: { disposition: "not_accepted", reason: "Out of the draft's scope" } },
    );
    expect(r).toEqual({ changed: items.length, unchanged: 0 });
    const save = await triageItems(
      mod.id,
      ZTriage.parse({ ids: [item.id], version: loadedVersion, disposition: "accepted", note: "Fine by me" }),
    );
    expect(save).toMatchObject({ ok: false, reason: "stale" });
    if (save.ok || save.reason !== "stale") throw new Error("expected stale");
    expect(save.changes.map((x) => [x.field, x.toValue]).sort()).toEqual([
      ["disposition", "not_accepted"],
      ["disposition_reason", "Out of the draft's scope"],
    ]);
    expect(await db.feedbackTriage.findUniqueOrThrow({ where: { feedbackItemId: item.id } })).toMatchObject({
      disposition: "not_accepted",
      version: loadedVersion + 1,
    });
    expect(await db.itemNote.count({ where: { feedbackItemId: item.id } })).toBe(0);
  });
});
