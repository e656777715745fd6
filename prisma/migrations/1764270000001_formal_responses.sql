-- Up Migration
-- Country delegations, formal responses, withdrawn responses. Written by npm run db:diff,
-- then the CHECKs and the partial unique index by hand.
-- CreateEnum
CREATE TYPE "delegation_role" AS ENUM ('drafter', 'approver');

-- CreateEnum
CREATE TYPE "stance" AS ENUM ('support', 'support_with_amendments', 'cannot_support', 'no_position');

-- CreateEnum
CREATE TYPE "formal_status" AS ENUM ('draft', 'submitted');

-- AlterTable
ALTER TABLE "consultation" ADD COLUMN     "publish_formal" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "response" ADD COLUMN     "formal_response_id" UUID,
ADD COLUMN     "withdrawn_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "feedback_item" ADD COLUMN     "stance" "stance";

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "country" CHAR(2),
ADD COLUMN     "delegation_role" "delegation_role";

-- CreateTable
CREATE TABLE "invitation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "role" "role" NOT NULL,
    "country" CHAR(2),
    "delegation_role" "delegation_role",
    "token_hash" CHAR(64) NOT NULL,
    "invited_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "user_id" UUID,

    CONSTRAINT "invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "formal_response" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "consultation_id" UUID NOT NULL,
    "country" CHAR(2) NOT NULL,
    "status" "formal_status" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "positions" JSONB NOT NULL DEFAULT '{}',
    "statement" VARCHAR(20000),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submitted_at" TIMESTAMPTZ(3),
    "submitted_by_id" UUID,
    "extended_until" TIMESTAMPTZ(3),

    CONSTRAINT "formal_response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "formal_letter" (
    "formal_response_id" UUID NOT NULL,
    "file_name" VARCHAR(200) NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "content" BYTEA NOT NULL,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "formal_letter_pkey" PRIMARY KEY ("formal_response_id")
);

-- CreateTable
CREATE TABLE "formal_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "formal_response_id" UUID NOT NULL,
    "actor_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" VARCHAR(24) NOT NULL,
    "detail" VARCHAR(2000),

    CONSTRAINT "formal_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "invitation_token_hash_key" ON "invitation"("token_hash");

-- CreateIndex
CREATE INDEX "invitation_email_idx" ON "invitation"("email");

-- CreateIndex
CREATE UNIQUE INDEX "formal_response_consultation_id_country_key" ON "formal_response"("consultation_id", "country");

-- CreateIndex
CREATE INDEX "formal_event_formal_response_id_at_idx" ON "formal_event"("formal_response_id", "at");

-- AddForeignKey
ALTER TABLE "response" ADD CONSTRAINT "response_formal_response_id_fkey" FOREIGN KEY ("formal_response_id") REFERENCES "formal_response"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "formal_response" ADD CONSTRAINT "formal_response_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "formal_letter" ADD CONSTRAINT "formal_letter_formal_response_id_fkey" FOREIGN KEY ("formal_response_id") REFERENCES "formal_response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "formal_event" ADD CONSTRAINT "formal_event_formal_response_id_fkey" FOREIGN KEY ("formal_response_id") REFERENCES "formal_response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "formal_event" ADD CONSTRAINT "formal_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One live official response per country and consultation, even when two
-- approvers submit at the same moment. (Partial indexes: migrations only.)
CREATE UNIQUE INDEX "response_official_once_idx" ON "response" ("consultation_id", "country")
  WHERE "channel" = 'formal' AND "withdrawn_at" IS NULL;

ALTER TABLE "response"
  DROP CONSTRAINT "response_channel_check",
  ADD CONSTRAINT "response_channel_check" CHECK ("channel" IN ('web', 'api', 'formal')),
  ADD CONSTRAINT "response_formal_check" CHECK (("channel" = 'formal') = ("formal_response_id" IS NOT NULL));

ALTER TABLE "feedback_item"
  DROP CONSTRAINT "feedback_item_wording_check",
  ADD CONSTRAINT "feedback_item_wording_check" CHECK ("proposed_wording" IS NULL OR "aspect" IN ('language', 'position')),
  ADD CONSTRAINT "feedback_item_stance_check" CHECK (("aspect" = 'position') = ("stance" IS NOT NULL)),
  DROP CONSTRAINT "feedback_item_not_empty_check",
  ADD CONSTRAINT "feedback_item_not_empty_check" CHECK (
    "rating" IS NOT NULL OR "comment" IS NOT NULL OR "term" IS NOT NULL
    OR "proposed_wording" IS NOT NULL OR "country_context" IS NOT NULL OR "stance" IS NOT NULL);

ALTER TABLE "app_user"
  ADD CONSTRAINT "app_user_delegation_check" CHECK (
    ("role" = 'delegate') = ("country" IS NOT NULL) AND ("country" IS NULL) = ("delegation_role" IS NULL)
    AND ("country" IS NULL OR "country" ~ '^[A-Z]{2}$'));

ALTER TABLE "invitation"
  ADD CONSTRAINT "invitation_delegation_check" CHECK (
    ("role" = 'delegate') = ("country" IS NOT NULL) AND ("country" IS NULL) = ("delegation_role" IS NULL)
    AND ("country" IS NULL OR "country" ~ '^[A-Z]{2}$')),
  ADD CONSTRAINT "invitation_email_check" CHECK ("email" = lower("email") AND "email" ~ '^[^@\s]+@[^@\s]+$'),
  ADD CONSTRAINT "invitation_token_hash_check" CHECK ("token_hash" ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT "invitation_expiry_check" CHECK ("expires_at" > "created_at");

ALTER TABLE "formal_response"
  ADD CONSTRAINT "formal_response_country_check" CHECK ("country" ~ '^[A-Z]{2}$'),
  ADD CONSTRAINT "formal_response_version_check" CHECK ("version" >= 1),
  ADD CONSTRAINT "formal_response_submitted_check" CHECK (
    ("status" = 'submitted') = ("submitted_at" IS NOT NULL AND "submitted_by_id" IS NOT NULL));

ALTER TABLE "formal_letter"
  ADD CONSTRAINT "formal_letter_size_check" CHECK ("size" BETWEEN 1 AND 10485760 AND "size" = octet_length("content")),
  ADD CONSTRAINT "formal_letter_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$');

ALTER TABLE "formal_event"
  ADD CONSTRAINT "formal_event_kind_check" CHECK ("kind" IN
    ('saved', 'letter_uploaded', 'letter_removed', 'submitted', 'reopened', 'extension_granted'));

-- Down Migration
DROP INDEX "response_official_once_idx";
ALTER TABLE "feedback_item" DROP CONSTRAINT "feedback_item_stance_check";
ALTER TABLE "response" DROP CONSTRAINT "response_formal_check", DROP CONSTRAINT "response_channel_check",
  ADD CONSTRAINT "response_channel_check" CHECK ("channel" IN ('web', 'api'));
ALTER TABLE "app_user" DROP CONSTRAINT "app_user_delegation_check";
DROP TABLE "formal_event";
DROP TABLE "formal_letter";
ALTER TABLE "response" DROP COLUMN "formal_response_id", DROP COLUMN "withdrawn_at";
DROP TABLE "formal_response";
DROP TABLE "invitation";
ALTER TABLE "feedback_item" DROP COLUMN "stance";
ALTER TABLE "app_user" DROP COLUMN "country", DROP COLUMN "delegation_role";
ALTER TABLE "consultation" DROP COLUMN "publish_formal";
DROP TYPE "formal_status";
DROP TYPE "stance";
DROP TYPE "delegation_role";
