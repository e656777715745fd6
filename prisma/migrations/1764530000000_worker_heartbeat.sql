-- The job queue's worker pools that are alive (lib/jobs/worker-heartbeat.ts): each server's pool writes its
-- graphile-worker id here every 15 s; any server frees the jobs of a pool silent for 60 s (killed, out of
-- memory, machine lost) with graphile_worker.force_unlock_workers, instead of the library's 4-hour expiry.
CREATE TABLE job_worker (
  id text PRIMARY KEY,
  started_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  beat_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
