// What the results show, from the live data: per clause, comments by aspect,
// average ratings, what was decided on each comment (the response matrix) and
// the final text. A comment's own words appear only where publication allows
// (see lib/publication/published-query.ts). build-results.ts computes it once,
// at publication, into the copy the public reads.
import { Prisma } from "@/lib/generated/prisma/client";

/** SQL: true when the public may read this item's text (fi, r, k = feedback_item, response, consultation). */
export const PUBLISHABLE = Prisma.sql`(r.publication <> 'none' AND (fi.cleared_at IS NOT NULL OR (r.channel = 'formal' AND k.publish_formal)))`;

/**
 * Every matrix row of a consultation, unordered, with what orders it: clause position, decided items
 * first (by disposition), then response and item order. Spam and duplicates are left out.
 */
export const resultsSelect = (consultationId: string) => Prisma.sql`
  SELECT c.position AS clause_position, tr.disposition AS disposition_order, r.number, fi.position, fi.id AS feedback_item_id,
    fi.clause_id, c.number AS clause_number, c.key AS clause_key, fi.aspect::text AS aspect, fi.rating, fi.stance::text AS stance,
    CASE WHEN ${PUBLISHABLE} THEN fi.comment END AS comment,
    CASE WHEN ${PUBLISHABLE} THEN fi.proposed_wording END AS proposed_wording,
    ${PUBLISHABLE} AS published, tr.disposition::text AS disposition, tr.disposition_reason, (r.channel = 'formal') AS official,
    CASE WHEN r.channel = 'formal' THEN r.country END AS country
  FROM feedback_item fi
  JOIN feedback_triage tr ON tr.feedback_item_id = fi.id
  JOIN response r ON r.id = fi.response_id
  JOIN consultation k ON k.id = r.consultation_id
  LEFT JOIN clause c ON c.id = fi.clause_id
  WHERE r.consultation_id = ${consultationId}::uuid AND r.withdrawn_at IS NULL AND tr.status NOT IN ('spam', 'duplicate')`;

export type TMatrixRow = {
  clause_number: string | null;
  clause_key: string | null;
  aspect: string;
  rating: number | null;
  stance: string | null;
  comment: string | null;
  proposed_wording: string | null;
  published: boolean;
  disposition: string | null;
  disposition_reason: string | null;
  official: boolean;
  country: string | null;
};
