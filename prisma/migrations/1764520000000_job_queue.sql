-- Background work moves onto graphile-worker's queue (schema graphile_worker, migrated by
-- scripts/migrate.mjs before these files). Receipts still owed become jobs, keyed by their response as
-- lib/responses/write-responses.ts keys them; given-up ones stay failed (attempts spent), for the
-- admin's Jobs page to retry. The hand-written outbox and the campaign runs' heartbeat go.
SELECT 1 FROM graphile_worker.add_jobs(ARRAY(
  SELECT ROW('send-receipt', json_build_object('responseId', o.response_id, 'manageToken', o.manage_token), NULL,
    CASE WHEN o.gave_up_at IS NULL THEN o.next_attempt_at END, 8, 'receipt:' || o.response_id, NULL, NULL)::graphile_worker.job_spec
  FROM receipt_outbox o
)) WHERE EXISTS (SELECT 1 FROM receipt_outbox);

UPDATE graphile_worker._private_jobs SET attempts = max_attempts, last_error = o.last_error
FROM receipt_outbox o WHERE key = 'receipt:' || o.response_id AND o.gave_up_at IS NOT NULL;

DROP TABLE receipt_outbox;

-- A run still unfinished was running in a server of the previous version, which is gone.
UPDATE campaign_run SET finished_at = now(), error = 'abandoned' WHERE finished_at IS NULL;
ALTER TABLE campaign_run DROP COLUMN heartbeat_at;
