-- Up Migration
-- Email receipts waiting to be sent: an outbox written with the response (lib/mail/receipt-outbox.ts).
-- CreateTable
CREATE TABLE "receipt_outbox" (
    "response_id" UUID NOT NULL,
    "manage_token" VARCHAR(64),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" VARCHAR(500),
    "gave_up_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "receipt_outbox_pkey" PRIMARY KEY ("response_id")
);

-- CreateIndex
CREATE INDEX "receipt_outbox_next_attempt_at_idx" ON "receipt_outbox"("next_attempt_at");

-- AddForeignKey
ALTER TABLE "receipt_outbox" ADD CONSTRAINT "receipt_outbox_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "receipt_outbox" ADD CONSTRAINT "receipt_outbox_attempts_check" CHECK ("attempts" >= 0);

-- Down Migration
DROP TABLE "receipt_outbox";
