-- Up Migration
-- Rate limits shared by every app instance (rate-limiter-flexible's PostgreSQL store). Its own schema:
-- not part of the data model in schema.prisma, only the library reads and writes it.
CREATE SCHEMA IF NOT EXISTS "ratelimit";
CREATE TABLE IF NOT EXISTS "ratelimit"."limits" (
  "key" varchar(255) PRIMARY KEY,
  "points" integer NOT NULL DEFAULT 0,
  "expire" bigint
);
CREATE INDEX IF NOT EXISTS "limits_expire_idx" ON "ratelimit"."limits" ("expire");

-- Down Migration
DROP SCHEMA "ratelimit" CASCADE;
