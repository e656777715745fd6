-- Up Migration
-- Issue 12: building an item's full-text vector in English AND French was the largest part of
-- PostgreSQL's work per stored response. An item now says the language it is written in (`language`,
-- set by whoever writes it: lib/responses/text-language.ts guesses from the text, else the form's
-- language), and its vector is built in that language only. Search asks in both languages
-- (queue-filter.ts), so a word is always looked up with the stemmer it was indexed with. Rows
-- without a language (older ones, other writers) keep both, as before: nothing is re-indexed.
ALTER TABLE "feedback_item" ADD COLUMN "language" VARCHAR(2);
ALTER TABLE "feedback_item" ADD CONSTRAINT "feedback_item_language_code_check" CHECK ("language" IN ('en', 'fr'));

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

DROP TRIGGER "feedback_item_derive" ON "feedback_item";
CREATE TRIGGER "feedback_item_derive" BEFORE INSERT OR UPDATE OF "comment", "term", "proposed_wording", "country_context", "language", "search", "fingerprint"
  ON "feedback_item" FOR EACH ROW EXECUTE FUNCTION "feedback_item_derive"();

-- Down Migration
DROP TRIGGER "feedback_item_derive" ON "feedback_item";
CREATE OR REPLACE FUNCTION "feedback_item_derive"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE texts text := coalesce(NEW."comment", '') || ' ' || coalesce(NEW."term", '') || ' ' || coalesce(NEW."proposed_wording", '') || ' ' || coalesce(NEW."country_context", '');
BEGIN
  NEW."search" := to_tsvector('english'::regconfig, texts) || to_tsvector('french'::regconfig, texts);
  NEW."fingerprint" := (CASE WHEN char_length(NEW."comment") >= 20
    THEN md5(btrim(regexp_replace(lower(NEW."comment"), '[^[:alnum:]]+', ' ', 'g'))) END)::char(32);
  RETURN NEW;
END
$fn$;
CREATE TRIGGER "feedback_item_derive" BEFORE INSERT OR UPDATE OF "comment", "term", "proposed_wording", "country_context", "search", "fingerprint"
  ON "feedback_item" FOR EACH ROW EXECUTE FUNCTION "feedback_item_derive"();
ALTER TABLE "feedback_item" DROP COLUMN "language";
