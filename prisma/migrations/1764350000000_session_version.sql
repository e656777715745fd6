-- Up Migration
-- Ending sessions: every session (a JWT) carries the account's session version
-- from sign-in; sign-out, a role or delegation change, deactivation and a new
-- password increment it, so every earlier session of the account is refused.
ALTER TABLE "app_user" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;

-- Down Migration
ALTER TABLE "app_user" DROP COLUMN "session_version";
