// Times the queue's first page for each single filter and a full-text search
// (run by scripts/bench-queue.mjs, against its synthetic consultation).
import { listFeedback } from "@/lib/feedback/list-feedback";
import type { TQueueFilter } from "@/lib/feedback/queue-filter";
import { db } from "@/lib/db";
import { groupCampaigns } from "@/lib/feedback/group-campaigns";

const RUNS = Number(process.env.BENCH_QUEUE_RUNS ?? 20);

async function main() {
  const consultationId = process.argv[2];
  const since = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
  const cases: [string, TQueueFilter, "filter" | "search"][] = [
    ["no filter", {}, "filter"],
    ["clause", { clause: "3" }, "filter"],
    ["aspect", { aspect: "language" }, "filter"],
    ["status (1 % spam)", { status: "spam" }, "filter"],
    ["respondent type", { type: "group" }, "filter"],
    ["country", { country: "JP" }, "filter"],
    ["tag (1 %)", { tag: "campaign" }, "filter"],
    ["assignee: nobody", { assignee: "none" }, "filter"],
    ["date range (10 days)", { from: since }, "filter"],
    ["rating ≥ 4", { minRating: 4 }, "filter"],
    ["has a term", { hasTerm: "1" }, "filter"],
    ["search: common word (1 in 12)", { q: "budget" }, "search"],
    ["search: rare word (1 in 2,000)", { q: "zeitgeist" }, "search"],
    ["search: phrase", { q: '"public servants"' }, "search"],
  ];
  const out = [];
  for (const [name, filter, kind] of cases) {
    await listFeedback(consultationId, filter); // warm
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      rows = (await listFeedback(consultationId, filter)).items.length;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    out.push({ name, kind, rows, p50: times[Math.floor(RUNS * 0.5)], p95: times[Math.min(RUNS - 1, Math.ceil(RUNS * 0.95) - 1)] });
  }
  // For information (no target): how long "Find campaigns" takes at this size.
  const t0 = performance.now();
  const grouped = await groupCampaigns(consultationId);
  const campaigns = { ...grouped, seconds: (performance.now() - t0) / 1000 };
  console.log(JSON.stringify({ queries: out, campaigns }));
  await db.$disconnect();
}

main();
