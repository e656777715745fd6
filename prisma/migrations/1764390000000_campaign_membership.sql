-- Up Migration
-- Campaigns a moderator can correct, listed fast at a million items:
-- * a merged campaign stays as an alias (merged_into_id) so later runs put its
--   letters into the campaign it was merged into;
-- * campaign_exclusion: items a moderator took out of a campaign; no run puts
--   them back;
-- * campaign.size and campaign_count (items per status and decision) are kept
--   true by a statement-level trigger on feedback_item (transition tables: one
--   aggregate per statement, whatever the statement and whoever wrote it);
--   first_at/last_at (submission range) are written by the statements that
--   change membership (lib/feedback/group-campaigns.ts, lib/campaigns/*).
ALTER TABLE "campaign" ADD COLUMN "merged_into_id" UUID,
  ADD COLUMN "size" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "first_at" TIMESTAMPTZ(3),
  ADD COLUMN "last_at" TIMESTAMPTZ(3);
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "campaign_merged_into_id_idx" ON "campaign"("merged_into_id");
-- The list: largest first, keyset-paginated, merged aliases left out.
CREATE INDEX "campaign_list_idx" ON "campaign" ("consultation_id", "size" DESC, "id") WHERE "merged_into_id" IS NULL;

-- A campaign's items, page by page, in a stable order; it serves "campaign_id = …" too, so it replaces
-- the one-column index (one index less to write when a run sets campaign_id on 500,000 items).
CREATE INDEX "feedback_item_campaign_id_id_idx" ON "feedback_item"("campaign_id", "id");
DROP INDEX "feedback_item_campaign_id_idx";

CREATE TABLE "campaign_exclusion" (
    "feedback_item_id" UUID NOT NULL,
    "removed_by_id" UUID,
    "removed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaign_exclusion_pkey" PRIMARY KEY ("feedback_item_id")
);
ALTER TABLE "campaign_exclusion" ADD CONSTRAINT "campaign_exclusion_feedback_item_id_fkey" FOREIGN KEY ("feedback_item_id") REFERENCES "feedback_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "campaign_exclusion" ADD CONSTRAINT "campaign_exclusion_removed_by_id_fkey" FOREIGN KEY ("removed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- disposition '' = no decision yet (a primary key cannot hold NULL).
CREATE TABLE "campaign_count" (
    "campaign_id" UUID NOT NULL,
    "status" "item_status" NOT NULL,
    "disposition" VARCHAR(20) NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "campaign_count_pkey" PRIMARY KEY ("campaign_id", "status", "disposition")
);
ALTER TABLE "campaign_count" ADD CONSTRAINT "campaign_count_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One statement's changes of (campaign, status, decision) as rows of ±1, summed
-- per campaign, status and decision, then added to campaign_count and
-- campaign.size. Campaigns deleted by the same statement (their items set to
-- NULL by the foreign key) are skipped.
CREATE FUNCTION "campaign_count_apply"(deltas JSONB) RETURNS void LANGUAGE sql AS $fn$
  WITH d AS (
    SELECT (e->>'c')::uuid AS campaign_id, (e->>'s')::item_status AS status, e->>'p' AS disposition, (e->>'n')::int AS n
    FROM jsonb_array_elements(deltas) e
  ), agg AS (
    SELECT d.campaign_id, d.status, d.disposition, sum(d.n)::int AS n
    FROM d JOIN campaign cp ON cp.id = d.campaign_id
    GROUP BY 1, 2, 3 HAVING sum(d.n) <> 0
  ), counted AS (
    INSERT INTO campaign_count AS cc (campaign_id, status, disposition, n)
    SELECT campaign_id, status, disposition, n FROM agg ORDER BY 1, 2, 3
    ON CONFLICT (campaign_id, status, disposition) DO UPDATE SET n = cc.n + EXCLUDED.n
  )
  UPDATE campaign cp SET size = cp.size + s.n
  FROM (SELECT campaign_id, sum(n)::int AS n FROM agg GROUP BY 1 HAVING sum(n) <> 0) s
  WHERE cp.id = s.campaign_id;
$fn$;

CREATE FUNCTION "campaign_count_trigger"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE deltas JSONB;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('c', campaign_id, 's', status, 'p', coalesce(disposition::text, ''), 'n', n)) INTO deltas
    FROM (SELECT campaign_id, status, disposition, count(*) AS n FROM new_rows WHERE campaign_id IS NOT NULL GROUP BY 1, 2, 3) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('c', campaign_id, 's', status, 'p', coalesce(disposition::text, ''), 'n', -n)) INTO deltas
    FROM (SELECT campaign_id, status, disposition, count(*) AS n FROM old_rows WHERE campaign_id IS NOT NULL GROUP BY 1, 2, 3) x;
  ELSE
    -- The new rows counted in, the old rows counted out: unchanged rows cancel. No join of the two
    -- transition tables (they have no index: a join of 100,000 rows each would be quadratic).
    SELECT jsonb_agg(jsonb_build_object('c', campaign_id, 's', status, 'p', disposition, 'n', n)) INTO deltas
    FROM (
      SELECT campaign_id, status, disposition, sum(d) AS n
      FROM (
        SELECT campaign_id, status, coalesce(disposition::text, '') AS disposition, -1 AS d FROM old_rows WHERE campaign_id IS NOT NULL
        UNION ALL
        SELECT campaign_id, status, coalesce(disposition::text, ''), 1 FROM new_rows WHERE campaign_id IS NOT NULL
      ) x
      GROUP BY 1, 2, 3 HAVING sum(d) <> 0
    ) y;
  END IF;
  IF deltas IS NOT NULL THEN
    PERFORM campaign_count_apply(deltas);
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER "feedback_item_campaign_count_ins" AFTER INSERT ON "feedback_item"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_count_trigger();
CREATE TRIGGER "feedback_item_campaign_count_upd" AFTER UPDATE ON "feedback_item"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_count_trigger();
CREATE TRIGGER "feedback_item_campaign_count_del" AFTER DELETE ON "feedback_item"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_count_trigger();

-- A moderator's change of an item's campaign (removed from it, merged) is audited.
ALTER TABLE "moderation_event" DROP CONSTRAINT "moderation_event_field_check",
  ADD CONSTRAINT "moderation_event_field_check" CHECK ("field" IN ('status', 'disposition', 'disposition_reason', 'assignee', 'tag_added', 'tag_removed', 'note', 'publication', 'campaign'));

-- Existing campaigns: their counts as they are now.
INSERT INTO campaign_count (campaign_id, status, disposition, n)
SELECT campaign_id, status, coalesce(disposition::text, ''), count(*) FROM feedback_item WHERE campaign_id IS NOT NULL GROUP BY 1, 2, 3;
UPDATE campaign cp SET size = s.n, first_at = s.first_at, last_at = s.last_at
FROM (SELECT fi.campaign_id, count(*)::int AS n, min(r.submitted_at) AS first_at, max(r.submitted_at) AS last_at
      FROM feedback_item fi JOIN response r ON r.id = fi.response_id WHERE fi.campaign_id IS NOT NULL GROUP BY 1) s
WHERE cp.id = s.campaign_id;

-- Down Migration
DELETE FROM "moderation_event" WHERE "field" = 'campaign';
ALTER TABLE "moderation_event" DROP CONSTRAINT "moderation_event_field_check",
  ADD CONSTRAINT "moderation_event_field_check" CHECK ("field" IN ('status', 'disposition', 'disposition_reason', 'assignee', 'tag_added', 'tag_removed', 'note', 'publication'));
DROP TRIGGER "feedback_item_campaign_count_ins" ON "feedback_item";
DROP TRIGGER "feedback_item_campaign_count_upd" ON "feedback_item";
DROP TRIGGER "feedback_item_campaign_count_del" ON "feedback_item";
DROP FUNCTION "campaign_count_trigger"();
DROP FUNCTION "campaign_count_apply"(JSONB);
DROP TABLE "campaign_count";
DROP TABLE "campaign_exclusion";
DROP INDEX "campaign_list_idx";
CREATE INDEX "feedback_item_campaign_id_idx" ON "feedback_item"("campaign_id");
DROP INDEX "feedback_item_campaign_id_id_idx";
ALTER TABLE "campaign" DROP COLUMN "merged_into_id", DROP COLUMN "size", DROP COLUMN "first_at", DROP COLUMN "last_at";
