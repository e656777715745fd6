-- Up Migration
-- Authoring: phases, preview links, deadline history, clause text versions, keyed-in responses,
-- results, the admin audit log. Written by npm run db:diff; the data moves and CHECKs by hand.
-- AlterTable
ALTER TABLE "consultation" ADD COLUMN     "draft_version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "original_closes_at" TIMESTAMPTZ(3),
ADD COLUMN     "preview_token_hash" CHAR(64),
ADD COLUMN     "privacy_en" VARCHAR(8000),
ADD COLUMN     "privacy_fr" VARCHAR(8000),
ADD COLUMN     "published_at" TIMESTAMPTZ(3),
ADD COLUMN     "results_published_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "clause" ADD COLUMN     "added_in_version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "removed_in_version" INTEGER,
ADD COLUMN     "text_version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "response" ADD COLUMN     "in_extension" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "keyed_by_id" UUID,
ADD COLUMN     "received_on" DATE;

-- AlterTable
ALTER TABLE "feedback_item" ADD COLUMN     "clause_version" INTEGER;

-- CreateTable
CREATE TABLE "clause_version" (
    "clause_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "number" VARCHAR(16),
    "heading_en" VARCHAR(300),
    "heading_fr" VARCHAR(300),
    "body_en" VARCHAR(8000) NOT NULL,
    "body_fr" VARCHAR(8000) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "clause_version_pkey" PRIMARY KEY ("clause_id","version")
);

-- CreateTable
CREATE TABLE "deadline_change" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "consultation_id" UUID NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "from_at" TIMESTAMPTZ(3) NOT NULL,
    "to_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" VARCHAR(2000) NOT NULL,
    "actor_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deadline_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admin_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "actor_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" VARCHAR(40) NOT NULL,
    "target" VARCHAR(300) NOT NULL,
    "detail" VARCHAR(2000),

    CONSTRAINT "admin_event_pkey" PRIMARY KEY ("id")
);

-- Every clause's current text becomes its version 1; every answer answered version 1.
INSERT INTO "clause_version" ("clause_id", "version", "number", "heading_en", "heading_fr", "body_en", "body_fr")
  SELECT "id", 1, "number", "heading_en", "heading_fr", "body_en", "body_fr" FROM "clause";
UPDATE "feedback_item" SET "clause_version" = 1 WHERE "clause_id" IS NOT NULL;
-- Consultations that exist are published, with the deadline they have.
UPDATE "consultation" SET "published_at" = "created_at", "original_closes_at" = "closes_at";

-- CreateIndex
CREATE INDEX "deadline_change_consultation_id_at_idx" ON "deadline_change"("consultation_id", "at");

-- CreateIndex
CREATE INDEX "admin_event_at_idx" ON "admin_event"("at");

-- CreateIndex
CREATE UNIQUE INDEX "consultation_preview_token_hash_key" ON "consultation"("preview_token_hash");

-- AddForeignKey
ALTER TABLE "feedback_item" ADD CONSTRAINT "feedback_item_clause_id_clause_version_fkey" FOREIGN KEY ("clause_id", "clause_version") REFERENCES "clause_version"("clause_id", "version") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clause_version" ADD CONSTRAINT "clause_version_clause_id_fkey" FOREIGN KEY ("clause_id") REFERENCES "clause"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deadline_change" ADD CONSTRAINT "deadline_change_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deadline_change" ADD CONSTRAINT "deadline_change_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admin_event" ADD CONSTRAINT "admin_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


ALTER TABLE "feedback_item"
  ADD CONSTRAINT "feedback_item_clause_version_check" CHECK (("clause_id" IS NULL) = ("clause_version" IS NULL));

ALTER TABLE "response"
  DROP CONSTRAINT "response_channel_check",
  ADD CONSTRAINT "response_channel_check" CHECK ("channel" IN ('web', 'api', 'formal', 'staff')),
  ADD CONSTRAINT "response_staff_check" CHECK (("channel" = 'staff') = ("keyed_by_id" IS NOT NULL) AND ("channel" = 'staff') = ("received_on" IS NOT NULL));

