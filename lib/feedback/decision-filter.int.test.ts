// The queue's decision filter (?decision=none|accepted|partly_accepted|not_accepted),
// which the admin's "publish the results" confirmation links to: the queue,
// the export's count and the filter counts all read the same condition.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createConsultation, respondent, uniqueSlug } from "@/test/db-fixtures";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { createUser } from "@/lib/users/create-user";
import { listFeedback } from "./list-feedback";
import { parseQueueFilter, type TQueueFilter } from "./queue-filter";
import { filterSql, QUEUE_FROM_SQL } from "./filter-sql";
import { triageItems } from "./triage-items";
import { ZTriage } from "./triage-schema";
import { filterCounts } from "./filter-counts";

let consultationId = "";
const refs: Record<string, string> = {};

async function add(name: string, clause: string) {
  const c = await db.consultation.findUniqueOrThrow({ where: { id: consultationId } });
  const body = { feedback: [{ clause, clarity: { rating: 3, comment: `${name} needs work` } }], respondent };
  const r = await submitResponse(c.slug, ZResponseInput.parse(body), { locale: "en", channel: "web" });
  if (!r.ok) throw new Error(`not stored: ${name}`);
  refs[name] = r.reference;
}

const namesOf = async (filter: TQueueFilter) => {
  const byRef = new Map(Object.entries(refs).map(([k, v]) => [v, k]));
  return (await listFeedback(consultationId, filter)).items.map((i) => byRef.get(i.reference)).sort();
};

beforeAll(async () => {
  consultationId = (await createConsultation()).id;
  await add("accepted", "1");
  await add("partly", "1.1");
  await add("undecided1", "1");
  await add("undecided11", "1.1");
  const mod = await createUser({
    email: `${uniqueSlug("m")}@example.org`,
    name: "Mod",
    role: "moderator",
    password: "twelve chars at least",
  });
  const idOf = async (name: string) => (await listFeedback(consultationId, { q: name })).items[0].id;
  await triageItems(mod.id, ZTriage.parse({ ids: [await idOf("accepted")], disposition: "accepted" }));
  await triageItems(
    mod.id,
    ZTriage.parse({ ids: [await idOf("partly")], disposition: "partly_accepted", dispositionReason: "In part" }),
  );
});

describe("the decision filter", () => {
  it("lists the items with no decision, or with one decision", async () => {
    expect(await namesOf({ decision: "none" })).toEqual(["undecided1", "undecided11"]);
    expect(await namesOf({ decision: "accepted" })).toEqual(["accepted"]);
    expect(await namesOf({ decision: "partly_accepted" })).toEqual(["partly"]);
    expect(await namesOf({ decision: "not_accepted" })).toEqual([]);
  });

  it("combines with the clause, as the publish-results confirmation links to it", async () => {
    expect(await namesOf(parseQueueFilter({ clause: "1.1", decision: "none" }))).toEqual(["undecided11"]);
  });

  it("is parsed from the URL, ignores values it does not know and round-trips through filterToQuery", async () => {
    expect(parseQueueFilter(new URLSearchParams("decision=none"))).toEqual({ decision: "none" });
    expect(parseQueueFilter(new URLSearchParams("decision=maybe"))).toEqual({});
  });

  it("is the export's condition too (the same WHERE text)", async () => {
    const rows = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM ${QUEUE_FROM_SQL}
      WHERE ${filterSql(consultationId, { decision: "none" })}`;
    expect(Number(rows[0].n)).toBe(2);
  });

  it("has its counts beside each value", async () => {
    const counts = await filterCounts(consultationId);
    expect(Object.fromEntries(counts.decision)).toEqual({ none: 2, accepted: 1, partly_accepted: 1 });
  });
});
