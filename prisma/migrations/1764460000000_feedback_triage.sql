-- Up Migration
-- An item's moderation state moves to its own narrow table, one row per feedback item.
-- A decision on 100,000 items rewrote 100,000 wide rows of feedback_item (the texts, the
-- tsvector, a dozen indexes): 5.5 s at 1 M items for the bare UPDATE alone. The same rows
-- here are about 100 bytes with five indexes: 1.5–2 s on the same machine (README, Decisions).
-- campaign_id moves too: the campaign counts (a statement trigger) need the campaign, the
-- status and the decision in one row, and "Find campaigns" writes only narrow rows.
CREATE TABLE "feedback_triage" (
    "feedback_item_id" UUID NOT NULL,
    "status" "item_status" NOT NULL DEFAULT 'new',
    "disposition" "disposition",
    "disposition_reason" VARCHAR(2000),
    "assignee_id" UUID,
    "moderated_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "campaign_id" UUID,

    CONSTRAINT "feedback_triage_pkey" PRIMARY KEY ("feedback_item_id")
);

INSERT INTO "feedback_triage" ("feedback_item_id", "status", "disposition", "disposition_reason", "assignee_id", "moderated_at", "version", "campaign_id")
SELECT "id", "status", "disposition", "disposition_reason", "assignee_id", "moderated_at", "version", "campaign_id" FROM "feedback_item";

CREATE INDEX "feedback_triage_status_idx" ON "feedback_triage"("status");
CREATE INDEX "feedback_triage_assignee_id_idx" ON "feedback_triage"("assignee_id");
CREATE INDEX "feedback_triage_campaign_id_feedback_item_id_idx" ON "feedback_triage"("campaign_id", "feedback_item_id");
-- The decision filter (?decision=none|accepted|…): small partial indexes, so the last undecided
-- items are found without walking the whole consultation (and the reverse early on).
CREATE INDEX "feedback_triage_undecided_idx" ON "feedback_triage" ("feedback_item_id") WHERE "disposition" IS NULL;
CREATE INDEX "feedback_triage_decided_idx" ON "feedback_triage" ("disposition", "feedback_item_id") WHERE "disposition" IS NOT NULL;

ALTER TABLE "feedback_triage" ADD CONSTRAINT "feedback_triage_feedback_item_id_fkey" FOREIGN KEY ("feedback_item_id") REFERENCES "feedback_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "feedback_triage" ADD CONSTRAINT "feedback_triage_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "feedback_triage" ADD CONSTRAINT "feedback_triage_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- A reason only with a decision, and never blank (as on feedback_item before).
ALTER TABLE "feedback_triage" ADD CONSTRAINT "feedback_triage_disposition_reason_check"
  CHECK ("disposition_reason" IS NULL OR ("disposition" IS NOT NULL AND char_length(btrim("disposition_reason")) > 0));

-- Every stored item gets its row, whoever inserts it (one statement, one INSERT here).
CREATE FUNCTION "feedback_triage_create"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO feedback_triage (feedback_item_id) SELECT id FROM new_rows;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER "feedback_item_triage_create" AFTER INSERT ON "feedback_item"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_triage_create();

-- The campaign counts follow the state to its new table (same function: same column names).
DROP TRIGGER "feedback_item_campaign_count_ins" ON "feedback_item";
DROP TRIGGER "feedback_item_campaign_count_upd" ON "feedback_item";
DROP TRIGGER "feedback_item_campaign_count_del" ON "feedback_item";
CREATE TRIGGER "feedback_triage_campaign_count_ins" AFTER INSERT ON "feedback_triage"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_count_trigger();
CREATE TRIGGER "feedback_triage_campaign_count_upd" AFTER UPDATE ON "feedback_triage"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_count_trigger();
CREATE TRIGGER "feedback_triage_campaign_count_del" AFTER DELETE ON "feedback_triage"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_count_trigger();

