-- Up Migration
-- An idempotency key is bound to the request it first came with: the SHA-256 of
-- the parsed request (lib/responses/idempotency.ts). A replay must carry the same
-- hash to get the first answer. Existing rows keep NULL, which no replay matches
-- (their key then answers 409 idempotency_key_reused); so do formal responses
-- and erased ones (the hash is of personal data: erasure clears it).
ALTER TABLE "response" ADD COLUMN "request_hash" CHAR(64);

ALTER TABLE "response"
  ADD CONSTRAINT "response_request_hash_check" CHECK ("request_hash" ~ '^[0-9a-f]{64}$'),
  DROP CONSTRAINT "response_erased_check",
  ADD CONSTRAINT "response_erased_check" CHECK ("erased_at" IS NULL OR ("respondent_name" IS NULL AND "organisation_name" IS NULL
    AND "email" IS NULL AND "ip_hash" IS NULL AND "manage_token_hash" IS NULL AND "request_hash" IS NULL AND "publication" <> 'named'));

-- Down Migration
ALTER TABLE "response"
  DROP CONSTRAINT "response_erased_check",
  ADD CONSTRAINT "response_erased_check" CHECK ("erased_at" IS NULL OR ("respondent_name" IS NULL AND "organisation_name" IS NULL
    AND "email" IS NULL AND "ip_hash" IS NULL AND "manage_token_hash" IS NULL AND "publication" <> 'named'));
ALTER TABLE "response" DROP COLUMN "request_hash";
