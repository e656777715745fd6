import { describe, expect, it } from "vitest";
import { createConsultation, respondent } from "@/test/db-fixtures";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { itemPlace, nextItem } from "./item-neighbours";
import { listFeedback } from "./list-feedback";
import type { TQueueFilter } from "./queue-filter";

async function setup() {
  const c = await createConsultation();
  for (let i = 0; i < 3; i++) {
    const r = await submitResponse(
      c.slug,
      ZResponseInput.parse({
        feedback: [{ clause: "1.1", clarity: { rating: 2 }, feasibility: { rating: 4 } }],
        respondent,
      }),
      { locale: "en", channel: "web" },
    );
    if (!r.ok) throw new Error("expected stored");
  }
  return c;
}

/** Walks the filter with "next" from its first item. */
async function walk(first: string, filter: TQueueFilter): Promise<string[]> {
  const out = [first];
  for (let n = await nextItem(filter, first); n; n = await nextItem(filter, n)) out.push(n);
  return out;
}

describe("an item's place in the queue of a filter", () => {
  it("goes through the items in the queue's order, newest or oldest first, within the filter", async () => {
    const c = await setup();
    for (const filter of [
      {},
      { sort: "oldest" },
      { aspect: "feasibility" },
      { aspect: "clarity", sort: "oldest" },
    ] as TQueueFilter[]) {
      const queue = (await listFeedback(c.id, filter)).items.map((i) => i.id);
      expect(queue.length).toBe(filter.aspect ? 3 : 6);
      expect({ filter, walk: await walk(queue[0], filter) }).toEqual({ filter, walk: queue });
      for (const [i, id] of queue.entries()) {
        const place = await itemPlace(filter, id);
        expect(place).toEqual({
          previous: queue[i - 1] ?? null,
          next: queue[i + 1] ?? null,
          position: { n: i + 1, kind: "exact" },
          total: { n: queue.length, kind: "exact" },
        });
        // Past the walks' budget, the gathered forms give the same place and the same next item.
        expect(await itemPlace(filter, id, 0)).toEqual(place);
        expect(await nextItem(filter, id, 0)).toBe(queue[i + 1] ?? null);
      }
    }
  });

  it("still finds the next item when the item has just left the filter", async () => {
    const c = await setup();
    const all = (await listFeedback(c.id, {})).items;
    const clarity = all.filter((i) => i.aspect === "clarity").map((i) => i.id);
    // A feasibility item is not in the "clarity" list: no position, but its neighbours in that list.
    const outside = all[1];
    expect(outside.aspect).toBe("feasibility");
    const place = await itemPlace({ aspect: "clarity" }, outside.id);
    expect(place).toMatchObject({
      position: null,
      previous: clarity[0],
      next: clarity[1],
      total: { n: 3, kind: "exact" },
    });
    expect(await nextItem({ aspect: "clarity" }, outside.id)).toBe(clarity[1]);
    expect(await nextItem({}, all[all.length - 1].id)).toBeNull();
    expect(await itemPlace({}, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
