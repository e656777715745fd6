import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createConsultation, respondent, staff } from "@/test/db-fixtures";
import { runJobs, skipBackoff } from "@/test/run-jobs";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { listFailedJobs, retryFailedJob } from "@/lib/jobs/failed-jobs";
import { TASKS } from "@/lib/jobs/job-names";
import { latestCampaignRun, startFindingCampaigns } from "./find-campaigns";

const LETTER =
  "We, the undersigned, ask that the declaration commits every government to publish its experiments openly.";

async function withLetters(n: number) {
  const c = await createConsultation();
  for (let i = 0; i < n; i++) {
    const r = await submitResponse(c.slug, ZResponseInput.parse({ generalComment: LETTER, respondent }), {
      locale: "en",
      channel: "web",
    });
    if (!r.ok) throw new Error("not stored");
  }
  return c;
}

const campaignJobs = async (runId: string) =>
  (
    await db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE payload->>'runId' = ${runId}`
  )[0].n;

describe("finding campaigns on the job queue", () => {
  it("answers at once with a queued run, one run at a time per consultation, and a worker keeps what it found", async () => {
    const mod = await staff("moderator");
    const c = await withLetters(3);
    expect(await latestCampaignRun(c.id)).toBeNull();
    const first = await startFindingCampaigns(mod.id, c.id);
    if (!first.started) throw new Error("not started");
    expect(await campaignJobs(first.runId)).toBe(1); // committed with the run
    // A second request while it is queued finds it, and queues nothing.
    const second = await startFindingCampaigns(mod.id, c.id);
    expect(second).toMatchObject({
      started: false,
      run: { id: first.runId, running: true, finishedAt: null, requestedBy: "Test moderator" },
    });
    await runJobs();
    const done = (await latestCampaignRun(c.id))!;
    expect(done).toMatchObject({ id: first.runId, running: false, campaigns: 1, grouped: 3, error: null });
    expect(done.finishedAt).toBeInstanceOf(Date);
    expect(await campaignJobs(first.runId)).toBe(0);
    expect(
      await db.feedbackTriage.count({
        where: { item: { response: { consultationId: c.id } }, campaignId: { not: null } },
      }),
    ).toBe(3);
    await expect(
      db.campaignRun
        .create({ data: { consultationId: c.id } })
        .then(() => db.campaignRun.create({ data: { consultationId: c.id } })),
    ).rejects.toThrow(); // two unfinished runs: refused by the partial unique index
    await db.campaignRun.updateMany({
      where: { consultationId: c.id, finishedAt: null },
      data: { finishedAt: new Date() },
    });
    // Finished: a new search may start.
    const again = await startFindingCampaigns(mod.id, c.id);
    expect(again.started).toBe(true);
    await runJobs();
  });

  it("a run that keeps failing is retried, then recorded as failed and listed with the failed jobs; a new run may start", async () => {
    const mod = await staff("moderator");
    const c = await withLetters(2);
    const r = await startFindingCampaigns(mod.id, c.id);
    if (!r.started) throw new Error("not started");
    // A constraint refuses every item a campaign: each attempt fails as a broken database would make it.
    await db.$executeRaw`ALTER TABLE feedback_triage ADD CONSTRAINT test_no_campaign CHECK (campaign_id IS NULL) NOT VALID`;
    try {
      for (let i = 0; i < TASKS.findCampaigns.maxAttempts; i++) {
        await skipBackoff();
        await runJobs();
        if (i < TASKS.findCampaigns.maxAttempts - 1)
          expect(await latestCampaignRun(c.id)).toMatchObject({ running: true });
      }
    } finally {
      await db.$executeRaw`ALTER TABLE feedback_triage DROP CONSTRAINT test_no_campaign`;
    }
    expect(await latestCampaignRun(c.id)).toMatchObject({
      id: r.runId,
      running: false,
      error: expect.stringContaining("test_no_campaign"),
    });
    const failed = (await listFailedJobs()).jobs.find(
      (j) => j.task === TASKS.findCampaigns.name && j.lastError?.includes("test_no_campaign"),
    );
    expect(failed).toBeDefined();
    // Retrying the finished run's job does nothing; a moderator starts a new run instead.
    expect(await retryFailedJob(mod.id, failed!.id)).toBe(true);
    await runJobs();
    expect(await latestCampaignRun(c.id)).toMatchObject({ id: r.runId, running: false });
    const next = await startFindingCampaigns(mod.id, c.id);
    expect(next.started).toBe(true);
    await runJobs();
    expect(await latestCampaignRun(c.id)).toMatchObject({ running: false, campaigns: 1, grouped: 2, error: null });
  });
});
