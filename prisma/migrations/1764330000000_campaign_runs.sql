-- Up Migration
-- "Find campaigns" as a background run, one at a time per consultation.
-- CreateTable
CREATE TABLE "campaign_run" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "consultation_id" UUID NOT NULL,
    "requested_by_id" UUID,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "campaigns" INTEGER,
    "grouped" INTEGER,
    "error" VARCHAR(500),

    CONSTRAINT "campaign_run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "campaign_run_consultation_id_requested_at_idx" ON "campaign_run"("consultation_id", "requested_at");

-- AddForeignKey
ALTER TABLE "campaign_run" ADD CONSTRAINT "campaign_run_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_run" ADD CONSTRAINT "campaign_run_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One unfinished run per consultation: a second request finds the first.
CREATE UNIQUE INDEX "campaign_run_active_idx" ON "campaign_run" ("consultation_id") WHERE "finished_at" IS NULL;

-- Down Migration
DROP TABLE "campaign_run";
