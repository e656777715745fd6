-- Up Migration
-- Password reset links (lib/password-resets/): only the SHA-256 of the one-time token is kept; a link is valid for
-- an hour and used once (used_at is set by the one UPDATE that accepts it); using one marks the account's other
-- pending links used. Deleted with the account.
CREATE TABLE "password_reset" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "password_reset_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "password_reset_token_hash_key" ON "password_reset"("token_hash");

CREATE INDEX "password_reset_user_id_idx" ON "password_reset"("user_id");

ALTER TABLE "password_reset" ADD CONSTRAINT "password_reset_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "password_reset"
  ADD CONSTRAINT "password_reset_token_hash_check" CHECK ("token_hash" ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT "password_reset_expiry_check" CHECK ("expires_at" > "created_at");

-- Down Migration
DROP TABLE "password_reset";
