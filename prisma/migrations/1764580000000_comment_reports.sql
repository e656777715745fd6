-- Up Migration
-- Reports of published comments (lib/comment-reports/): a reason from a short list and a text, the reporter's
-- address only as the keyed hash (HMAC with AUTH_SECRET, as response.ip_hash). A moderator's decision closes the
-- item's open reports: the publication kept or withdrawn, with a reason. results_row learns which item each row
-- shows, so a published comment on the results pages can be reported and withdrawn without rebuilding the copy.
CREATE TABLE "comment_report" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "feedback_item_id" UUID NOT NULL,
    "reason" VARCHAR(16) NOT NULL,
    "details" VARCHAR(2000),
    "reporter_hash" CHAR(64),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decision" VARCHAR(16),
    "decision_reason" VARCHAR(2000),
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" UUID,

    CONSTRAINT "comment_report_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "comment_report_feedback_item_id_created_at_idx" ON "comment_report"("feedback_item_id", "created_at");

ALTER TABLE "comment_report" ADD CONSTRAINT "comment_report_feedback_item_id_fkey" FOREIGN KEY ("feedback_item_id") REFERENCES "feedback_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "comment_report" ADD CONSTRAINT "comment_report_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "comment_report"
  ADD CONSTRAINT "comment_report_reason_check" CHECK ("reason" IN ('personal_data', 'offensive', 'spam', 'off_topic', 'other')),
  ADD CONSTRAINT "comment_report_reporter_hash_check" CHECK ("reporter_hash" ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT "comment_report_decision_check" CHECK (
    ("decision" IS NULL AND "decision_reason" IS NULL AND "decided_at" IS NULL)
    OR ("decision" IN ('kept', 'withdrawn') AND "decision_reason" IS NOT NULL AND "decided_at" IS NOT NULL));

ALTER TABLE "results_row" ADD COLUMN "feedback_item_id" UUID, ADD COLUMN "withdrawn_at" TIMESTAMPTZ(3);

-- Down Migration
ALTER TABLE "results_row" DROP COLUMN "feedback_item_id", DROP COLUMN "withdrawn_at";
DROP TABLE "comment_report";
