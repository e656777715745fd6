-- Up Migration
-- Issue 15 §4, the country tracker (lib/country-tracker/).
-- A drafter asks the approvers to sign off: who and when, on the workspace; cleared by a later save, a submission
-- or a reopening (the formal_event history keeps every request).
ALTER TABLE formal_response ADD COLUMN ready_at timestamptz(3), ADD COLUMN ready_by_id uuid;
ALTER TABLE formal_response ADD CONSTRAINT formal_response_ready_by_id_fkey FOREIGN KEY (ready_by_id) REFERENCES app_user(id) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE formal_event DROP CONSTRAINT formal_event_kind_check, ADD CONSTRAINT formal_event_kind_check CHECK ("kind" IN
    ('saved', 'letter_uploaded', 'letter_removed', 'submitted', 'reopened', 'extension_granted', 'ready'));

-- The countries expected to answer a consultation (e.g. the OECD members), set by an admin: one expected with no
-- delegation shows "not invited" on the tracker.
CREATE TABLE "expected_country" (
    "consultation_id" UUID NOT NULL,
    "country" CHAR(2) NOT NULL,
    CONSTRAINT "expected_country_pkey" PRIMARY KEY ("consultation_id", "country")
);
ALTER TABLE "expected_country" ADD CONSTRAINT "expected_country_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "expected_country" ADD CONSTRAINT "expected_country_country_check" CHECK ("country" ~ '^[A-Z]{2}$');

-- Each deadline reminder sent to a delegation: one per consultation, country and kind (7 days, 1 day before its
-- deadline), so the crontab's job, run every hour by any server, sends each once.
CREATE TABLE "formal_reminder" (
    "consultation_id" UUID NOT NULL,
    "country" CHAR(2) NOT NULL,
    "kind" VARCHAR(8) NOT NULL,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "formal_reminder_pkey" PRIMARY KEY ("consultation_id", "country", "kind")
);
ALTER TABLE "formal_reminder" ADD CONSTRAINT "formal_reminder_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "formal_reminder" ADD CONSTRAINT "formal_reminder_kind_check" CHECK ("kind" IN ('7d', '1d'));

-- "Tell me when the results are published" (off by default), and the one email it gets, recorded so a job that
-- runs again (or a republication) sends nothing twice.
ALTER TABLE response ADD COLUMN notify_results boolean NOT NULL DEFAULT false;
CREATE TABLE "results_notice" (
    "response_id" UUID NOT NULL,
    "queued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "results_notice_pkey" PRIMARY KEY ("response_id")
);
ALTER TABLE "results_notice" ADD CONSTRAINT "results_notice_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Down Migration
DROP TABLE "results_notice";
ALTER TABLE response DROP COLUMN notify_results;
DROP TABLE "formal_reminder";
DROP TABLE "expected_country";
DELETE FROM formal_event WHERE kind = 'ready';
ALTER TABLE formal_event DROP CONSTRAINT formal_event_kind_check, ADD CONSTRAINT formal_event_kind_check CHECK ("kind" IN
    ('saved', 'letter_uploaded', 'letter_removed', 'submitted', 'reopened', 'extension_granted'));
ALTER TABLE formal_response DROP COLUMN ready_by_id, DROP COLUMN ready_at;
