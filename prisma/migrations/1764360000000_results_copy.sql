-- Up Migration
-- The published results, computed once at publication and served from here (issue 10).
-- Consultations whose results were published before this migration get their copy on first read.
-- CreateTable
CREATE TABLE "results_copy" (
    "consultation_id" UUID NOT NULL,
    "built_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "summary" JSONB NOT NULL,

    CONSTRAINT "results_copy_pkey" PRIMARY KEY ("consultation_id")
);

-- CreateTable
CREATE TABLE "results_row" (
    "consultation_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "clause_id" UUID,
    "clause_key" VARCHAR(32),
    "clause_number" VARCHAR(16),
    "aspect" VARCHAR(16) NOT NULL,
    "rating" SMALLINT,
    "stance" VARCHAR(32),
    "comment" TEXT,
    "proposed_wording" TEXT,
    "published" BOOLEAN NOT NULL,
    "disposition" VARCHAR(32),
    "disposition_reason" TEXT,
    "official" BOOLEAN NOT NULL,
    "country" CHAR(2),

    CONSTRAINT "results_row_pkey" PRIMARY KEY ("consultation_id","seq")
);

-- AddForeignKey
ALTER TABLE "results_copy" ADD CONSTRAINT "results_copy_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "results_row" ADD CONSTRAINT "results_row_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Down Migration
DROP TABLE "results_row";
DROP TABLE "results_copy";
