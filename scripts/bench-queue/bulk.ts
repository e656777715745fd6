// bench:queue, WRITES: a decision set in bulk on every item matching a filter (clause 3:
// a tenth of the items, 100,000 at 1 M), in one call of what the Server Action calls,
// target ≤ 5 s; alternately two decisions, so every run changes every item. During the
// first run, single items are saved by hand as fast as they come back (half inside the
// filter, half outside): how long the bulk change makes them wait.
import { db } from "@/lib/db";
import { listFeedback } from "@/lib/feedback/list-feedback";
import { bulkDecide, countMatching, previewBulkChange } from "@/lib/feedback/bulk-decide";
import { triageItems } from "@/lib/feedback/triage-items";
import { ZTriage } from "@/lib/feedback/triage-schema";
import { percentiles, timeRuns, type TBenchCase } from "./types";

export default async function bulkDecision(consultationId: string, runs: number): Promise<TBenchCase[]> {
  const c = await db.consultation.findUniqueOrThrow({ where: { id: consultationId }, select: { slug: true } });
  const user = await db.appUser.create({
    data: {
      email: `bench-bulk-${Date.now()}@example.org`,
      name: "Bench moderator",
      role: "moderator",
      passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$x$y",
    },
  });
  const mod = { id: user.id, role: "moderator" };
  const out: TBenchCase[] = [];

  // What the queue page and the confirmation count first.
  const all = await timeRuns(runs, () => countMatching(consultationId, { filter: {} }));
  out.push({ name: "bulk bar: N matching (no filter)", limit: 1000, ...all });
  const asked = (decision: string) => ({
    slug: c.slug,
    scope: "matching",
    ids: [],
    filter: "clause=3",
    decision,
    reason: `Bulk ${decision}`,
  });
  const change = { decision: { disposition: "accepted" as const, reason: "Bulk accepted" } };
  const preview = await timeRuns(
    runs,
    async () => (await previewBulkChange(consultationId, { filter: { clause: "3" } }, change)).changing,
  );
  out.push({ name: "bulk: confirmation's count (clause)", limit: 1000, ...preview });

  // Items for the single saves: some in the filter, some outside.
  const sample = await db.$queryRaw<{ id: string; inside: boolean }[]>`
    (SELECT fi.id, true AS inside FROM feedback_item fi JOIN clause k ON k.id = fi.clause_id WHERE k.consultation_id = ${consultationId}::uuid AND k.key = '3' LIMIT 200)
    UNION ALL
    (SELECT fi.id, false FROM feedback_item fi JOIN clause k ON k.id = fi.clause_id WHERE k.consultation_id = ${consultationId}::uuid AND k.key = '2' LIMIT 200)`;

  const times: number[] = [];
  const singles: number[] = [];
  let changed = 0;
  for (let i = 0; i < Math.max(1, Math.min(runs, 3)); i++) {
    const decision = i % 2 === 0 ? "accepted" : "not_accepted";
    let running = true;
    const saver = (async () => {
      for (let k = 0; running && i === 0; k++) {
        const item = sample[k % sample.length];
        const t0 = performance.now();
        await triageItems(user.id, ZTriage.parse({ ids: [item.id], status: k % 2 ? "in_review" : "noted" }));
        singles.push(performance.now() - t0);
      }
    })();
    const t0 = performance.now();
    const r = await bulkDecide(mod, asked(decision), true);
    times.push(performance.now() - t0);
    running = false;
    await saver;
    if (!r.ok) throw new Error(`bulk decision refused: ${JSON.stringify(r.errors)}`);
    changed = r.changed ?? 0;
  }
  out.push({ name: "bulk decision by filter (clause)", rows: changed, limit: 5000, ...percentiles(times) });
  // The floor on this machine: the same items' decision set by one bare UPDATE (no batches, no
  // re-check, no version, no audit), as fast as PostgreSQL writes these rows at all.
  const ids = (
    await db.$queryRaw<{ id: string }[]>`
    SELECT fi.id FROM feedback_item fi JOIN clause k ON k.id = fi.clause_id WHERE k.consultation_id = ${consultationId}::uuid AND k.key = '3'`
  ).map((r) => r.id);
  const bare: number[] = [];
  for (let i = 0; i < Math.max(1, Math.min(runs, 3)); i++) {
    const t0 = performance.now();
    await db.$executeRaw`UPDATE feedback_triage SET disposition = ${i % 2 ? "accepted" : "partly_accepted"}::disposition, disposition_reason = ${`Bare ${i}`} WHERE feedback_item_id = ANY(${ids}::uuid[])`;
    bare.push(performance.now() - t0);
  }
  out.push({ name: "baseline: one bare UPDATE of those", rows: ids.length, limit: null, ...percentiles(bare) });
  if (singles.length)
    out.push({
      name: "single save during a bulk decision",
      rows: singles.length,
      limit: 1000,
      ...percentiles(singles),
    });
  // Clause 3 is now decided to the last item while the other clauses are not: "no decision" on it is the
  // case PostgreSQL misjudges (13–20 s at 1 M before lib/walk-or-gather.ts). Bounded, not at the filters' 150 ms.
  const none = await timeRuns(
    Math.min(runs, 10),
    async () => (await listFeedback(consultationId, { clause: "3", decision: "none" })).items.length,
  );
  out.push({ name: "no decision, on a decided clause", limit: 1000, ...none });
  return out;
}
