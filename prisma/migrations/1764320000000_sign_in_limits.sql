-- Up Migration
-- Sign-in limits moved to rate-limiter-flexible's PostgreSQL store (schema "ratelimit"),
-- like the submission limits: the app's own table goes.
DROP TABLE "sign_in_throttle";

-- Down Migration
CREATE TABLE "sign_in_throttle" (
    "email" VARCHAR(254) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "locked_until" TIMESTAMPTZ(3),
    CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("email")
);
ALTER TABLE "sign_in_throttle" ADD CONSTRAINT "sign_in_throttle_failures_check" CHECK ("failures" >= 0);
