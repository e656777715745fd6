// One page of a consultation's feedback items, newest response first, with
// keyset pagination (no OFFSET: page 10,000 costs what page 1 costs).
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";

export const PAGE_SIZE = 50;

export type TQueueFilter = { clause?: string; aspect?: string; status?: string; after?: string };

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
  number: bigint;
  position: number;
};

/** "1234.2" → the response number and the item position to continue after. */
function parseCursor(after?: string): { number: bigint; position: number } | null {
  const m = /^(\d{1,18})\.(\d{1,6})$/.exec(after ?? "");
  return m ? { number: BigInt(m[1]), position: Number(m[2]) } : null;
}

export function cursorOf(item: Pick<TQueueItem, "number" | "position">): string {
  return `${item.number}.${item.position}`;
}

export async function listFeedback(consultationId: string, filter: TQueueFilter): Promise<{ items: TQueueItem[]; next: string | null }> {
  const conditions = [Prisma.sql`r.consultation_id = ${consultationId}::uuid`];
  if (filter.clause) conditions.push(Prisma.sql`c.key = ${filter.clause}`);
  if (filter.aspect) conditions.push(Prisma.sql`fi.aspect = ${filter.aspect}::feedback_aspect`);
  if (filter.status) conditions.push(Prisma.sql`fi.status = ${filter.status}::item_status`);
  const cursor = parseCursor(filter.after);
  if (cursor) conditions.push(Prisma.sql`(r.number < ${cursor.number} OR (r.number = ${cursor.number} AND fi.position > ${cursor.position}))`);
  const rows = await db.$queryRaw<TQueueItem[]>`
    SELECT fi.id, r.reference, r.submitted_at, r.respondent_type::text, r.country, r.organisation_name,
      c.number AS clause_number, c.kind::text AS clause_kind, fi.aspect::text, fi.rating, fi.comment, fi.term,
      fi.proposed_wording, fi.country_context, fi.status::text,
      (SELECT string_agg(t.name, ', ' ORDER BY t.name) FROM feedback_item_tag ft JOIN tag t ON t.id = ft.tag_id WHERE ft.feedback_item_id = fi.id) AS tags,
      r.number, fi.position
    FROM feedback_item fi
    JOIN response r ON r.id = fi.response_id
    LEFT JOIN clause c ON c.id = fi.clause_id
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY r.number DESC, fi.position ASC
    LIMIT ${PAGE_SIZE + 1}`;
  const items = rows.slice(0, PAGE_SIZE);
  return { items, next: rows.length > PAGE_SIZE ? cursorOf(items[items.length - 1]) : null };
}

export async function countFeedback(consultationId: string): Promise<number> {
  return db.feedbackItem.count({ where: { response: { consultationId } } });
}
