-- Up Migration
-- Issue 12: an item's search vector and campaign fingerprint were computed when it was stored, by a trigger
-- (to_tsvector and a regular expression per item): with their GIN entries, 45 % of PostgreSQL's work per submitted
-- response, on the deadline rush's path. They are now derived in the background, with the comment's detected
-- language, by the derive-items job (lib/feedback/derive-items.ts), which already rewrote each new item once for its
-- language: one UPDATE per 2,000 items, and none while the server sheds load. Until then the queue's search computes
-- the vector of the items not derived yet on the fly (lib/feedback/queue-filter.ts: they are few outside a rush, found
-- from the partial index below), and "Find campaigns" their fingerprint, so nothing submitted is missed.
-- Both expressions are functions, so the job, the search and the campaigns compute exactly the same values.
CREATE FUNCTION "feedback_item_vector"("language" text, "comment" text, "term" text, "proposed_wording" text, "country_context" text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT CASE "language"
    WHEN 'en' THEN to_tsvector('english'::regconfig, t)
    WHEN 'fr' THEN to_tsvector('french'::regconfig, t)
    ELSE to_tsvector('english'::regconfig, t) || to_tsvector('french'::regconfig, t) END
  FROM (SELECT coalesce("comment", '') || ' ' || coalesce("term", '') || ' ' || coalesce("proposed_wording", '') || ' ' || coalesce("country_context", '') AS t) x
$fn$;

CREATE FUNCTION "feedback_item_fingerprint"("comment" text) RETURNS char(32) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT (CASE WHEN char_length("comment") >= 20 THEN md5(btrim(regexp_replace(lower("comment"), '[^[:alnum:]]+', ' ', 'g'))) END)::char(32)
$fn$;

-- A changed text (a private-link change, an erasure's blanking) drops what was derived from it at once (an erased
-- comment leaves the search index in the same statement); the job derives it again.
DROP TRIGGER "feedback_item_derive" ON "feedback_item";
CREATE OR REPLACE FUNCTION "feedback_item_derive"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  NEW."search" := NULL;
  NEW."fingerprint" := NULL;
  IF NEW."comment" IS DISTINCT FROM OLD."comment" OR NEW."language" IS DISTINCT FROM OLD."language" THEN
    NEW."detected_language" := NULL;
  END IF;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER "feedback_item_derive" BEFORE UPDATE OF "comment", "term", "proposed_wording", "country_context", "language"
  ON "feedback_item" FOR EACH ROW
  WHEN (NEW."comment" IS DISTINCT FROM OLD."comment" OR NEW."term" IS DISTINCT FROM OLD."term"
    OR NEW."proposed_wording" IS DISTINCT FROM OLD."proposed_wording" OR NEW."country_context" IS DISTINCT FROM OLD."country_context"
    OR NEW."language" IS DISTINCT FROM OLD."language")
  EXECUTE FUNCTION "feedback_item_derive"();

-- What the job and the search's fallback look for: items not derived yet (new or changed; a minute's items outside
-- a rush). Apart, the comments derived before but whose language is not detected yet (written before this migration):
-- a new item enters one small index, not two, and a backlog of languages never slows the search's fallback.
DROP INDEX "feedback_item_undetected_idx";
CREATE INDEX "feedback_item_underived_idx" ON "feedback_item"("id") WHERE "search" IS NULL;
CREATE INDEX "feedback_item_undetected_idx" ON "feedback_item"("id")
  WHERE "search" IS NOT NULL AND "detected_language" IS NULL AND "comment" IS NOT NULL;

-- Down Migration
DROP INDEX "feedback_item_underived_idx";
DROP INDEX "feedback_item_undetected_idx";
CREATE INDEX "feedback_item_undetected_idx" ON "feedback_item"("id") WHERE "detected_language" IS NULL AND "comment" IS NOT NULL;
DROP TRIGGER "feedback_item_derive" ON "feedback_item";
CREATE OR REPLACE FUNCTION "feedback_item_derive"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE texts text := coalesce(NEW."comment", '') || ' ' || coalesce(NEW."term", '') || ' ' || coalesce(NEW."proposed_wording", '') || ' ' || coalesce(NEW."country_context", '');
BEGIN
  NEW."search" := CASE NEW."language"
    WHEN 'en' THEN to_tsvector('english'::regconfig, texts)
    WHEN 'fr' THEN to_tsvector('french'::regconfig, texts)
    ELSE to_tsvector('english'::regconfig, texts) || to_tsvector('french'::regconfig, texts) END;
  NEW."fingerprint" := (CASE WHEN char_length(NEW."comment") >= 20
    THEN md5(btrim(regexp_replace(lower(NEW."comment"), '[^[:alnum:]]+', ' ', 'g'))) END)::char(32);
  RETURN NEW;
END
$fn$;
CREATE TRIGGER "feedback_item_derive" BEFORE INSERT OR UPDATE OF "comment", "term", "proposed_wording", "country_context", "language", "search", "fingerprint"
  ON "feedback_item" FOR EACH ROW EXECUTE FUNCTION "feedback_item_derive"();
UPDATE "feedback_item" SET "comment" = "comment" WHERE "search" IS NULL;
DROP FUNCTION "feedback_item_fingerprint"(text);
DROP FUNCTION "feedback_item_vector"(text, text, text, text, text);
