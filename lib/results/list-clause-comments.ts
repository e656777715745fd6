// One page of a clause's published comments, from the copy made at publication: the clause's
// listed rows are one range of listed_seq (build-results.ts), so any page is a key-range read.
import { db } from "@/lib/db";
import type { TListedRow, TSectionResult } from "./build-results";

export const COMMENTS_PER_PAGE = 25;

export const pageCount = (listed: number) => Math.max(1, Math.ceil(listed / COMMENTS_PER_PAGE));

/** Page `page` (from 1) of the section's published comments; null for a page it does not have. */
export async function listClauseComments(
  consultationId: string,
  section: Pick<TSectionResult, "listed" | "firstListed">,
  page: number,
): Promise<{ rows: TListedRow[]; pages: number } | null> {
  const pages = pageCount(section.listed);
  if (!Number.isInteger(page) || page < 1 || page > pages) return null;
  if (section.firstListed === null) return { rows: [], pages };
  const from = section.firstListed + (page - 1) * COMMENTS_PER_PAGE;
  const to = Math.min(section.firstListed + section.listed, from + COMMENTS_PER_PAGE) - 1;
  const rows = await db.$queryRaw<TListedRow[]>`
    SELECT aspect, rating, stance, comment, proposed_wording, disposition, disposition_reason, official, country,
      feedback_item_id AS id, (withdrawn_at IS NOT NULL) AS withdrawn
    FROM results_row WHERE consultation_id = ${consultationId}::uuid AND listed_seq BETWEEN ${from} AND ${to}
    ORDER BY listed_seq`;
  return { rows, pages };
}
