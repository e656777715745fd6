-- Up Migration
-- Triage: status, disposition, assignee, tags, notes, the audit log. Written by npm run db:diff, then the CHECKs by hand.
-- CreateEnum
CREATE TYPE "item_status" AS ENUM ('new', 'in_review', 'addressed', 'noted', 'out_of_scope', 'duplicate', 'spam');

-- CreateEnum
CREATE TYPE "disposition" AS ENUM ('accepted', 'partly_accepted', 'not_accepted');

-- AlterTable
ALTER TABLE "feedback_item" ADD COLUMN     "assignee_id" UUID,
ADD COLUMN     "disposition" "disposition",
ADD COLUMN     "disposition_reason" VARCHAR(2000),
ADD COLUMN     "moderated_at" TIMESTAMPTZ(3),
ADD COLUMN     "status" "item_status" NOT NULL DEFAULT 'new';

-- CreateTable
CREATE TABLE "tag" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "consultation_id" UUID NOT NULL,
    "key" VARCHAR(60) NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feedback_item_tag" (
    "feedback_item_id" UUID NOT NULL,
    "tag_id" UUID NOT NULL,

    CONSTRAINT "feedback_item_tag_pkey" PRIMARY KEY ("feedback_item_id","tag_id")
);

-- CreateTable
CREATE TABLE "item_note" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "feedback_item_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "body" VARCHAR(5000) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "item_note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "moderation_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "feedback_item_id" UUID NOT NULL,
    "actor_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "field" VARCHAR(32) NOT NULL,
    "from_value" VARCHAR(5000),
    "to_value" VARCHAR(5000),

    CONSTRAINT "moderation_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tag_consultation_id_key_key" ON "tag"("consultation_id", "key");

-- CreateIndex
CREATE INDEX "feedback_item_tag_tag_id_idx" ON "feedback_item_tag"("tag_id");

-- CreateIndex
CREATE INDEX "item_note_feedback_item_id_created_at_idx" ON "item_note"("feedback_item_id", "created_at");

-- CreateIndex
CREATE INDEX "moderation_event_feedback_item_id_at_idx" ON "moderation_event"("feedback_item_id", "at");

-- CreateIndex
CREATE INDEX "feedback_item_status_idx" ON "feedback_item"("status");

-- CreateIndex
CREATE INDEX "feedback_item_assignee_id_idx" ON "feedback_item"("assignee_id");

-- AddForeignKey
ALTER TABLE "feedback_item" ADD CONSTRAINT "feedback_item_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tag" ADD CONSTRAINT "tag_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_item_tag" ADD CONSTRAINT "feedback_item_tag_feedback_item_id_fkey" FOREIGN KEY ("feedback_item_id") REFERENCES "feedback_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_item_tag" ADD CONSTRAINT "feedback_item_tag_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_note" ADD CONSTRAINT "item_note_feedback_item_id_fkey" FOREIGN KEY ("feedback_item_id") REFERENCES "feedback_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_note" ADD CONSTRAINT "item_note_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "moderation_event" ADD CONSTRAINT "moderation_event_feedback_item_id_fkey" FOREIGN KEY ("feedback_item_id") REFERENCES "feedback_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "moderation_event" ADD CONSTRAINT "moderation_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


ALTER TABLE "feedback_item"
  ADD CONSTRAINT "feedback_item_disposition_reason_check" CHECK ("disposition_reason" IS NULL OR ("disposition" IS NOT NULL AND char_length(btrim("disposition_reason")) > 0));

ALTER TABLE "tag"
  ADD CONSTRAINT "tag_name_check" CHECK (char_length(btrim("name")) > 0 AND "key" = lower(btrim("name")));

ALTER TABLE "item_note"
  ADD CONSTRAINT "item_note_body_check" CHECK (char_length(btrim("body")) > 0);

ALTER TABLE "moderation_event"
  ADD CONSTRAINT "moderation_event_field_check" CHECK ("field" IN ('status', 'disposition', 'disposition_reason', 'assignee', 'tag_added', 'tag_removed', 'note'));

-- Down Migration
DROP TABLE "moderation_event";
DROP TABLE "item_note";
DROP TABLE "feedback_item_tag";
DROP TABLE "tag";
ALTER TABLE "feedback_item" DROP COLUMN "assignee_id", DROP COLUMN "disposition", DROP COLUMN "disposition_reason", DROP COLUMN "moderated_at", DROP COLUMN "status";
DROP TYPE "disposition";
DROP TYPE "item_status";
