-- Up Migration
-- Issue 15 §3: the consultation workbook is logged in export_event like the CSV export.
ALTER TABLE "export_event" DROP CONSTRAINT "export_event_format_check";
ALTER TABLE "export_event" ADD CONSTRAINT "export_event_format_check" CHECK ("format" IN ('csv', 'jsonl', 'xlsx'));

-- Issue 15 §6: the language each comment is written in, detected by franc-min in the background (the job
-- refresh-themes, lib/themes/), as an ISO 639-3 code ("eng", "fra", "deu"…; "und" when the text is too short to
-- tell). Null until the job has seen it: the ingest path pays nothing.
ALTER TABLE "feedback_item" ADD COLUMN "detected_language" VARCHAR(3);
-- What the job looks for: items with a comment it has not seen yet.
CREATE INDEX "feedback_item_undetected_idx" ON "feedback_item"("id") WHERE "detected_language" IS NULL AND "comment" IS NOT NULL;
-- The queue's "another language" filter: few items, found from this small index rather than by walking them all.
CREATE INDEX "feedback_item_other_language_idx" ON "feedback_item"("detected_language") WHERE "detected_language" NOT IN ('eng', 'fra', 'und');

-- The themes of a consultation's comments (most frequent words and two-word phrases per clause, aspect and language,
-- stop words removed), computed by the same job after ingestion: reading them on the overview is one indexed query
-- at any size. comment_theme_refresh says when they were computed (shown on the overview).
CREATE TABLE "comment_theme" (
    "id" BIGSERIAL NOT NULL,
    "consultation_id" UUID NOT NULL,
    "clause_id" UUID,
    "aspect" "feedback_aspect" NOT NULL,
    "language" VARCHAR(3) NOT NULL,
    "phrase" VARCHAR(200) NOT NULL,
    "words" SMALLINT NOT NULL,
    "n" INTEGER NOT NULL,
    "rank" SMALLINT NOT NULL,

    CONSTRAINT "comment_theme_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "comment_theme_consultation_id_idx" ON "comment_theme"("consultation_id");

ALTER TABLE "comment_theme" ADD CONSTRAINT "comment_theme_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "comment_theme_refresh" (
    "consultation_id" UUID NOT NULL,
    "refreshed_at" TIMESTAMPTZ(3) NOT NULL,
    "items" INTEGER NOT NULL,

    CONSTRAINT "comment_theme_refresh_pkey" PRIMARY KEY ("consultation_id")
);

ALTER TABLE "comment_theme_refresh" ADD CONSTRAINT "comment_theme_refresh_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Down Migration
DROP TABLE "comment_theme_refresh";
DROP TABLE "comment_theme";
DROP INDEX "feedback_item_other_language_idx";
DROP INDEX "feedback_item_undetected_idx";
ALTER TABLE "feedback_item" DROP COLUMN "detected_language";
ALTER TABLE "export_event" DROP CONSTRAINT "export_event_format_check";
ALTER TABLE "export_event" ADD CONSTRAINT "export_event_format_check" CHECK ("format" IN ('csv', 'jsonl'));
