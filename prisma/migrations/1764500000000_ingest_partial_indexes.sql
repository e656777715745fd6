-- Up Migration
-- Issue 12: every response writes about seven items and seven triage rows, and every index is one more
-- insertion per row. An item is assigned, put in a campaign or given a fingerprint (a comment of 20
-- characters or more) rarely or later: index only the rows that have one. The queue's filters ask for
-- one assignee, one campaign or one fingerprint (`= value`), which these partial indexes answer.
DROP INDEX "feedback_triage_assignee_id_idx";
CREATE INDEX "feedback_triage_assignee_id_idx" ON "feedback_triage" ("assignee_id") WHERE "assignee_id" IS NOT NULL;
DROP INDEX "feedback_triage_campaign_id_feedback_item_id_idx";
CREATE INDEX "feedback_triage_campaign_id_feedback_item_id_idx" ON "feedback_triage" ("campaign_id", "feedback_item_id") WHERE "campaign_id" IS NOT NULL;
DROP INDEX "feedback_item_fingerprint_idx";
CREATE INDEX "feedback_item_fingerprint_idx" ON "feedback_item" ("fingerprint") WHERE "fingerprint" IS NOT NULL;

-- Down Migration
DROP INDEX "feedback_item_fingerprint_idx";
CREATE INDEX "feedback_item_fingerprint_idx" ON "feedback_item" ("fingerprint");
DROP INDEX "feedback_triage_campaign_id_feedback_item_id_idx";
CREATE INDEX "feedback_triage_campaign_id_feedback_item_id_idx" ON "feedback_triage" ("campaign_id", "feedback_item_id");
DROP INDEX "feedback_triage_assignee_id_idx";
CREATE INDEX "feedback_triage_assignee_id_idx" ON "feedback_triage" ("assignee_id");
