// Every environment variable the app reads, parsed once. Nothing else reads process.env.
import "server-only";
import { z } from "zod";

const ZBool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Hours between runs of the retention job (0: never; for tests). */
  RETENTION_INTERVAL_HOURS: z.coerce.number().min(0).max(168).default(1),
  /** PostgreSQL connection string. scripts/start.mjs sets it to the embedded database when unset. */
  DATABASE_URL: z.string().optional(),
  /** Connections in this process's pool. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /** Secret for signing receipt links (and, later, sessions). scripts/start.mjs generates one for the embedded demo. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** Milliseconds a request waits for a free database connection before it is answered 503 (overload). */
  DATABASE_POOL_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  /** Failed sign-ins one client (IP address) may make in 15 minutes, whatever the email addresses. 0 turns the limit off. */
  SIGN_IN_RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).default(50),
  /** Attempts to accept an invitation (set a password) one client (IP address) may make in 15 minutes. 0 turns the limit off. */
  INVITATION_RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).default(10),
  /** Responses one email address may submit per hour (form and API together). 0 turns the limit off. */
  SUBMIT_RATE_LIMIT_PER_EMAIL_PER_HOUR: z.coerce.number().int().min(0).default(10),
  /** Responses one client (IP address) may submit per minute, on the form and the API together. 0 turns the limit off. */
  SUBMIT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(20),
  /** Seed only: the sample consultation's deadline (ISO 8601 with offset). Unset: 90 days after it is first seeded. */
  CONSULTATION_CLOSES_AT: z.iso.datetime({ offset: true }).optional(),
  /** Requests one client may make per minute to the open-data API (the export counts 10). 0 turns the limit off. */
  OPEN_DATA_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  /** Export streams (moderation, open data, results CSV) one client may hold at once, across servers (0: no limit). */
  EXPORT_STREAMS_PER_CLIENT: z.coerce.number().int().min(0).max(20).default(1),
  /** Seconds an export stream may wait for its reader before it is destroyed and its connection returned. */
  EXPORT_STALL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Port the server listens on. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Trust X-Forwarded-For for the client's address (only behind a proxy you run). */
  TRUST_PROXY: ZBool,
  /** SMTP server for invitations and receipts (smtp://user:pass@host:587, smtps://…). Unset: invitation links are shown to the admin only (never logged). */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
  /** Sender of every email. */
  MAIL_FROM: z.string().max(200).default("Clausewise <no-reply@localhost>"),
  /** The public address of this site, for links in emails. Unset: http://localhost:PORT. */
  APP_URL: z.url().optional(),
  /** "Find campaigns": comments shorter than this, in characters once folded (lower-cased, punctuation and spacing folded), are never grouped. */
  CAMPAIGN_MIN_CHARS: z.coerce.number().int().min(20).max(2000).default(40),
  /** Bearer token that shows /api/health's details (process, database latency, receipt queue). Unset: only staff sessions see them. */
  HEALTH_TOKEN: z.string().min(32, "must be at least 32 characters").optional(),
  /** The address people write to about the service (the footer, the accessibility statement). Unset: no address is shown. */
  CONTACT_EMAIL: z.email().max(254).optional(),
});

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

export function env(): TEnv {
  if (cached) return cached;
  // An empty variable (FOO=) means unset.
  const parsed = ZEnv.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment variables:\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}

export function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides an embedded database.");
  return url;
}

export function requireSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set (32 characters or more). `npm start` generates one for the embedded demo.");
  return secret;
}

/** The site's public base URL, without a trailing slash. */
export function appUrl(): string {
  const e = env();
  return (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
}
