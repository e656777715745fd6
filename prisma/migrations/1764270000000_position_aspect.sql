-- Up Migration
-- A country's position on a clause is a feedback item of its own aspect. On its
-- own migration: a new enum value can be used only after it is committed.
ALTER TYPE "feedback_aspect" ADD VALUE IF NOT EXISTS 'position';

-- Down Migration
-- PostgreSQL cannot drop an enum value; the value stays, unused.
SELECT 1;
