-- Up Migration
-- Written by npm run db:diff from prisma/schema.prisma, then the CHECK constraints below by hand.

-- CreateEnum
CREATE TYPE "clause_kind" AS ENUM ('preamble', 'principle', 'action');

-- CreateEnum
CREATE TYPE "respondent_type" AS ENUM ('individual', 'organisation', 'group', 'local_government', 'national_government');

-- CreateEnum
CREATE TYPE "publication" AS ENUM ('none', 'anonymous', 'named');

-- CreateEnum
CREATE TYPE "feedback_aspect" AS ENUM ('clarity', 'language', 'feasibility', 'general');

-- CreateTable
CREATE TABLE "consultation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" VARCHAR(64) NOT NULL,
    "reference_prefix" VARCHAR(12) NOT NULL,
    "title_en" VARCHAR(300) NOT NULL,
    "title_fr" VARCHAR(300) NOT NULL,
    "summary_en" VARCHAR(4000) NOT NULL,
    "summary_fr" VARCHAR(4000) NOT NULL,
    "asked_for_en" VARCHAR(4000) NOT NULL,
    "asked_for_fr" VARCHAR(4000) NOT NULL,
    "audience_en" VARCHAR(4000) NOT NULL,
    "audience_fr" VARCHAR(4000) NOT NULL,
    "opens_at" TIMESTAMPTZ(3) NOT NULL,
    "closes_at" TIMESTAMPTZ(3) NOT NULL,
    "time_zone" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clause" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "consultation_id" UUID NOT NULL,
    "parent_id" UUID,
    "key" VARCHAR(32) NOT NULL,
    "kind" "clause_kind" NOT NULL,
    "number" VARCHAR(16),
    "position" INTEGER NOT NULL,
    "heading_en" VARCHAR(300),
    "heading_fr" VARCHAR(300),
    "body_en" VARCHAR(8000) NOT NULL,
    "body_fr" VARCHAR(8000) NOT NULL,

    CONSTRAINT "clause_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "response" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "consultation_id" UUID NOT NULL,
    "number" BIGSERIAL NOT NULL,
    "reference" VARCHAR(40) NOT NULL,
    "idempotency_key" VARCHAR(64) NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locale" VARCHAR(8) NOT NULL,
    "channel" VARCHAR(8) NOT NULL,
    "respondent_type" "respondent_type" NOT NULL,
    "country" CHAR(2) NOT NULL,
    "organisation_name" VARCHAR(200),
    "respondent_name" VARCHAR(200),
    "public_sector" BOOLEAN NOT NULL,
    "email" VARCHAR(254),
    "publication" "publication" NOT NULL,
    "privacy_consent_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feedback_item" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "response_id" UUID NOT NULL,
    "clause_id" UUID,
    "aspect" "feedback_aspect" NOT NULL,
    "position" INTEGER NOT NULL,
    "rating" SMALLINT,
    "comment" VARCHAR(5000),
    "term" VARCHAR(200),
    "proposed_wording" VARCHAR(2000),
    "country_context" VARCHAR(1000),

    CONSTRAINT "feedback_item_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "consultation_slug_key" ON "consultation"("slug");