ALTER TABLE "feedback_item" DROP CONSTRAINT "feedback_item_disposition_reason_check";
-- Dropping the columns drops their indexes and foreign keys.
ALTER TABLE "feedback_item" DROP COLUMN "assignee_id",
  DROP COLUMN "campaign_id",
  DROP COLUMN "disposition",
  DROP COLUMN "disposition_reason",
  DROP COLUMN "moderated_at",
  DROP COLUMN "status",
  DROP COLUMN "version";

-- The audit log's ids are time-ordered (uuidv7, PostgreSQL 18): a bulk decision's events append
-- to the end of the primary key instead of landing on random pages of it.
ALTER TABLE "moderation_event" ALTER COLUMN "id" SET DEFAULT uuidv7();

-- An item's history references its state: the foreign key's check locks the narrow row that the
-- logging write holds already, never the item's wide row (a bulk decision would rewrite 100,000 of them).
ALTER TABLE "moderation_event" DROP CONSTRAINT "moderation_event_feedback_item_id_fkey";
ALTER TABLE "moderation_event" ADD CONSTRAINT "moderation_event_feedback_item_id_fkey" FOREIGN KEY ("feedback_item_id") REFERENCES "feedback_triage"("feedback_item_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Down Migration
ALTER TABLE "moderation_event" DROP CONSTRAINT "moderation_event_feedback_item_id_fkey";
ALTER TABLE "moderation_event" ADD CONSTRAINT "moderation_event_feedback_item_id_fkey" FOREIGN KEY ("feedback_item_id") REFERENCES "feedback_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "moderation_event" ALTER COLUMN "id" SET DEFAULT gen_random_uuid();
ALTER TABLE "feedback_item" ADD COLUMN "status" "item_status" NOT NULL DEFAULT 'new',
  ADD COLUMN "disposition" "disposition",
  ADD COLUMN "disposition_reason" VARCHAR(2000),
  ADD COLUMN "assignee_id" UUID,
  ADD COLUMN "moderated_at" TIMESTAMPTZ(3),
  ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1,
  ADD COLUMN "campaign_id" UUID;
DROP TRIGGER "feedback_triage_campaign_count_ins" ON "feedback_triage";
DROP TRIGGER "feedback_triage_campaign_count_upd" ON "feedback_triage";
DROP TRIGGER "feedback_triage_campaign_count_del" ON "feedback_triage";
UPDATE "feedback_item" fi SET "status" = t."status", "disposition" = t."disposition", "disposition_reason" = t."disposition_reason",
  "assignee_id" = t."assignee_id", "moderated_at" = t."moderated_at", "version" = t."version", "campaign_id" = t."campaign_id"
FROM "feedback_triage" t WHERE t."feedback_item_id" = fi."id";
ALTER TABLE "feedback_item" ADD CONSTRAINT "feedback_item_disposition_reason_check"
  CHECK ("disposition_reason" IS NULL OR ("disposition" IS NOT NULL AND char_length(btrim("disposition_reason")) > 0));
ALTER TABLE "feedback_item" ADD CONSTRAINT "feedback_item_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "feedback_item" ADD CONSTRAINT "feedback_item_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "feedback_item_status_idx" ON "feedback_item"("status");
CREATE INDEX "feedback_item_assignee_id_idx" ON "feedback_item"("assignee_id");
CREATE INDEX "feedback_item_campaign_id_id_idx" ON "feedback_item"("campaign_id", "id");
CREATE INDEX "feedback_item_undecided_idx" ON "feedback_item" ("response_id") WHERE "disposition" IS NULL;
CREATE INDEX "feedback_item_decided_idx" ON "feedback_item" ("disposition", "response_id") WHERE "disposition" IS NOT NULL;
CREATE TRIGGER "feedback_item_campaign_count_ins" AFTER INSERT ON "feedback_item"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_count_trigger();
CREATE TRIGGER "feedback_item_campaign_count_upd" AFTER UPDATE ON "feedback_item"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_count_trigger();
CREATE TRIGGER "feedback_item_campaign_count_del" AFTER DELETE ON "feedback_item"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_count_trigger();
DROP TRIGGER "feedback_item_triage_create" ON "feedback_item";
DROP FUNCTION "feedback_triage_create"();
DROP TABLE "feedback_triage";
