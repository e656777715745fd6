// "Save and next" on the item page at scale: a moderator's save (versioned)
// and finding the next item of the filter, as triageAction does them (at
// once); then, as its own case, the place the next page shows ("12 of 340",
// previous / next). Each run saves the item the last run moved to, as a
// moderator working down a list does.
import { db } from "@/lib/db";
import { itemPlace, nextItem } from "@/lib/feedback/item-neighbours";
import { listFeedback } from "@/lib/feedback/list-feedback";
import type { TQueueFilter } from "@/lib/feedback/queue-filter";
import { triageItems } from "@/lib/feedback/triage-items";
import { ZTriage } from "@/lib/feedback/triage-schema";
import { timeRuns, type TBenchCase } from "./types";

export default async function saveAndNext(consultationId: string, runs: number): Promise<TBenchCase[]> {
  const mod = await db.appUser.create({
    data: {
      email: `bench-save-next-${Date.now().toString(36)}@bench.invalid`,
      name: "Bench moderator",
      passwordHash: "$argon2id$bench-no-sign-in",
      role: "moderator",
    },
  });
  const cases: [string, TQueueFilter][] = [
    ["oldest first", { sort: "oldest" }],
    ["clause + aspect", { clause: "3", aspect: "clarity" }],
    ["status new", { status: "new" }],
  ];
  const out: TBenchCase[] = [];
  for (const [name, filter] of cases) {
    let current: string | undefined = (await listFeedback(consultationId, filter)).items[0]?.id;
    const visited: string[] = [];
    const r = await timeRuns(runs, async () => {
      const id = current;
      if (!id) return 0;
      const { version } = await db.feedbackTriage.findUniqueOrThrow({
        where: { feedbackItemId: id },
        select: { version: true },
      });
      const [saved, next] = await Promise.all([
        triageItems(mod.id, ZTriage.parse({ ids: [id], version, status: "in_review", note: "Checked." })),
        nextItem(filter, id),
      ]);
      if (!saved.ok) throw new Error(`save refused: ${saved.reason}`);
      visited.push(id);
      current = next ?? undefined;
      return next ? 1 : 0;
    });
    out.push({ name: `save and next: ${name}`, limit: 150, ...r });
    // The page "Save and next" opens: its place in the filter, for the items just visited.
    let i = 0;
    const place = await timeRuns(
      runs,
      async () => (await itemPlace(filter, visited[i++ % visited.length]))?.total.n ?? 0,
    );
    out.push({ name: `item place: ${name}`, limit: 150, ...place });
  }
  return out;
}
