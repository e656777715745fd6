// Integration-test data for campaigns: items straight into the database (one response each),
// fast enough for hundreds of comments.
import { db } from "@/lib/db";

/** One response per comment, each with one general comment; returns the items' ids in order. */
export async function insertComments(
  consultationId: string,
  comments: string[],
  opts: { daysAgo?: (i: number) => number } = {},
): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH input AS (
      SELECT t.comment, t.ord FROM unnest(${comments}::text[]) WITH ORDINALITY AS t(comment, ord)
    ), resp AS (
      INSERT INTO response (consultation_id, reference, idempotency_key, submitted_at, locale, channel, respondent_type, country, public_sector, publication, privacy_consent_at)
      SELECT ${consultationId}::uuid, 'FIX-' || substr(md5(random()::text), 1, 10) || '-' || ord, 'fix-' || gen_random_uuid(),
        now() - make_interval(days => (${opts.daysAgo ? comments.map((_, i) => opts.daysAgo!(i)) : comments.map(() => 0)}::int[])[ord]),
        'en', 'web', 'individual', 'FR', true, 'anonymous', now()
      FROM input
      RETURNING id, reference
    )
    INSERT INTO feedback_item (response_id, aspect, position, comment)
    SELECT resp.id, 'general', 0, input.comment
    FROM resp JOIN input ON resp.reference LIKE '%-' || input.ord
    RETURNING id`;
  // RETURNING order is not guaranteed: map back by comment order through the response reference.
  const ordered = await db.$queryRaw<{ id: string }[]>`
    SELECT fi.id FROM feedback_item fi JOIN response r ON r.id = fi.response_id
    WHERE fi.id = ANY(${rows.map((r) => r.id)}::uuid[])
    ORDER BY substring(r.reference from '-([0-9]+)$')::int`;
  return ordered.map((r) => r.id);
}
