// A page of published comments (the public page and the read-only API), by keyset.
import { db } from "@/lib/db";
import { numberedSql } from "@/lib/numbered-sql";
import type { z } from "zod";
import type { ZPublishedItem } from "@/lib/api/wire";
import { PUBLISHED_SQL, type TPublishedItem } from "./published-query";

export const PUBLISHED_PAGE = 50;

/** "123.4" → the cursor after response number 123, item position 4. */
export function parseCursor(after: unknown): [bigint, number] | null {
  if (typeof after !== "string" || !/^\d{1,18}\.\d{1,5}$/.test(after)) return null;
  const [n, p] = after.split(".");
  return [BigInt(n), Number(p)];
}

export async function listPublished(
  consultationId: string,
  opts: { clause?: string | null; after?: unknown; limit?: number } = {},
) {
  const limit = Math.min(Math.max(opts.limit ?? PUBLISHED_PAGE, 1), 200);
  const cursor = parseCursor(opts.after);
  const published = numberedSql(PUBLISHED_SQL, [
    consultationId,
    opts.clause ?? null,
    cursor ? cursor[0] : null,
    cursor ? cursor[1] : null,
  ]);
  const rows = await db.$queryRaw<TPublishedItem[]>`${published} LIMIT ${limit + 1}`;
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last ? `${last.number}.${last.position}` : null };
}

/** The published items' public shape (no internal numbers). */
export function publicItem(i: TPublishedItem): z.input<typeof ZPublishedItem> {
  return {
    id: i.id,
    clause: i.clause_number,
    aspect: i.aspect,
    rating: i.rating,
    stance: i.stance,
    comment: i.comment,
    term: i.term,
    proposedWording: i.proposed_wording,
    countryContext: i.country_context,
    respondentType: i.respondent_type,
    country: i.country,
    author: i.author,
    official: i.official,
    submittedOn: i.submitted_on,
  };
}
