import { afterEach, describe, expect, it } from "vitest";
import { parseCronItems } from "graphile-worker";
import { db } from "@/lib/db";
import { setNow } from "@/lib/clock";
import { createConsultation, respondent } from "@/test/db-fixtures";
import { runJobs } from "@/test/run-jobs";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { addJob } from "./add-job";
import { TASKS } from "./job-names";
import { cronItems } from "./start-worker";
import { taskList } from "./task-list";

afterEach(() => setNow(null));

describe("the periodic jobs (the queue's crontab)", () => {
  it("schedule the rate-limit cleanup every 10 minutes, deadline reminders hourly and retention every RETENTION_INTERVAL_HOURS, tasks the worker knows", () => {
    expect(cronItems(1).map((i) => [i.task, i.match])).toEqual([
      [TASKS.clearExpiredLimits.name, "*/10 * * * *"],
      [TASKS.remindDelegations.name, "7 * * * *"],
      [TASKS.refreshThemes.name, "*/5 * * * *"],
      [TASKS.deriveItems.name, "* * * * *"],
      [TASKS.applyRetention.name, "0 */1 * * *"],
    ]);
    expect(cronItems(6).at(-1)!.match).toBe("0 */6 * * *");
    expect(cronItems(48).at(-1)!.match).toBe("0 0 */2 * *");
    expect(cronItems(0).map((i) => i.task)).toEqual([
      TASKS.clearExpiredLimits.name,
      TASKS.remindDelegations.name,
      TASKS.refreshThemes.name,
      TASKS.deriveItems.name,
    ]);
    expect(() => parseCronItems(cronItems(168))).not.toThrow();
    for (const item of cronItems(1)) expect(taskList[item.task]).toBeTypeOf("function");
  });

  it("retention, run as a job, erases what is past its consultation's retention period", async () => {
    const c = await createConsultation();
    await db.consultation.update({ where: { id: c.id }, data: { retentionDays: 30 } });
    const r = await submitResponse(
      c.slug,
      ZResponseInput.parse({
        generalComment: "Kept a while.",
        respondent: { ...respondent, name: "Gus Kept", publication: "named" },
      }),
      { locale: "en", channel: "web" },
    );
    if (!r.ok) throw new Error("not stored");
    setNow(new Date(c.closesAt.getTime() + 31 * 86_400_000));
    await addJob(db, TASKS.applyRetention, {});
    await runJobs();
    expect(await db.response.findUniqueOrThrow({ where: { reference: r.reference } })).toMatchObject({
      respondentName: null,
      erasedAt: expect.any(Date),
    });
  });

  it("the rate-limit cleanup, run as a job, deletes counters an hour past their window and keeps the others", async () => {
    const old = `test-old:${Date.now()}`;
    const live = `test-live:${Date.now()}`;
    await db.$executeRaw`INSERT INTO ratelimit.limits (key, points, expire) VALUES (${old}, 1, ${Date.now() - 2 * 3_600_000}), (${live}, 1, ${Date.now() + 60_000})`;
    await addJob(db, TASKS.clearExpiredLimits, {});
    await runJobs();
    const keys = (
      await db.$queryRaw<{ key: string }[]>`SELECT key FROM ratelimit.limits WHERE key IN (${old}, ${live})`
    ).map((k) => k.key);
    expect(keys).toEqual([live]);
  });
});
