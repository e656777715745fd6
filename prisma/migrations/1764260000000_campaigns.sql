-- Up Migration
-- Campaigns: identical and near-identical comments grouped. Written by npm run
-- db:diff; the generated fingerprint, the extension and the trigram index by hand.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "feedback_item" ADD COLUMN "campaign_id" UUID,
ADD COLUMN "fingerprint" CHAR(32) GENERATED ALWAYS AS (
  (CASE WHEN char_length("comment") >= 20
    THEN md5(btrim(regexp_replace(lower("comment"), '[^[:alnum:]]+', ' ', 'g'))) END)::char(32)
) STORED;

-- CreateTable
CREATE TABLE "campaign" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "consultation_id" UUID NOT NULL,
    "fingerprint" CHAR(32) NOT NULL,
    "sample" VARCHAR(5000) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaign_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "campaign_consultation_id_fingerprint_key" ON "campaign"("consultation_id", "fingerprint");

-- CreateIndex
CREATE INDEX "feedback_item_fingerprint_idx" ON "feedback_item"("fingerprint");

-- CreateIndex
CREATE INDEX "feedback_item_campaign_id_idx" ON "feedback_item"("campaign_id");

-- AddForeignKey
ALTER TABLE "feedback_item" ADD CONSTRAINT "feedback_item_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Near-identical matching compares each ungrouped comment with the (few) campaign samples.
CREATE INDEX "campaign_sample_trgm_idx" ON "campaign" USING gin ("sample" gin_trgm_ops);

-- Down Migration
DROP INDEX "campaign_sample_trgm_idx";
ALTER TABLE "feedback_item" DROP COLUMN "campaign_id", DROP COLUMN "fingerprint";
DROP TABLE "campaign";
