// Themes (issue 15 §6): the comments' languages detected and the themes computed by the refresh-themes job's
// functions (timed, for information: the job's cost after a million items came in), then the overview's read of
// them (p95 ≤ 500 ms) and the queue filtered by detected language.
import { db } from "@/lib/db";
import { listFeedback } from "@/lib/feedback/list-feedback";
import { deriveItems } from "@/lib/feedback/derive-items";
import { getThemes } from "@/lib/themes/get-themes";
import { refreshThemes } from "@/lib/themes/refresh-themes";
import { timeRuns, type TBenchCase } from "./types";

export default async function themes(consultationId: string, runs: number): Promise<TBenchCase[]> {
  // The detection job's rate, from one run of its 30 s budget (a backlog of a million comments is worked off over
  // several runs, every 5 minutes in production; the themes do not wait for it: they group by the write-time guess).
  const t0 = performance.now();
  const detected = await deriveItems(30_000);
  const detectMs = performance.now() - t0;
  await db.$executeRaw`VACUUM ANALYZE feedback_item`; // what autovacuum does after so many updates
  const t1 = performance.now();
  const { items } = await refreshThemes(consultationId);
  const refreshMs = performance.now() - t1;
  console.error(
    `[themes] ${detected} comments' languages detected in ${(detectMs / 1000).toFixed(1)} s (${Math.round((detected * 1000) / detectMs)}/s); themes of ${items} comments computed in ${(refreshMs / 1000).toFixed(1)} s`,
  );
  const one = (name: string, ms: number, rows: number): TBenchCase => ({ name, limit: null, rows, p50: ms, p95: ms });
  return [
    one("themes: detect languages (job, 30 s)", detectMs, detected),
    one("themes: compute (job, 1×)", refreshMs, items),
    {
      name: "themes: overview read",
      limit: 500,
      ...(await timeRuns(runs, async () => (await getThemes(consultationId)).groups.length)),
    },
    {
      name: "language filter: English",
      limit: 150,
      ...(await timeRuns(runs, async () => (await listFeedback(consultationId, { lang: "eng" })).items.length)),
    },
    {
      name: "language filter: not the consultation's",
      limit: 300,
      ...(await timeRuns(runs, async () => (await listFeedback(consultationId, { lang: "other" })).items.length)),
    },
  ];
}