ALTER TABLE "consultation"
  ADD CONSTRAINT "consultation_preview_token_hash_check" CHECK ("preview_token_hash" ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT "consultation_draft_version_check" CHECK ("draft_version" >= 1),
  ADD CONSTRAINT "consultation_results_check" CHECK ("results_published_at" IS NULL OR "published_at" IS NOT NULL);

ALTER TABLE "clause"
  ADD CONSTRAINT "clause_versions_check" CHECK ("text_version" >= 1 AND "added_in_version" >= 1
    AND ("removed_in_version" IS NULL OR "removed_in_version" > "added_in_version"));

ALTER TABLE "deadline_change"
  ADD CONSTRAINT "deadline_change_kind_check" CHECK ("kind" IN ('extended', 'closed_early')),
  ADD CONSTRAINT "deadline_change_direction_check" CHECK (("kind" = 'extended') = ("to_at" > "from_at"));

-- The database keeps clause_version in step, whoever writes: a clause's current text is always
-- its row (text_version), and an answer records the version its clause had when it was stored.
CREATE FUNCTION "clause_version_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "clause_version" ("clause_id", "version", "number", "heading_en", "heading_fr", "body_en", "body_fr")
  VALUES (NEW."id", NEW."text_version", NEW."number", NEW."heading_en", NEW."heading_fr", NEW."body_en", NEW."body_fr")
  ON CONFLICT ("clause_id", "version") DO UPDATE SET "number" = EXCLUDED."number", "heading_en" = EXCLUDED."heading_en",
    "heading_fr" = EXCLUDED."heading_fr", "body_en" = EXCLUDED."body_en", "body_fr" = EXCLUDED."body_fr";
  RETURN NULL;
END $$;
CREATE TRIGGER "clause_version_keep" AFTER INSERT OR UPDATE OF "text_version", "number", "heading_en", "heading_fr", "body_en", "body_fr"
  ON "clause" FOR EACH ROW EXECUTE FUNCTION "clause_version_keep"();

CREATE FUNCTION "feedback_item_clause_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT "text_version" INTO NEW."clause_version" FROM "clause" WHERE "id" = NEW."clause_id";
  RETURN NEW;
END $$;
CREATE TRIGGER "feedback_item_clause_version" BEFORE INSERT ON "feedback_item"
  FOR EACH ROW WHEN (NEW."clause_id" IS NOT NULL AND NEW."clause_version" IS NULL) EXECUTE FUNCTION "feedback_item_clause_version"();

-- Down Migration
DROP TRIGGER "feedback_item_clause_version" ON "feedback_item";
DROP FUNCTION "feedback_item_clause_version"();
DROP TRIGGER "clause_version_keep" ON "clause";
DROP FUNCTION "clause_version_keep"();
ALTER TABLE "response" DROP CONSTRAINT "response_staff_check", DROP CONSTRAINT "response_channel_check",
  ADD CONSTRAINT "response_channel_check" CHECK ("channel" IN ('web', 'api', 'formal'));
ALTER TABLE "feedback_item" DROP CONSTRAINT "feedback_item_clause_id_clause_version_fkey", DROP COLUMN "clause_version";
DROP TABLE "admin_event";
DROP TABLE "deadline_change";
DROP TABLE "clause_version";
ALTER TABLE "response" DROP COLUMN "in_extension", DROP COLUMN "keyed_by_id", DROP COLUMN "received_on";
ALTER TABLE "clause" DROP CONSTRAINT "clause_versions_check", DROP COLUMN "added_in_version", DROP COLUMN "removed_in_version", DROP COLUMN "text_version";
ALTER TABLE "consultation" DROP COLUMN "draft_version", DROP COLUMN "original_closes_at", DROP COLUMN "preview_token_hash",
  DROP COLUMN "privacy_en", DROP COLUMN "privacy_fr", DROP COLUMN "published_at", DROP COLUMN "results_published_at";
