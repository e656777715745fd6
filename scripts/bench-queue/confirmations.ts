// The numbers an admin confirms before publishing the results (every item of the consultation counted by
// clause and decision) and before closing early: shown once per decision, so seconds are tolerable at 1 M.
import { countResults } from "@/lib/drafting/count-consequences";
import { db } from "@/lib/db";
import { timeRuns, type TBenchCase } from "./types";

export default async function confirmations(consultationId: string, runs: number): Promise<TBenchCase[]> {
  const results = await timeRuns(runs, async () => (await countResults(consultationId)).items);
  const responses = await timeRuns(runs, () => db.response.count({ where: { consultationId, withdrawnAt: null } }));
  return [
    { name: "confirm: publish results (counts by clause and decision)", ...results, limit: 3000 },
    { name: "confirm: close early (responses so far)", ...responses, limit: 1000 },
  ];
}
