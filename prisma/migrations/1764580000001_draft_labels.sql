-- Up Migration
-- A consultation's own words for the draft's sections and their items, per language ("Recommendation" /
-- "Recommandation", "Article"): the Markdown import accepts them, the public pages show them. Null: the default words.
ALTER TABLE "consultation"
  ADD COLUMN "section_label_en" VARCHAR(40),
  ADD COLUMN "section_label_fr" VARCHAR(40),
  ADD COLUMN "item_label_en" VARCHAR(40),
  ADD COLUMN "item_label_fr" VARCHAR(40);

-- Down Migration
ALTER TABLE "consultation" DROP COLUMN "section_label_en", DROP COLUMN "section_label_fr", DROP COLUMN "item_label_en", DROP COLUMN "item_label_fr";
