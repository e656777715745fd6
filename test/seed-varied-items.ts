// Varied responses straight into the database, for the results tests (integration and e2e): every
// respondent type, several countries, each publication choice, withdrawn responses, spam and duplicates,
// every decision and none, cleared and not, ratings with and without words, proposed wordings and general
// comments, spread over the consultation's current clauses. Plain parameterised SQL through any pg-like client.
type TQuery = { query: (text: string, params: unknown[]) => Promise<unknown> };

export async function seedVariedItems(client: TQuery, consultationId: string, responses: number): Promise<void> {
  await client.query(
    `INSERT INTO response (consultation_id, reference, idempotency_key, submitted_at, locale, channel, respondent_type, country, public_sector,
       publication, privacy_consent_at, withdrawn_at, respondent_name, organisation_name)
     SELECT $1::uuid, 'VAR-' || substr(md5($1::text), 1, 8) || '-' || g, 'var-' || substr(md5($1::text), 1, 8) || '-' || g, now(), 'en',
       CASE WHEN g % 7 = 0 THEN 'api' ELSE 'web' END,
       (ARRAY['individual', 'organisation', 'group', 'local_government', 'individual', 'organisation'])[1 + g % 6]::respondent_type,
       (ARRAY['FR', 'DE', 'JP', 'CA', 'KE', 'BR', 'FR'])[1 + g % 7], g % 2 = 0,
       (ARRAY['anonymous', 'named', 'none'])[1 + g % 3]::publication, now(),
       CASE WHEN g % 23 = 0 THEN now() END, 'Respondent ' || g, CASE WHEN g % 6 NOT IN (0, 4) THEN 'Organisation ' || g END
     FROM generate_series(1, $2::int) g`,
    [consultationId, responses],
  );
  // n = the response's number in this seed (1..responses); items at positions 0..3.
  await client.query(
    `WITH k AS (SELECT array_agg(id ORDER BY position) AS ids FROM clause WHERE consultation_id = $1::uuid AND removed_in_version IS NULL),
     r AS (SELECT id, row_number() OVER (ORDER BY number) AS n FROM response WHERE consultation_id = $1::uuid AND reference LIKE 'VAR-%'),
     items AS (
       SELECT r.id AS response_id, r.n, p.position,
         CASE WHEN p.position = 2 THEN NULL ELSE k.ids[1 + ((r.n + p.position) % array_length(k.ids, 1))] END AS clause_id
       FROM r CROSS JOIN k CROSS JOIN generate_series(0, 3) p(position)
       WHERE p.position = 0 OR (p.position = 1 AND r.n % 2 = 0) OR (p.position = 2 AND r.n % 5 = 0) OR (p.position = 3 AND r.n % 4 = 1))
     INSERT INTO feedback_item (response_id, clause_id, aspect, position, rating, comment, term, proposed_wording, clause_version, cleared_at)
     SELECT response_id, clause_id,
       (ARRAY['clarity', 'feasibility', 'general', 'language'])[1 + position]::feedback_aspect, position,
       CASE WHEN position = 1 OR (position = 0 AND (n % 11 <> 0 OR n % 3 = 1)) THEN 1 + ((n * 7 + position) % 5)::int END,
       CASE WHEN position = 0 AND n % 3 <> 1 THEN 'Comment ' || n || ': the wording of this clause could be read in two ways by a public servant.'
            WHEN position = 2 THEN 'General remark ' || n || ' on the whole draft.' END,
       CASE WHEN position = 3 THEN 'term ' || n END,
       CASE WHEN position = 3 THEN 'Proposed wording ' || n END,
       CASE WHEN clause_id IS NOT NULL THEN 1 END,
       CASE WHEN (n + position) % 3 <> 2 THEN now() END
     FROM items`,
    [consultationId],
  );
  // Their moderation state (feedback_triage, one row per item made by a trigger), by the same n.
  await client.query(
    `WITH r AS (SELECT id, row_number() OVER (ORDER BY number) AS n FROM response WHERE consultation_id = $1::uuid AND reference LIKE 'VAR-%')
     UPDATE feedback_triage tr SET
       status = (CASE WHEN (n + position) % 17 = 0 THEN 'spam' WHEN (n + position) % 19 = 0 THEN 'duplicate' WHEN n % 2 = 0 THEN 'addressed' ELSE 'new' END)::item_status,
       disposition = (ARRAY['accepted', 'partly_accepted', 'not_accepted', NULL])[1 + (n + position) % 4]::disposition,
       disposition_reason = CASE WHEN (n + position) % 4 < 3 THEN 'Reason ' || n END
     FROM feedback_item fi JOIN r ON r.id = fi.response_id
     WHERE tr.feedback_item_id = fi.id`,
    [consultationId],
  );
}
