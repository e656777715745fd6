import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createConsultation, respondent, staff } from "@/test/db-fixtures";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { latestCampaignRun, startFindingCampaigns, STALE_SECONDS } from "./find-campaigns";

const LETTER = "We, the undersigned, ask that the declaration commits every government to publish its experiments openly.";

async function withLetters(n: number) {
  const c = await createConsultation();
  for (let i = 0; i < n; i++) {
    const r = await submitResponse(c.slug, ZResponseInput.parse({ generalComment: LETTER, respondent }), { locale: "en", channel: "web" });
    if (!r.ok) throw new Error("not stored");
  }
  return c;
}

describe("finding campaigns in the background", () => {
  it("answers at once, runs one search at a time per consultation, and keeps what it found", async () => {
    const mod = await staff("moderator");
    const c = await withLetters(3);
    expect(await latestCampaignRun(c.id)).toBeNull();
    const first = await startFindingCampaigns(mod.id, c.id);
    if (!first.started) throw new Error("not started");
    // A second request while it runs finds it; the database keeps one unfinished run per consultation.
    const second = await startFindingCampaigns(mod.id, c.id);
    if (second.started) {
      // The first may already be over at this size: then the two did not overlap.
      await Promise.all([first.done, second.done]);
      const [r1, r2] = await Promise.all([first.runId, second.runId].map((id) => db.campaignRun.findUniqueOrThrow({ where: { id } })));
      expect(r2.requestedAt.getTime()).toBeGreaterThanOrEqual(r1.finishedAt!.getTime());
    } else {
      expect(second.run).toMatchObject({ id: first.runId, running: true, finishedAt: null, requestedBy: "Test moderator" });
      await first.done;
    }
    const done = (await latestCampaignRun(c.id))!;
    expect(done).toMatchObject({ running: false, campaigns: 1, grouped: 3, error: null });
    expect(done.finishedAt).toBeInstanceOf(Date);
    expect(await db.feedbackTriage.count({ where: { item: { response: { consultationId: c.id } }, campaignId: { not: null } } })).toBe(3);
    await expect(db.campaignRun.create({ data: { consultationId: c.id } }).then(() => db.campaignRun.create({ data: { consultationId: c.id } })))
      .rejects.toThrow(); // two unfinished runs: refused by the partial unique index
    await db.campaignRun.updateMany({ where: { consultationId: c.id, finishedAt: null }, data: { finishedAt: new Date() } });
    // Finished: a new search may start.
    const again = await startFindingCampaigns(mod.id, c.id);
    expect(again.started).toBe(true);
    if (again.started) await again.done;
  });

  it("takes a run whose server stopped beating as dead: shown as not running, and replaced by the next request", async () => {
    const mod = await staff("moderator");
    const c = await withLetters(2);
    const dead = await db.campaignRun.create({
      data: { consultationId: c.id, requestedById: mod.id, requestedAt: new Date(Date.now() - 300_000), heartbeatAt: new Date(Date.now() - (STALE_SECONDS + 5) * 1000) },
    });
    expect(await latestCampaignRun(c.id)).toMatchObject({ id: dead.id, running: false, finishedAt: null });
    const next = await startFindingCampaigns(mod.id, c.id);
    expect(next.started).toBe(true);
    if (next.started) await next.done;
    expect(await db.campaignRun.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({ error: "abandoned" });
    expect(await latestCampaignRun(c.id)).toMatchObject({ running: false, campaigns: 1, grouped: 2 });
  });

  it("does not replace a run that is still beating", async () => {
    const mod = await staff("moderator");
    const c = await withLetters(2);
    const live = await db.campaignRun.create({ data: { consultationId: c.id, requestedById: mod.id, heartbeatAt: new Date() } });
    const r = await startFindingCampaigns(mod.id, c.id);
    expect(r).toMatchObject({ started: false, run: { id: live.id, running: true } });
  });
});
