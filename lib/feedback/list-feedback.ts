// One page of a consultation's feedback items, newest (or oldest) response first, with
// keyset pagination (no OFFSET: page 10,000 costs what page 1 costs).
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { walkOrGather, WALK_BUDGET_MS } from "@/lib/walk-or-gather";
import type { TQueueFilter } from "./queue-filter";
import { filterSql, QUEUE_FROM_SQL, searchSql } from "./filter-sql";

const RARE = 2000;

/**
 * A search for a rare word is fastest from the GIN index, a common one by
 * walking the newest items until fifty match; PostgreSQL's guess between the
 * two is unreliable, so ask the index how many there are (it stops at RARE).
 */
async function isRareSearch(q: string): Promise<boolean> {
  const rows = await db.$queryRaw<
    { n: bigint }[]
  >`SELECT count(*) AS n FROM (SELECT 1 FROM feedback_item WHERE ${searchSql("", q)} LIMIT ${RARE}) x`;
  return Number(rows[0].n) < RARE;
}

export const PAGE_SIZE = 50;

export type TQueueItem = {
  id: string;
  reference: string;
  submitted_at: Date;
  respondent_type: string;
  country: string;
  organisation_name: string | null;
  clause_number: string | null;
  clause_kind: string | null;
  aspect: string;
  rating: number | null;
  comment: string | null;
  term: string | null;
  proposed_wording: string | null;
  country_context: string | null;
  status: string;
  tags: string | null;
  campaign_id: string | null;
  channel: string;
  stance: string | null;
  in_extension: boolean;
  number: bigint;
  position: number;
  /** ISO 639-3, detected in the background (lib/themes/detect-languages.ts); null until then. */
  detected_language: string | null;
};

/** "1234.2" → the response number and the item position to continue after. */
function parseCursor(after?: string): { number: bigint; position: number } | null {
  const m = /^(\d{1,18})\.(\d{1,6})$/.exec(after ?? "");
  return m ? { number: BigInt(m[1]), position: Number(m[2]) } : null;
}

export function cursorOf(item: Pick<TQueueItem, "number" | "position">): string {
  return `${item.number}.${item.position}`;
}

/** `budgetMs`: the walk's time budget (walk-or-gather.ts); 0 gathers at once (the tests compare both forms). */
export async function listFeedback(
  consultationId: string,
  filter: TQueueFilter,
  after?: string,
  budgetMs = WALK_BUDGET_MS,
): Promise<{ items: TQueueItem[]; next: string | null }> {
  const rare = filter.q ? await isRareSearch(filter.q) : false;
  const conds: Prisma.Sql[] = [filterSql(consultationId, rare ? { ...filter, q: undefined } : filter)];
  // A rare search: its few matches first, from the GIN index (a CTE of the query below).
  const hits =
    rare && filter.q
      ? Prisma.sql`hits AS MATERIALIZED (SELECT id FROM feedback_item WHERE ${searchSql("", filter.q)})`
      : null;
  if (hits) conds.push(Prisma.sql`fi.id IN (SELECT id FROM hits)`);
  const dir = filter.sort === "oldest" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const cursor = parseCursor(after);
  if (cursor) {
    conds.push(
      filter.sort === "oldest"
        ? Prisma.sql`(r.number > ${cursor.number} OR (r.number = ${cursor.number} AND fi.position > ${cursor.position}))`
        : Prisma.sql`(r.number < ${cursor.number} OR (r.number = ${cursor.number} AND fi.position > ${cursor.position}))`,
    );
  }
  const where = Prisma.join(conds, " AND ");
  const select = Prisma.sql`
    SELECT fi.id, r.reference, r.submitted_at, r.respondent_type::text, r.country, r.organisation_name,
       c.number AS clause_number, c.kind::text AS clause_kind, fi.aspect::text, fi.rating, fi.comment, fi.term,
       fi.proposed_wording, fi.country_context, tr.status::text,
       (SELECT string_agg(t.name, ', ' ORDER BY t.name) FROM feedback_item_tag ft JOIN tag t ON t.id = ft.tag_id WHERE ft.feedback_item_id = fi.id) AS tags,
       tr.campaign_id, r.channel, fi.stance::text, r.in_extension, r.number, fi.position, fi.detected_language
     FROM ${QUEUE_FROM_SQL}`;
  const order = Prisma.sql`ORDER BY r.number ${dir}, fi.position ASC`;
  // The page's ids first (the state's and tags' columns are read for those 50 items only, not for every
  // item the walk passes): walked in the queue's order until a page matches, or (past the walk's budget,
  // see walk-or-gather.ts) every match gathered first, then the page's ids taken from them.
  const read = (ctes: Prisma.Sql, top: Prisma.Sql) => Prisma.sql`
    WITH ${hits ? Prisma.sql`${hits}, ` : Prisma.empty}${ctes}top AS (${top})
    ${select} WHERE fi.id IN (SELECT id FROM top) ${order}`;
  const walk = read(
    Prisma.empty,
    Prisma.sql`SELECT fi.id FROM ${QUEUE_FROM_SQL} WHERE ${where} ${order} LIMIT ${PAGE_SIZE + 1}`,
  );
  const gather = read(
    Prisma.sql`m AS MATERIALIZED (SELECT fi.id, r.number, fi.position FROM ${QUEUE_FROM_SQL} WHERE ${where}), `,
    Prisma.sql`SELECT id FROM m ORDER BY number ${dir}, position ASC LIMIT ${PAGE_SIZE + 1}`,
  );
  const rows = await walkOrGather<TQueueItem>(walk, gather, budgetMs);
  const items = rows.slice(0, PAGE_SIZE);
  return { items, next: rows.length > PAGE_SIZE ? cursorOf(items[items.length - 1]) : null };
}
