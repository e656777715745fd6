-- Up Migration
-- Private links, versions and withdrawal; publication clearance; erasure and retention. Written by
-- npm run db:diff, then the CHECKs by hand.
-- AlterTable
ALTER TABLE "consultation" ADD COLUMN     "retention_days" INTEGER DEFAULT 365;

-- AlterTable
ALTER TABLE "response" ADD COLUMN     "erased_at" TIMESTAMPTZ(3),
ADD COLUMN     "ip_hash" CHAR(64),
ADD COLUMN     "manage_token_hash" CHAR(64),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "feedback_item" ADD COLUMN     "cleared_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "response_version" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "response_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "content" JSONB NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "response_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "erasure_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "reference" VARCHAR(40) NOT NULL,
    "actor_id" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" VARCHAR(16) NOT NULL,
    "kept_text" BOOLEAN NOT NULL,

    CONSTRAINT "erasure_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "response_version_response_id_version_kind_key" ON "response_version"("response_id", "version", "kind");

-- CreateIndex
CREATE INDEX "erasure_event_at_idx" ON "erasure_event"("at");

-- CreateIndex
CREATE UNIQUE INDEX "response_manage_token_hash_key" ON "response"("manage_token_hash");

-- AddForeignKey
ALTER TABLE "response_version" ADD CONSTRAINT "response_version_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "response"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "response"
  ADD CONSTRAINT "response_manage_token_hash_check" CHECK ("manage_token_hash" ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT "response_ip_hash_check" CHECK ("ip_hash" ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT "response_version_check" CHECK ("version" >= 1),
  -- Once erased, nothing personal is left: no names, no email, no address hash, no private link.
  ADD CONSTRAINT "response_erased_check" CHECK ("erased_at" IS NULL OR ("respondent_name" IS NULL AND "organisation_name" IS NULL
    AND "email" IS NULL AND "ip_hash" IS NULL AND "manage_token_hash" IS NULL AND "publication" <> 'named')),
  DROP CONSTRAINT "response_organisation_name_check",
  ADD CONSTRAINT "response_organisation_name_check" CHECK (
    ("organisation_name" IS NULL OR char_length(btrim("organisation_name")) > 0)
    AND ("respondent_type" = 'individual' OR "organisation_name" IS NOT NULL OR "erased_at" IS NOT NULL));

ALTER TABLE "moderation_event"
  DROP CONSTRAINT "moderation_event_field_check",
  ADD CONSTRAINT "moderation_event_field_check" CHECK ("field" IN ('status', 'disposition', 'disposition_reason', 'assignee', 'tag_added', 'tag_removed', 'note', 'publication'));

ALTER TABLE "consultation"
  ADD CONSTRAINT "consultation_retention_days_check" CHECK ("retention_days" BETWEEN 0 AND 3650);

ALTER TABLE "response_version"
  ADD CONSTRAINT "response_version_kind_check" CHECK ("kind" IN ('changed', 'withdrawn'));

ALTER TABLE "erasure_event"
  ADD CONSTRAINT "erasure_event_reason_check" CHECK ("reason" IN ('request', 'retention'));

-- The public pages read cleared comments per clause.
CREATE INDEX "feedback_item_cleared_idx" ON "feedback_item" ("clause_id", "cleared_at") WHERE "cleared_at" IS NOT NULL;

-- Down Migration
DROP INDEX "feedback_item_cleared_idx";
ALTER TABLE "response" DROP CONSTRAINT "response_erased_check", DROP CONSTRAINT "response_organisation_name_check",
  ADD CONSTRAINT "response_organisation_name_check" CHECK (
    ("organisation_name" IS NULL OR char_length(btrim("organisation_name")) > 0)
    AND ("respondent_type" = 'individual' OR "organisation_name" IS NOT NULL));
DROP TABLE "erasure_event";
DROP TABLE "response_version";
ALTER TABLE "feedback_item" DROP COLUMN "cleared_at";
ALTER TABLE "response" DROP COLUMN "erased_at", DROP COLUMN "ip_hash", DROP COLUMN "manage_token_hash", DROP COLUMN "version";
ALTER TABLE "consultation" DROP COLUMN "retention_days";
