-- Up Migration
-- Saved views of the moderation queue: a named filter, a moderator's own or
-- shared with the team; and the indexes behind the queue's decision filter.
-- CreateTable
CREATE TABLE "saved_view" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "owner_id" UUID NOT NULL,
    "consultation_id" UUID NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "query" VARCHAR(2000) NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_view_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "saved_view_owner_id_consultation_id_name_key" ON "saved_view"("owner_id", "consultation_id", "name");

-- CreateIndex
CREATE INDEX "saved_view_consultation_id_shared_idx" ON "saved_view"("consultation_id", "shared");

-- AddForeignKey
ALTER TABLE "saved_view" ADD CONSTRAINT "saved_view_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_view" ADD CONSTRAINT "saved_view_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A name is never blank (the form trims it; the database keeps the rule too).
ALTER TABLE "saved_view" ADD CONSTRAINT "saved_view_name_check" CHECK (length(btrim("name")) > 0);

-- The decision filter (?decision=none|accepted|…): small partial indexes, so
-- "the last undecided items of a clause" is found without walking the whole
-- consultation once most items have a decision (and the reverse early on).
CREATE INDEX "feedback_item_undecided_idx" ON "feedback_item" ("response_id") WHERE "disposition" IS NULL;
CREATE INDEX "feedback_item_decided_idx" ON "feedback_item" ("disposition", "response_id") WHERE "disposition" IS NOT NULL;

-- Down Migration
DROP INDEX "feedback_item_decided_idx";
DROP INDEX "feedback_item_undecided_idx";
DROP TABLE "saved_view";
