-- Up Migration
-- Versioned triage: every moderation change to an item (a moderator's save, a
-- bulk decision, a campaign decision) increments its version; a save carries
-- the version the moderator saw and is refused over a newer one.
ALTER TABLE "feedback_item" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- Down Migration
ALTER TABLE "feedback_item" DROP COLUMN "version";
