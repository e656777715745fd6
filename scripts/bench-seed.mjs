// Synthetic feedback for the benchmarks: one consultation with `items` items
// (two per response), varied enough for every queue filter to mean something.
export async function seedSyntheticFeedback(client, { slug, items }) {
  const { rows } = await client.query(
    `INSERT INTO consultation (slug, reference_prefix, title_en, title_fr, summary_en, summary_fr, asked_for_en, asked_for_fr, audience_en, audience_fr, opens_at, closes_at, time_zone, published_at, original_closes_at)
     VALUES ($1, 'BENCH', 'Bench', 'Bench', 's', 's', 'a', 'a', 'x', 'x', now() - interval '60 days', now() + interval '1 day', 'Europe/Paris',
       now() - interval '60 days', now() + interval '1 day') RETURNING id`,
    [slug],
  );
  const id = rows[0].id;
  await client.query(
    `INSERT INTO clause (consultation_id, key, kind, number, position, heading_en, heading_fr, body_en, body_fr)
     SELECT $1, g::text, 'principle', g::text, g, 'Principle ' || g, 'Principe ' || g, 'Body', 'Corps' FROM generate_series(1, 5) g`,
    [id],
  );
  await client.query(
    `INSERT INTO response (consultation_id, reference, idempotency_key, submitted_at, locale, channel, respondent_type, country, organisation_name, public_sector, publication, privacy_consent_at)
     SELECT $1, 'BENCH-' || substr(md5($2), 1, 8) || '-' || lpad(g::text, 7, '0'), 'bench-' || substr(md5($2), 1, 8) || '-' || g, now() - ((g % 50) || ' days')::interval - (g || ' seconds')::interval, 'en', 'api',
       (ARRAY['individual','organisation','group','local_government']::respondent_type[])[1 + g % 4], (ARRAY['FR','DE','CA','JP','BR'])[1 + g % 5],
       CASE WHEN g % 4 = 0 THEN NULL ELSE 'Organisation ' || g END, g % 2 = 0, 'anonymous', now()
     FROM generate_series(1, $3::int) g`,
    [id, slug, items / 2],
  );
  await client.query(
    // Derived as the derive-items job would have done by now (lib/feedback/derive-items.ts), languages left to it.
    `INSERT INTO feedback_item (response_id, clause_id, aspect, position, rating, comment, search, fingerprint)
     SELECT x.*, feedback_item_vector(NULL, x.comment, NULL, NULL, NULL), feedback_item_fingerprint(x.comment) FROM (
     SELECT r.id, c.id AS clause_id, 'clarity'::feedback_aspect, 0, 1 + (r.number % 5)::int,
       CASE WHEN r.number % 250 = 7
         -- 1 in 250: one of 60 form letters (60 campaigns of about 33 items at 1 M, beside the large one below)
         THEN 'Letter ' || (r.number / 250) % 60 || ': our network number ' || (r.number / 250) % 60 || ' asks the committee to fund pilot ' || (r.number / 250) % 60 || ' in every region.'
         ELSE 'Synthetic comment ' || r.number || ' on ' || (ARRAY['innovation','partnership','budget','training','evaluation','leadership'])[1 + r.number % 6]
         || CASE WHEN r.number % 1000 = 0 THEN ' with a rare zeitgeist' ELSE '' END || '; = not a formula' END AS comment
     FROM response r JOIN clause c ON c.consultation_id = r.consultation_id AND c.key = (1 + r.number % 5)::text
     WHERE r.consultation_id = $1) x`,
    [id],
  );
  // Some already triaged (the state is feedback_triage's, one row per item made by a trigger).
  await client.query(
    `UPDATE feedback_triage tr SET status = CASE WHEN r.number % 100 = 0 THEN 'spam' ELSE 'in_review' END::item_status
     FROM feedback_item fi JOIN response r ON r.id = fi.response_id
     WHERE tr.feedback_item_id = fi.id AND r.consultation_id = $1 AND r.number % 20 = 0`,
    [id],
  );
  // Every "language" item has the same comment: one campaign of half the items (long enough to be grouped).
  await client.query(
    `INSERT INTO feedback_item (response_id, clause_id, aspect, position, term, proposed_wording, comment, search, fingerprint)
     SELECT x.*, feedback_item_vector(NULL, x.comment, x.term, x.proposed_wording, NULL), feedback_item_fingerprint(x.comment) FROM (
     SELECT r.id, c.id AS clause_id, 'language'::feedback_aspect, 1, CASE WHEN r.number % 3 = 0 THEN 'public servants' ELSE 'weak signals' END AS term,
       'early signs of change' AS proposed_wording, '=SUM(A1:A9) should be neutralised in every spreadsheet export' AS comment
     FROM response r JOIN clause c ON c.consultation_id = r.consultation_id AND c.key = '1'
     WHERE r.consultation_id = $1) x`,
    [id],
  );
  const tag = await client.query(
    `INSERT INTO tag (consultation_id, key, name) VALUES ($1, 'campaign', 'Campaign') RETURNING id`,
    [id],
  );
  await client.query(
    `INSERT INTO feedback_item_tag (feedback_item_id, tag_id)
     SELECT fi.id, $2 FROM feedback_item fi JOIN response r ON r.id = fi.response_id WHERE r.consultation_id = $1 AND r.number % 97 = 0`,
    [id, tag.rows[0].id],
  );
  await client.query("ANALYZE response; ANALYZE feedback_item; ANALYZE feedback_triage; ANALYZE feedback_item_tag");
  return id;
}

/**
 * A consultation whose results can be published: a fifth of the items decided (with a reason), half of those
 * cleared for publication, and its deadline passed. Returns an admin's id (who publishes).
 */
export async function closeWithDecisions(client, id, slug) {
  await client.query(
    `UPDATE feedback_triage tr SET disposition = (ARRAY['accepted','partly_accepted','not_accepted']::disposition[])[1 + r.number % 3],
       disposition_reason = 'Reason ' || (r.number % 10)
     FROM feedback_item fi JOIN response r ON r.id = fi.response_id
     WHERE tr.feedback_item_id = fi.id AND r.consultation_id = $1 AND r.number % 5 = 0`,
    [id],
  );
  await client.query(
    `UPDATE feedback_item fi SET cleared_at = now()
     FROM response r WHERE r.id = fi.response_id AND r.consultation_id = $1 AND r.number % 10 = 0`,
    [id],
  );
  await client.query(`UPDATE consultation SET closes_at = now() - interval '1 minute' WHERE id = $1`, [id]);
  const admin = await client.query(
    `INSERT INTO app_user (email, name, role, password_hash) VALUES ($1, 'Bench admin', 'admin', '$argon2id$v=19$m=19456,t=2,p=1$x$y') RETURNING id`,
    [`${slug}@example.org`],
  );
  await client.query("ANALYZE feedback_item; ANALYZE feedback_triage");
  return admin.rows[0].id;
}