-- CreateIndex
CREATE INDEX "clause_parent_id_idx" ON "clause"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "clause_consultation_id_key_key" ON "clause"("consultation_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "clause_consultation_id_position_key" ON "clause"("consultation_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "response_number_key" ON "response"("number");

-- CreateIndex
CREATE UNIQUE INDEX "response_reference_key" ON "response"("reference");

-- CreateIndex
CREATE INDEX "response_consultation_id_submitted_at_idx" ON "response"("consultation_id", "submitted_at");

-- CreateIndex
CREATE UNIQUE INDEX "response_consultation_id_idempotency_key_key" ON "response"("consultation_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "feedback_item_clause_id_aspect_idx" ON "feedback_item"("clause_id", "aspect");

-- CreateIndex
CREATE UNIQUE INDEX "feedback_item_response_id_position_key" ON "feedback_item"("response_id", "position");

-- AddForeignKey
ALTER TABLE "clause" ADD CONSTRAINT "clause_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clause" ADD CONSTRAINT "clause_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "clause"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response" ADD CONSTRAINT "response_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_item" ADD CONSTRAINT "feedback_item_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_item" ADD CONSTRAINT "feedback_item_clause_id_fkey" FOREIGN KEY ("clause_id") REFERENCES "clause"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Constraints Prisma cannot express. The application validates the same rules
-- (lib/responses/schema.ts); these keep the data true whatever writes it.
ALTER TABLE "consultation"
  ADD CONSTRAINT "consultation_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  ADD CONSTRAINT "consultation_reference_prefix_check" CHECK ("reference_prefix" ~ '^[A-Z0-9]{2,12}$'),
  ADD CONSTRAINT "consultation_window_check" CHECK ("closes_at" > "opens_at");

ALTER TABLE "clause"
  ADD CONSTRAINT "clause_key_check" CHECK ("key" ~ '^[a-z0-9]+([.-][a-z0-9]+)*$'),
  ADD CONSTRAINT "clause_position_check" CHECK ("position" >= 0),
  ADD CONSTRAINT "clause_parent_check" CHECK ("parent_id" IS NULL OR "parent_id" <> "id");

ALTER TABLE "response"
  ADD CONSTRAINT "response_locale_check" CHECK ("locale" IN ('en', 'fr')),
  ADD CONSTRAINT "response_channel_check" CHECK ("channel" IN ('web', 'api')),
  ADD CONSTRAINT "response_country_check" CHECK ("country" ~ '^[A-Z]{2}$'),
  ADD CONSTRAINT "response_idempotency_key_check" CHECK ("idempotency_key" ~ '^[A-Za-z0-9_-]{8,64}$'),
  ADD CONSTRAINT "response_email_check" CHECK ("email" IS NULL OR "email" ~ '^[^@\s]+@[^@\s]+$'),
  ADD CONSTRAINT "response_organisation_name_check" CHECK (
    ("organisation_name" IS NULL OR char_length(btrim("organisation_name")) > 0)
    AND ("respondent_type" = 'individual' OR "organisation_name" IS NOT NULL)),
  ADD CONSTRAINT "response_respondent_name_check" CHECK (
    ("respondent_name" IS NULL OR char_length(btrim("respondent_name")) > 0)
    AND ("publication" <> 'named' OR "respondent_name" IS NOT NULL OR "organisation_name" IS NOT NULL));

ALTER TABLE "feedback_item"
  ADD CONSTRAINT "feedback_item_rating_check" CHECK ("rating" BETWEEN 1 AND 5),
  ADD CONSTRAINT "feedback_item_position_check" CHECK ("position" >= 0),
  ADD CONSTRAINT "feedback_item_clause_check" CHECK (("aspect" = 'general') = ("clause_id" IS NULL)),
  ADD CONSTRAINT "feedback_item_rating_aspect_check" CHECK ("rating" IS NULL OR "aspect" IN ('clarity', 'feasibility')),
  ADD CONSTRAINT "feedback_item_language_check" CHECK (("aspect" = 'language') = ("term" IS NOT NULL)),
  ADD CONSTRAINT "feedback_item_wording_check" CHECK ("proposed_wording" IS NULL OR "aspect" = 'language'),
  ADD CONSTRAINT "feedback_item_context_check" CHECK ("country_context" IS NULL OR "aspect" = 'feasibility'),
  ADD CONSTRAINT "feedback_item_general_check" CHECK ("aspect" <> 'general' OR "comment" IS NOT NULL),
  ADD CONSTRAINT "feedback_item_not_empty_check" CHECK (
    "rating" IS NOT NULL OR "comment" IS NOT NULL OR "term" IS NOT NULL
    OR "proposed_wording" IS NOT NULL OR "country_context" IS NOT NULL);

-- Down Migration
DROP TABLE "feedback_item";
DROP TABLE "response";
DROP TABLE "clause";
DROP TABLE "consultation";
DROP TYPE "feedback_aspect";
DROP TYPE "publication";
DROP TYPE "respondent_type";
DROP TYPE "clause_kind";
