// What an admin is told before what cannot be undone (closing early, publishing the results, publishing a
// new version): the consequence in numbers, from the live data, by the same meaning as the queue
// (feedback items of responses not withdrawn) and the results (words public only where publication allows).
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { PUBLISHABLE } from "@/lib/results/get-results";
import type { TConsultation } from "@/lib/consultations/get-consultation";
import type { TAlignedClause } from "./align-drafts";
import { textChanged } from "./redraft";

/** Responses that count (not withdrawn), optionally since an instant. */
function countLiveResponses(consultationId: string, since?: Date): Promise<number> {
  return db.response.count({
    where: { consultationId, withdrawnAt: null, ...(since ? { submittedAt: { gte: since } } : {}) },
  });
}

export type TCloseCounts =
  | { state: "open"; closesAt: Date; at: Date; responses: number }
  | { state: "notOpen" | "alreadyClosed"; closesAt: Date };

/** Closing early now: the deadline it replaces and the responses received so far, or why it cannot be closed. */
export async function countCloseEarly(
  c: Pick<TConsultation, "id" | "opensAt" | "closesAt" | "publishedAt" | "resultsPublishedAt">,
  at: Date,
): Promise<TCloseCounts> {
  if (c.publishedAt && !c.resultsPublishedAt && at >= c.closesAt)
    return { state: "alreadyClosed", closesAt: c.closesAt };
  if (!c.publishedAt || c.resultsPublishedAt || at <= c.opensAt) return { state: "notOpen", closesAt: c.closesAt };
  return { state: "open", closesAt: c.closesAt, at, responses: await countLiveResponses(c.id) };
}

export type TClauseUndecided = {
  key: string | null;
  number: string | null;
  kind: "preamble" | "principle" | "action" | null;
  removed: boolean;
  items: number;
  undecided: number;
};
export type TResultsCounts = { items: number; undecided: number; published: number; clauses: TClauseUndecided[] };

/**
 * Publishing the results: feedback items and those with no decision yet (the queue's "no decision"), the
 * clauses that still have such items in draft order (general comments last), and the comments whose words
 * the results will show (cleared, and the respondent agreed; spam and duplicates never).
 */
export async function countResults(consultationId: string): Promise<TResultsCounts> {
  const rows = await db.$queryRaw<
    {
      key: string | null;
      number: string | null;
      kind: TClauseUndecided["kind"];
      removed: boolean;
      items: bigint;
      undecided: bigint;
      published: bigint;
    }[]
  >(Prisma.sql`
    SELECT c.key, c.number, c.kind::text AS kind, (c.removed_in_version IS NOT NULL) AS removed,
      count(*) AS items, count(*) FILTER (WHERE tr.disposition IS NULL) AS undecided,
      count(*) FILTER (WHERE tr.status NOT IN ('spam', 'duplicate') AND ${PUBLISHABLE} AND (fi.comment IS NOT NULL OR fi.proposed_wording IS NOT NULL)) AS published
    FROM feedback_item fi
    JOIN feedback_triage tr ON tr.feedback_item_id = fi.id
    JOIN response r ON r.id = fi.response_id
    JOIN consultation k ON k.id = r.consultation_id
    LEFT JOIN clause c ON c.id = fi.clause_id
    WHERE r.consultation_id = ${consultationId}::uuid AND r.withdrawn_at IS NULL
    GROUP BY c.id
    ORDER BY min(c.position) NULLS LAST`);
  const clauses = rows.map((r) => ({
    key: r.key,
    number: r.number,
    kind: r.kind,
    removed: r.removed,
    items: Number(r.items),
    undecided: Number(r.undecided),
  }));
  return {
    items: clauses.reduce((n, r) => n + r.items, 0),
    undecided: clauses.reduce((n, r) => n + r.undecided, 0),
    published: rows.reduce((n, r) => n + Number(r.published), 0),
    clauses: clauses.filter((r) => r.undecided > 0),
  };
}

export type TRedraftCounts = {
  changed: number;
  unchanged: number;
  added: number;
  removed: number;
  responses: number;
  answeredCurrent: number;
};

/**
 * Publishing a new version with this mapping (new clause key → the current clause it carries over, or null):
 * clauses whose text changes, stay the same, are added or removed; the responses so far, and those received
 * since the current version was published (all of them for version 1).
 */
export async function countRedraft(
  c: TConsultation,
  next: TAlignedClause[],
  mapping: Record<string, string | null>,
): Promise<TRedraftCounts> {
  const byId = new Map(c.clauses.map((k) => [k.id, k]));
  let changed = 0,
    unchanged = 0,
    added = 0;
  for (const n of next) {
    const old = mapping[n.key] ? byId.get(mapping[n.key]!) : undefined;
    if (!old) added += 1;
    else if (textChanged(old, n)) changed += 1;
    else unchanged += 1;
  }
  const chosen = new Set(Object.values(mapping));
  const removed = c.clauses.filter((k) => !chosen.has(k.id)).length;
  const since =
    c.draftVersion > 1
      ? (
          await db.adminEvent.findFirst({
            where: { action: "consultation.redraft", target: c.slug },
            orderBy: { at: "desc" },
            select: { at: true },
          })
        )?.at
      : undefined;
  const responses = await countLiveResponses(c.id);
  const answeredCurrent = since ? await countLiveResponses(c.id, since) : responses;
  return { changed, unchanged, added, removed, responses, answeredCurrent };
}
