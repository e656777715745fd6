// An item's place in the queue of a filter: the previous and next items (in
// the queue's own order, see list-feedback.ts: newest or oldest response first,
// then the item's position in its response) and "12 of 340". Keyset queries
// from the item itself, so an item that has left the filter (its status just
// changed) still has a next one.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { walkOrGather, WALK_BUDGET_MS } from "@/lib/walk-or-gather";
import { filterCounts } from "./filter-counts";
import type { TQueueFilter } from "./queue-filter";
import { filterSql, QUEUE_FROM_SQL } from "./filter-sql";

/**
 * Counts stop at this many: counting every item of a large filter at 1 M items
 * costs more than a save. Beyond it, the total is "about N" from the cached
 * filter counts (refreshed every 10 s) when the filter is one of theirs (or
 * none), else "more than COUNT_CAP"; a position beyond it is "beyond COUNT_CAP".
 */
export const COUNT_CAP = 1000;

type TKey = { number: bigint; position: number; consultation_id: string };

async function keyOf(itemId: string): Promise<TKey | null> {
  const rows = await db.$queryRaw<
    TKey[]
  >`SELECT r.number, fi.position, r.consultation_id FROM feedback_item fi JOIN response r ON r.id = fi.response_id WHERE fi.id = ${itemId}::uuid`;
  return rows[0] ?? null;
}

/**
 * Items after (or before) `key` in the queue's order, and the order to walk them in from `key`
 * (`gathered`: over the columns `number` and `position` of gathered matches, see walk-or-gather.ts).
 */
function side(
  key: TKey,
  oldest: boolean,
  dir: "after" | "before",
  gathered = false,
): { cond: Prisma.Sql; order: Prisma.Sql } {
  // The queue: response number descending (newest) or ascending (oldest), then the item's position ascending.
  const smaller = (dir === "after") !== oldest;
  const num = smaller ? Prisma.sql`r.number < ${key.number}` : Prisma.sql`r.number > ${key.number}`;
  const pos = dir === "after" ? Prisma.sql`fi.position > ${key.position}` : Prisma.sql`fi.position < ${key.position}`;
  const cond = Prisma.sql`(${num} OR (r.number = ${key.number} AND ${pos}))`;
  const order = Prisma.sql`${Prisma.raw(gathered ? "number" : "r.number")} ${Prisma.raw(smaller ? "DESC" : "ASC")}, ${Prisma.raw(gathered ? "position" : "fi.position")} ${Prisma.raw(dir === "after" ? "ASC" : "DESC")}`;
  return { cond, order };
}

async function neighbour(
  consultationId: string,
  filter: TQueueFilter,
  key: TKey,
  dir: "after" | "before",
  budgetMs: number,
): Promise<string | null> {
  const oldest = filter.sort === "oldest";
  const { cond, order } = side(key, oldest, dir);
  const where = Prisma.sql`${filterSql(consultationId, filter)} AND ${cond}`;
  const rows = await walkOrGather<{ id: string }>(
    Prisma.sql`SELECT fi.id FROM ${QUEUE_FROM_SQL} WHERE ${where} ORDER BY ${order} LIMIT 1`,
    Prisma.sql`WITH m AS MATERIALIZED (SELECT fi.id, r.number, fi.position FROM ${QUEUE_FROM_SQL} WHERE ${where})
      SELECT id FROM m ORDER BY ${side(key, oldest, dir, true).order} LIMIT 1`,
    budgetMs,
  );
  return rows[0]?.id ?? null;
}

/** The next item of the filter (over the item's own consultation) after `itemId`, null at the end: what "Save and next" goes to. */
export async function nextItem(
  filter: TQueueFilter,
  itemId: string,
  budgetMs = WALK_BUDGET_MS,
): Promise<string | null> {
  const key = await keyOf(itemId);
  return key ? neighbour(key.consultation_id, filter, key, "after", budgetMs) : null;
}

/** How many items match `extra` within the filter, counting up to COUNT_CAP + 1. */
async function cappedCount(
  consultationId: string,
  filter: TQueueFilter,
  extra: Prisma.Sql,
  budgetMs: number,
): Promise<number> {
  const where = Prisma.sql`${filterSql(consultationId, filter)} AND ${extra}`;
  // The walk stops at the cap; the gathered count (past the walk's budget) counts every match, then caps.
  const rows = await walkOrGather<{ n: bigint }>(
    Prisma.sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${QUEUE_FROM_SQL} WHERE ${where} LIMIT ${COUNT_CAP + 1}) x`,
    Prisma.sql`SELECT least(count(*), ${COUNT_CAP + 1}) AS n FROM ${QUEUE_FROM_SQL} WHERE ${where}`,
    budgetMs,
  );
  return Number(rows[0].n);
}

/** A count as shown: exact, about (from the cached counts), or more than COUNT_CAP. */
export type TCount = { n: number; kind: "exact" | "about" | "more" };

/** The total of a large filter from the cached per-value counts, when the filter is one of theirs (or none). */
async function aboutTotal(consultationId: string, filter: TQueueFilter): Promise<number | null> {
  const keys = Object.entries(filter)
    .filter(([k, v]) => v !== undefined && k !== "sort")
    .map(([k]) => k);
  if (keys.length > 1) return null;
  const counts = await filterCounts(consultationId);
  if (keys.length === 0) return [...counts.status.values()].reduce((a, b) => a + b, 0);
  const k = keys[0];
  const v = filter[k as keyof TQueueFilter];
  if (k === "status" || k === "aspect" || k === "type" || k === "clause" || k === "country" || k === "tag")
    return counts[k].get(String(v)) ?? null;
  if (k === "official") return counts.official.get("1") ?? null;
  return null;
}

export type TPlace = {
  previous: string | null;
  next: string | null;
  /** 1-based place of the item in the filter; null when the item is not (or no longer) in it; `more` beyond COUNT_CAP. */
  position: TCount | null;
  total: TCount;
};

/** The item's previous and next items in the filter, its position and the filter's size. */
/** `budgetMs`: the walks' time budget (walk-or-gather.ts); 0 gathers at once. */
export async function itemPlace(
  filter: TQueueFilter,
  itemId: string,
  budgetMs = WALK_BUDGET_MS,
): Promise<TPlace | null> {
  const key = await keyOf(itemId);
  if (!key) return null;
  const consultationId = key.consultation_id;
  const oldest = filter.sort === "oldest";
  const before = side(key, oldest, "before").cond;
  // A filter the cached counts know to be large is not counted again.
  const cached = await aboutTotal(consultationId, filter);
  const [previous, next, inFilter, ahead, total] = await Promise.all([
    neighbour(consultationId, filter, key, "before", budgetMs),
    neighbour(consultationId, filter, key, "after", budgetMs),
    cappedCount(consultationId, filter, Prisma.sql`fi.id = ${itemId}::uuid`, budgetMs),
    cappedCount(consultationId, filter, before, budgetMs),
    cached !== null && cached > 2 * COUNT_CAP
      ? COUNT_CAP + 1
      : cappedCount(consultationId, filter, Prisma.sql`TRUE`, budgetMs),
  ]);
  let totalCount: TCount = { n: total, kind: "exact" };
  if (total > COUNT_CAP)
    totalCount = cached !== null && cached > COUNT_CAP ? { n: cached, kind: "about" } : { n: COUNT_CAP, kind: "more" };
  const position: TCount | null =
    inFilter === 0 ? null : ahead >= COUNT_CAP ? { n: COUNT_CAP, kind: "more" } : { n: ahead + 1, kind: "exact" };
  return { previous, next, position, total: totalCount };
}
