-- Up Migration
-- The queue's indexes and full-text search. Written by npm run db:diff; the
-- column's GENERATED expression by hand (Prisma cannot express it).

-- Full-text search over an item's texts, in English and French at once, kept
-- by PostgreSQL itself. Stored, so a query never recomputes it row by row.
ALTER TABLE "feedback_item" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  to_tsvector('english'::regconfig, coalesce("comment", '') || ' ' || coalesce("term", '') || ' ' || coalesce("proposed_wording", '') || ' ' || coalesce("country_context", ''))
  || to_tsvector('french'::regconfig, coalesce("comment", '') || ' ' || coalesce("term", '') || ' ' || coalesce("proposed_wording", '') || ' ' || coalesce("country_context", ''))
) STORED;
-- Finer statistics on the words, so the planner knows a rare word is rare
-- and goes to the GIN index instead of scanning the newest items.
ALTER TABLE "feedback_item" ALTER COLUMN "search" SET STATISTICS 1000;

-- CreateIndex
CREATE INDEX "response_consultation_id_number_idx" ON "response"("consultation_id", "number");

-- CreateIndex
CREATE INDEX "feedback_item_search_idx" ON "feedback_item" USING GIN ("search");

-- Down Migration
DROP INDEX "feedback_item_search_idx";
DROP INDEX "response_consultation_id_number_idx";
ALTER TABLE "feedback_item" DROP COLUMN "search";
