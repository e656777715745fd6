// "Save and next" on the item page at scale: a moderator's save (versioned),
// finding the next item of the filter, and that item's place ("12 of 340",
// previous / next) for the page it opens. Each run saves the item the last run
// moved to, as a moderator working down a list does.
import { db } from "@/lib/db";
import { itemPlace, nextItem } from "@/lib/feedback/item-neighbours";
import { listFeedback } from "@/lib/feedback/list-feedback";
import type { TQueueFilter } from "@/lib/feedback/queue-filter";
import { triageItems } from "@/lib/feedback/triage-items";
import { ZTriage } from "@/lib/feedback/triage-schema";
import { timeRuns, type TBenchCase } from "./types";

export default async function saveAndNext(consultationId: string, runs: number): Promise<TBenchCase[]> {
  const mod = await db.appUser.create({
    data: { email: `bench-save-next-${Date.now().toString(36)}@bench.invalid`, name: "Bench moderator", passwordHash: "-", role: "moderator" },
  });
  const cases: [string, TQueueFilter][] = [
    ["save and next: status new", { status: "new" }],
    ["save and next: clause + aspect", { clause: "3", aspect: "clarity" }],
    ["save and next: oldest first", { sort: "oldest" }],
  ];
  const out: TBenchCase[] = [];
  for (const [name, filter] of cases) {
    let current = (await listFeedback(consultationId, filter)).items[0]?.id;
    const r = await timeRuns(runs, async () => {
      if (!current) return 0;
      const { version } = await db.feedbackItem.findUniqueOrThrow({ where: { id: current }, select: { version: true } });
      const saved = await triageItems(mod.id, ZTriage.parse({ ids: [current], version, status: "in_review", note: "Checked." }));
      if (!saved.ok) throw new Error(`save refused: ${saved.reason}`);
      const next = await nextItem(filter, current);
      const place = next ? await itemPlace(filter, next) : null;
      current = next ?? undefined;
      return place?.total.n ?? 0;
    });
    out.push({ name, limit: 150, ...r });
  }
  return out;
}
