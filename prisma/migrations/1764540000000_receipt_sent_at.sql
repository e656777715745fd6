-- When the mail server accepted the response's email receipt (lib/responses/deliver-receipts.ts). Written right
-- after it did, and read before sending: a receipt job that runs again (its server was killed before
-- graphile-worker marked it done, and the heartbeat freed it) does not send the receipt a second time.
ALTER TABLE response ADD COLUMN receipt_sent_at timestamptz(3);
