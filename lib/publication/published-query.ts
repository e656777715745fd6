// What the public may read: comments a moderator cleared, from respondents
// who agreed to publication, not withdrawn; and formal country responses once
// submitted (unless the consultation turned that off). Never an email, an
// address hash or a reference; a name or organisation only when the
// respondent chose "named". Nothing of a consultation not yet published. One condition, shared by the page, the API and
// the open-data export.
export const PUBLISHED_COLUMNS = [
  "id",
  "clause_number",
  "aspect",
  "rating",
  "stance",
  "comment",
  "term",
  "proposed_wording",
  "country_context",
  "respondent_type",
  "country",
  "author",
  "official",
  "submitted_on",
] as const;

/** SELECT over the published items of consultation $1, optionally one clause ($2, null for all), after a keyset cursor ($3, $4). */
export const PUBLISHED_SQL = `
  SELECT fi.id, c.number AS clause_number, c.key AS clause_key, fi.aspect::text AS aspect, fi.rating, fi.stance::text AS stance, fi.comment,
    fi.term, fi.proposed_wording, fi.country_context, r.respondent_type::text AS respondent_type, r.country,
    CASE WHEN r.publication = 'named' THEN NULLIF(concat_ws(', ', r.respondent_name, r.organisation_name), '') END AS author,
    (r.channel = 'formal') AS official, to_char(r.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS submitted_on,
    r.number, fi.position
  FROM feedback_item fi
  JOIN response r ON r.id = fi.response_id
  JOIN consultation k ON k.id = r.consultation_id
  LEFT JOIN clause c ON c.id = fi.clause_id
  WHERE r.consultation_id = $1::uuid AND k.published_at IS NOT NULL AND r.withdrawn_at IS NULL AND r.publication <> 'none'
    AND (fi.cleared_at IS NOT NULL OR (r.channel = 'formal' AND k.publish_formal))
    AND ($2::text IS NULL OR c.key = $2::text)
    AND ($3::bigint IS NULL OR (r.number, fi.position) > ($3::bigint, $4::int))
  ORDER BY r.number, fi.position`;

export type TPublishedItem = {
  id: string;
  clause_number: string | null;
  clause_key: string | null;
  aspect: string;
  rating: number | null;
  stance: string | null;
  comment: string | null;
  term: string | null;
  proposed_wording: string | null;
  country_context: string | null;
  respondent_type: string;
  country: string;
  author: string | null;
  official: boolean;
  submitted_on: string;
  number: bigint;
  position: number;
};
