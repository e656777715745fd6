// Times the moderation queue against scripts/bench-queue.mjs's synthetic
// consultation. Sections run in order: reads first, then "Find campaigns"
// (for information), then what needs campaigns, then writes (bulk decisions),
// so a write never changes what a read measured.
import { listFeedback } from "@/lib/feedback/list-feedback";
import type { TQueueFilter } from "@/lib/feedback/queue-filter";
import { db } from "@/lib/db";
import { groupCampaigns } from "@/lib/feedback/group-campaigns";
import { timeRuns, type TBenchCase } from "./bench-queue/types";
import bulkDecision from "./bench-queue/bulk";
import saveAndNext from "./bench-queue/save-and-next";
import confirmations from "./bench-queue/confirmations";
import { campaignList } from "./bench-queue/campaign-list";
import themes from "./bench-queue/themes";

const RUNS = Number(process.env.BENCH_QUEUE_RUNS ?? 20);

// Each section: (consultationId, runs) → its timed cases. Add a section's import and one line to the lists below.
type TSection = (consultationId: string, runs: number) => Promise<TBenchCase[]>;
const READS: TSection[] = [queueFilters, confirmations];
const AFTER_CAMPAIGNS: TSection[] = [campaignList];
// themes last: its job writes every item's detected language.
const WRITES: TSection[] = [saveAndNext, bulkDecision, themes];

async function queueFilters(consultationId: string, runs: number): Promise<TBenchCase[]> {
  const since = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
  const cases: [string, TQueueFilter, number][] = [
    ["no filter", {}, 150],
    ["clause", { clause: "3" }, 150],
    ["aspect", { aspect: "language" }, 150],
    ["status (1 % spam)", { status: "spam" }, 150],
    ["respondent type", { type: "group" }, 150],
    ["country", { country: "JP" }, 150],
    ["tag (1 %)", { tag: "campaign" }, 150],
    ["assignee: nobody", { assignee: "none" }, 150],
    ["date range (10 days)", { from: since }, 150],
    ["rating ≥ 4", { minRating: 4 }, 150],
    ["has a term", { hasTerm: "1" }, 150],
    ["decision: none", { decision: "none" }, 150],
    ["decision: none, one clause", { decision: "none", clause: "3" }, 150],
    ["decision: accepted (no item yet)", { decision: "accepted" }, 150],
    ["search: common word (1 in 12)", { q: "budget" }, 300],
    ["search: rare word (1 in 2,000)", { q: "zeitgeist" }, 300],
    ["search: phrase", { q: '"public servants"' }, 300],
  ];
  const out: TBenchCase[] = [];
  for (const [name, filter, limit] of cases) {
    const r = await timeRuns(runs, async () => (await listFeedback(consultationId, filter)).items.length);
    out.push({ name, limit, ...r });
  }
  return out;
}

async function main() {
  const consultationId = process.argv[2];
  const out: TBenchCase[] = [];
  for (const section of READS) out.push(...(await section(consultationId, RUNS)));
  // For information (no target): how long "Find campaigns" takes at this size.
  const t0 = performance.now();
  const grouped = await groupCampaigns(consultationId);
  const campaigns = { ...grouped, seconds: (performance.now() - t0) / 1000 };
  for (const section of AFTER_CAMPAIGNS) out.push(...(await section(consultationId, RUNS)));
  for (const section of WRITES) out.push(...(await section(consultationId, RUNS)));
  console.log(JSON.stringify({ queries: out, campaigns }));
  await db.$disconnect();
}

main();
