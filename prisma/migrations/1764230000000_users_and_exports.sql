-- Up Migration
-- Sign-in, roles and export log. Written by npm run db:diff, then the CHECKs by hand.
-- CreateEnum
CREATE TYPE "role" AS ENUM ('admin', 'moderator', 'delegate');

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "password_hash" VARCHAR(200) NOT NULL,
    "role" "role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabled_at" TIMESTAMPTZ(3),

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_throttle" (
    "email" VARCHAR(254) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "locked_until" TIMESTAMPTZ(3),

    CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("email")
);

-- CreateTable
CREATE TABLE "export_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "consultation_id" UUID NOT NULL,
    "format" VARCHAR(8) NOT NULL,
    "filter" JSONB NOT NULL DEFAULT '{}',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "row_count" INTEGER,

    CONSTRAINT "export_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "export_event_consultation_id_started_at_idx" ON "export_event"("consultation_id", "started_at");

-- AddForeignKey
ALTER TABLE "export_event" ADD CONSTRAINT "export_event_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "export_event" ADD CONSTRAINT "export_event_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "app_user"
  ADD CONSTRAINT "app_user_email_check" CHECK ("email" = lower("email") AND "email" ~ '^[^@\s]+@[^@\s]+$'),
  ADD CONSTRAINT "app_user_password_hash_check" CHECK ("password_hash" LIKE '$argon2id$%');

ALTER TABLE "sign_in_throttle"
  ADD CONSTRAINT "sign_in_throttle_failures_check" CHECK ("failures" >= 0);

ALTER TABLE "export_event"
  ADD CONSTRAINT "export_event_format_check" CHECK ("format" IN ('csv', 'jsonl')),
  ADD CONSTRAINT "export_event_row_count_check" CHECK ("row_count" IS NULL OR "row_count" >= 0);

-- Down Migration
DROP TABLE "export_event";
DROP TABLE "sign_in_throttle";
DROP TABLE "app_user";
DROP TYPE "role";
