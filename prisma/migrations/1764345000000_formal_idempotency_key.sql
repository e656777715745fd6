-- Up Migration
-- An official response's idempotency key was formal-<workspace id prefix>-v<version>: predictable,
-- and in the alphabet the public API accepts, so a public post could take it first and make the
-- approver's submission fail. It is now formal:<random uuid>: the colon is outside the public
-- alphabet ([A-Za-z0-9_-]), and only a formal response may carry such a key.
ALTER TABLE "response"
  DROP CONSTRAINT "response_idempotency_key_check",
  ADD CONSTRAINT "response_idempotency_key_check" CHECK ("idempotency_key" ~ '^[A-Za-z0-9_-]{8,64}$'
    OR ("channel" = 'formal' AND "idempotency_key" ~ '^formal:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'));

-- Down Migration
-- (Fails while a formal:<uuid> key is stored: such rows must be given an old-style key first.)
ALTER TABLE "response"
  DROP CONSTRAINT "response_idempotency_key_check",
  ADD CONSTRAINT "response_idempotency_key_check" CHECK ("idempotency_key" ~ '^[A-Za-z0-9_-]{8,64}$');
