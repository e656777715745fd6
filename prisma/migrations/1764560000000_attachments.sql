-- Up Migration
-- Files a respondent attached to a response (lib/attachments/): in the database, so that every server reads them,
-- with the SHA-256 of the content; checked by their content before they are stored. Published only once the
-- respondent consented to publication and a moderator cleared the file (cleared_at; the clearing is also in
-- moderation_event). Deleted with the response, and by erasure (lib/privacy).
CREATE TABLE "response_attachment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "response_id" UUID NOT NULL,
    "position" SMALLINT NOT NULL,
    "file_name" VARCHAR(200) NOT NULL,
    "media_type" VARCHAR(100) NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "content" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cleared_at" TIMESTAMPTZ(3),
    "cleared_by_id" UUID,

    CONSTRAINT "response_attachment_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "response_attachment_response_id_position_key" ON "response_attachment"("response_id", "position");

ALTER TABLE "response_attachment" ADD CONSTRAINT "response_attachment_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "response_attachment"
  ADD CONSTRAINT "response_attachment_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT "response_attachment_size_check" CHECK ("size" > 0 AND "size" = octet_length("content")),
  ADD CONSTRAINT "response_attachment_media_type_check" CHECK ("media_type" IN (
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.oasis.opendocument.text',
    'image/png',
    'image/jpeg'));

-- A moderator clearing a file for publication (or withdrawing it) is logged in the item's history.
ALTER TABLE "moderation_event" DROP CONSTRAINT "moderation_event_field_check",
  ADD CONSTRAINT "moderation_event_field_check" CHECK ("field" IN ('status', 'disposition', 'disposition_reason', 'assignee', 'tag_added', 'tag_removed', 'note', 'publication', 'campaign', 'attachment'));

-- Down Migration
DELETE FROM "moderation_event" WHERE "field" = 'attachment';
ALTER TABLE "moderation_event" DROP CONSTRAINT "moderation_event_field_check",
  ADD CONSTRAINT "moderation_event_field_check" CHECK ("field" IN ('status', 'disposition', 'disposition_reason', 'assignee', 'tag_added', 'tag_removed', 'note', 'publication', 'campaign'));
DROP TABLE "response_attachment";
