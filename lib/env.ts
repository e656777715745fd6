// Every environment variable the app reads, parsed once. Nothing else reads process.env.
import "server-only";
// The schema is lib/env-schema.mjs, shared with the HTTP server (scripts/server.mjs).
import type { z } from "zod";
import { readEnv, type ZEnv } from "./env-schema.mjs";

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

export function env(): TEnv {
  if (cached) return cached;
  try {
    cached = readEnv(process.env);
  } catch (e) {
    throw new Error(`Invalid environment variables:\n  ${(e as Error).message.replaceAll("\n", "\n  ")}`);
  }
  return cached;
}

export function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url)
    throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides an embedded database.");
  return url;
}

export function requireSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret)
    throw new Error("AUTH_SECRET is not set (32 characters or more). `npm start` generates one for the embedded demo.");
  return secret;
}

/** The site's public base URL, without a trailing slash. */
export function appUrl(): string {
  const e = env();
  return (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
}
