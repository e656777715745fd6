// Many published comments at once (cleared, anonymous), for tests that need an
// export too big to fit in the stream's buffers.
import { db } from "@/lib/db";

export async function seedPublishedItems(consultationId: string, items: number): Promise<void> {
  await db.$executeRaw`
    INSERT INTO response (consultation_id, reference, idempotency_key, submitted_at, locale, channel, respondent_type, country, public_sector, publication, privacy_consent_at)
    SELECT ${consultationId}::uuid, 'SEED-' || substr(md5(${consultationId}), 1, 8) || '-' || g, 'seed-' || substr(md5(${consultationId}), 1, 8) || '-' || g,
      now(), 'en', 'api', 'individual', 'FR', true, 'anonymous', now()
    FROM generate_series(1, ${items}::int) g`;
  await db.$executeRaw`
    INSERT INTO feedback_item (response_id, clause_id, aspect, position, rating, comment, cleared_at)
    SELECT r.id, c.id, 'clarity', 0, 1 + (r.number % 5)::int, 'Seeded comment number ' || r.number || ', long enough to fill a buffer quickly.', now()
    FROM response r JOIN clause c ON c.consultation_id = r.consultation_id AND c.key = '1.1'
    WHERE r.consultation_id = ${consultationId}::uuid`;
}
