import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createConsultation, staff } from "@/test/db-fixtures";
import { insertComments } from "@/test/campaign-fixtures";
import { groupCampaigns } from "@/lib/feedback/group-campaigns";
import { CAMPAIGNS_PER_PAGE, getCampaign, listCampaignItems, listCampaigns } from "./list-campaigns";
import { removeFromCampaign } from "./remove-from-campaign";
import { mergeCampaigns } from "./merge-campaigns";
import { campaignSamples } from "./campaign-samples";
import { valueLabel } from "@/lib/feedback/describe-change";

const A = "We ask the drafting committee to protect the budget of local innovation labs in every member country.";
const B = "Principle two must require every government to publish the evaluation of its public sector experiments.";

async function twoCampaigns(a = 5, b = 3) {
  const c = await createConsultation();
  const ids = await insertComments(c.id, [...Array(a).fill(A), ...Array(b).fill(B)], { daysAgo: (i) => i });
  await groupCampaigns(c.id);
  const { campaigns } = await listCampaigns(c.id);
  return { c, ids, big: campaigns[0], small: campaigns[1] };
}

describe("campaign membership and counts", () => {
  it("lists campaigns largest first with true sizes, status and decision counts, and submission ranges, and follows triage changes", async () => {
    const { c, ids, big, small } = await twoCampaigns();
    expect([big.size, small.size]).toEqual([5, 3]);
    expect(big.sample).toBe(A);
    expect(big.statuses).toEqual([{ key: "new", n: 5 }]);
    expect(big.dispositions).toEqual([{ key: "", n: 5 }]);
    expect(big.lastAt!.getTime() - big.firstAt!.getTime()).toBeGreaterThan(3.9 * 86_400_000); // 0 to 4 days ago
    // Any writer (here Prisma and plain SQL, as triage and bulk decisions do) keeps the counts true.
    await db.feedbackTriage.update({
      where: { feedbackItemId: ids[0] },
      data: { status: "noted", disposition: "accepted" },
    });
    await db.$executeRaw`UPDATE feedback_triage SET status = 'addressed', disposition = 'not_accepted' WHERE feedback_item_id = ANY(${ids.slice(1, 3)}::uuid[])`;
    const after = (await getCampaign(c.id, big.id))!;
    expect(after.statuses).toEqual([
      { key: "addressed", n: 2 },
      { key: "new", n: 2 },
      { key: "noted", n: 1 },
    ]);
    expect(after.dispositions).toEqual([
      { key: "", n: 2 },
      { key: "not_accepted", n: 2 },
      { key: "accepted", n: 1 },
    ]);
    // An erased respondent's item leaves the counts too.
    await db.response.delete({
      where: { id: (await db.feedbackItem.findUniqueOrThrow({ where: { id: ids[4] } })).responseId },
    });
    expect((await getCampaign(c.id, big.id))!).toMatchObject({
      size: 4,
      statuses: [
        { key: "addressed", n: 2 },
        { key: "new", n: 1 },
        { key: "noted", n: 1 },
      ],
    });
  });

  it("pages the list by keyset, 50 a page", async () => {
    const c = await createConsultation();
    const texts = Array.from(
      { length: CAMPAIGNS_PER_PAGE + 2 },
      (_, i) => `Letter number ${i} about an entirely separate concern of its own: ${"xyz".repeat(i % 7)} ${i * 7919}`,
    );
    await insertComments(
      c.id,
      texts.flatMap((t, i) => Array(i < 2 ? 3 : 2).fill(t)),
    );
    await groupCampaigns(c.id);
    const first = await listCampaigns(c.id);
    expect(first.total).toBe(CAMPAIGNS_PER_PAGE + 2);
    expect(first.campaigns).toHaveLength(CAMPAIGNS_PER_PAGE);
    expect(first.campaigns.slice(0, 2).map((x) => x.size)).toEqual([3, 3]);
    const second = await listCampaigns(c.id, first.next);
    expect(second.campaigns).toHaveLength(2);
    expect(second.next).toBeUndefined();
    expect(new Set([...first.campaigns, ...second.campaigns].map((x) => x.id)).size).toBe(CAMPAIGNS_PER_PAGE + 2);
  });

  it("an item a moderator removed is never put back by a later run, and the removal is audited without a version bump", async () => {
    const mod = await staff("moderator");
    const { c, ids, big } = await twoCampaigns();
    const before = await db.feedbackTriage.findUniqueOrThrow({ where: { feedbackItemId: ids[0] } });
    expect(await removeFromCampaign(mod.id, c.id, big.id, [ids[0]])).toEqual({
      ok: true,
      removed: 1,
      dissolved: false,
    });
    const item = await db.feedbackItem.findUniqueOrThrow({
      where: { id: ids[0] },
      include: { triage: { include: { events: true } } },
    });
    expect(item.triage!.campaignId).toBeNull();
    expect(item.triage!.version).toBe(before.version);
    expect(item.triage!.events.map((e) => [e.field, e.fromValue, e.toValue, e.actorId])).toEqual([
      ["campaign", big.id, null, mod.id],
    ]);
    // The history names the campaign by the start of its text, not by its id.
    const samples = await campaignSamples([big.id, "00000000-0000-4000-8000-000000000000"]);
    const t = (k: string) => `[${k}]`;
    expect(valueLabel(t, [], "campaign", big.id, samples)).toBe(`${A.slice(0, 60).trimEnd()}…`);
    expect(valueLabel(t, [], "campaign", "00000000-0000-4000-8000-000000000000", samples)).toBe("[value_campaignGone]");
    expect(valueLabel(t, [], "campaign", null, samples)).toBe("[empty]");
    expect((await getCampaign(c.id, big.id))!.size).toBe(4);
    expect(await groupCampaigns(c.id)).toEqual({ campaigns: 2, grouped: 7 });
    expect((await db.feedbackTriage.findUniqueOrThrow({ where: { feedbackItemId: ids[0] } })).campaignId).toBeNull();
    expect((await listCampaignItems(big.id)).items.map((i) => i.id).sort()).toEqual(ids.slice(1, 5).sort());
    // Another consultation's campaign is not found.
    const other = await createConsultation();
    expect(await removeFromCampaign(mod.id, other.id, big.id, [ids[1]])).toEqual({ ok: false, reason: "notFound" });
  });

  it("a campaign left with one item is dissolved", async () => {
    const mod = await staff("moderator");
    const { c, ids, small } = await twoCampaigns(5, 2);
    expect(await removeFromCampaign(mod.id, c.id, small.id, [ids[5]])).toEqual({
      ok: true,
      removed: 1,
      dissolved: true,
    });
    expect(await getCampaign(c.id, small.id)).toBeNull();
    expect((await db.feedbackTriage.findUniqueOrThrow({ where: { feedbackItemId: ids[6] } })).campaignId).toBeNull();
  });

  it("merging moves the items into the target, one campaign remains, and later runs keep it", async () => {
    const mod = await staff("moderator");
    const { c, ids, big, small } = await twoCampaigns();
    expect(await mergeCampaigns(mod.id, c.id, small.id, big.id)).toEqual({ ok: true, moved: 3 });
    const list = await listCampaigns(c.id);
    expect(list.campaigns.map((x) => [x.id, x.size])).toEqual([[big.id, 8]]);
    expect(list.campaigns[0].statuses).toEqual([{ key: "new", n: 8 }]);
    const moved = await db.moderationEvent.findMany({ where: { feedbackItemId: { in: ids.slice(5) } } });
    expect(moved.map((e) => [e.field, e.fromValue, e.toValue])).toEqual(Array(3).fill(["campaign", small.id, big.id]));
    expect(await groupCampaigns(c.id)).toEqual({ campaigns: 1, grouped: 8 });
    // Even when every item of the merged campaign left (by removal), new copies of its letter go to the target.
    await removeFromCampaign(mod.id, c.id, big.id, ids.slice(5));
    await insertComments(c.id, [B, B]);
    expect(await groupCampaigns(c.id)).toEqual({ campaigns: 1, grouped: 7 });
    expect(await mergeCampaigns(mod.id, c.id, big.id, big.id)).toEqual({ ok: false, reason: "same" });
    expect(await mergeCampaigns(mod.id, c.id, small.id, big.id)).toEqual({ ok: false, reason: "notFound" });
  });
});
