-- Up Migration
-- The queue's indexes. Written by npm run db:diff; the full-text expression index by hand.
-- CreateIndex
CREATE INDEX "response_consultation_id_number_idx" ON "response"("consultation_id", "number");


-- Full-text search over an item's texts, in English and French at once.
-- Prisma cannot express an expression index: it lives here only (the
-- schema-agreement test leaves out indexes named *_expr_idx). The expression
-- must stay exactly SEARCH_VECTOR in lib/feedback/queue-filter.ts.
CREATE INDEX "feedback_item_search_expr_idx" ON "feedback_item" USING gin (
  (to_tsvector('english'::regconfig, coalesce(comment, '') || ' ' || coalesce(term, '') || ' ' || coalesce(proposed_wording, '') || ' ' || coalesce(country_context, ''))
   || to_tsvector('french'::regconfig, coalesce(comment, '') || ' ' || coalesce(term, '') || ' ' || coalesce(proposed_wording, '') || ' ' || coalesce(country_context, '')))
);

-- Down Migration
DROP INDEX "feedback_item_search_expr_idx";
DROP INDEX "response_consultation_id_number_idx";
