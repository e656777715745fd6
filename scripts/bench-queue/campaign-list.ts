// The campaigns page at scale (after "Find campaigns"): the first page of the list
// with every campaign's status and decision breakdown, and the largest campaign's
// first page of items. The counts come from campaign_count (kept by a trigger),
// not from aggregating the 500,000-item campaign on each view.
import { getCampaign, listCampaignItems, listCampaigns } from "@/lib/campaigns/list-campaigns";
import { timeRuns, type TBenchCase } from "./types";

export async function campaignList(consultationId: string, runs: number): Promise<TBenchCase[]> {
  const first = await listCampaigns(consultationId);
  const largest = first.campaigns[0];
  const cases: TBenchCase[] = [];
  cases.push({
    name: "campaign list (breakdowns)",
    limit: 300,
    ...(await timeRuns(runs, async () => (await listCampaigns(consultationId)).campaigns.length)),
  });
  if (largest) {
    cases.push({
      name: "largest campaign + its items",
      limit: 300,
      ...(await timeRuns(runs, async () => {
        const [c, page] = await Promise.all([getCampaign(consultationId, largest.id), listCampaignItems(largest.id)]);
        return (c ? 1 : 0) * page.items.length;
      })),
    });
  }
  return cases;
}
