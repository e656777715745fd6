-- Up Migration
-- Issue 12: the themes of a million comments take about a minute of PostgreSQL to compute. Every 5 minutes during a
-- deadline rush that is a fifth of a core taken from the submissions; a consultation's themes are now recomputed at
-- most once per ten times their last computation's length (lib/themes/refresh-themes.ts), so the job's share stays
-- under a tenth whatever the size.
ALTER TABLE "comment_theme_refresh" ADD COLUMN "duration_ms" INTEGER NOT NULL DEFAULT 0;

-- Down Migration
ALTER TABLE "comment_theme_refresh" DROP COLUMN "duration_ms";
