-- Up Migration
-- Results people can read (issue 11): the page lists only published comments, a few per clause, and
-- pages through the rest per clause. listed_seq numbers the rows the public may read (published, with
-- words or a position), in the matrix's order, across the consultation: a clause's listed rows are one
-- range of it, so any page of any clause is a key-range read. Copies made before this have no numbers
-- and an older summary: they are rebuilt on first read (lib/results/build-results.ts).
ALTER TABLE "results_row" ADD COLUMN "listed_seq" INTEGER;
CREATE UNIQUE INDEX "results_row_listed_idx" ON "results_row" ("consultation_id", "listed_seq") WHERE "listed_seq" IS NOT NULL;

-- Down Migration
DROP INDEX "results_row_listed_idx";
ALTER TABLE "results_row" DROP COLUMN "listed_seq";
