// Every environment variable the app and its HTTP server (scripts/server.mjs) read, as one zod
// schema, parsed once. Plain JavaScript, without "server-only", so that scripts/server.mjs (run by
// Node.js itself, before Next.js) validates its settings with the very schema lib/env.ts uses.
import { z } from "zod";

/** A whole number written in digits only (no "1e3", "0x10" or "1.5"), from min to max. */
const ZWhole = (min, max) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `must be a whole number from ${min} to ${max}`)
        .max(max, `must be a whole number from ${min} to ${max}`),
    );

const ZBool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

export const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Hours between runs of the retention job (0: never; for tests). */
  RETENTION_INTERVAL_HOURS: z.coerce.number().min(0).max(168).default(1),
  /** PostgreSQL connection string. scripts/start.mjs sets it to the embedded database when unset. */
  DATABASE_URL: z.string().optional(),
  /** Connections in this process's pool: about twice PostgreSQL's cores (README, Decisions). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(8),
  /** Secret for signing receipt links (and, later, sessions). scripts/start.mjs generates one for the embedded demo. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** Milliseconds a request waits for a free database connection before it is answered 503 (overload). */
  DATABASE_POOL_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  /** Failed sign-ins one client (IP address) may make in 15 minutes, whatever the email addresses. 0 turns the limit off. */
  SIGN_IN_RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).default(50),
  /** Attempts to accept an invitation (set a password) one client (IP address) may make in 15 minutes. 0 turns the limit off. */
  INVITATION_RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).default(10),
  /** Requests for a password reset link, and attempts to set a new password, one client (IP address) may make in 15 minutes (each counted apart). 0 turns the limit off. */
  PASSWORD_RESET_RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).default(10),
  /** Responses one email address may submit per hour (form and API together). 0 turns the limit off. */
  SUBMIT_RATE_LIMIT_PER_EMAIL_PER_HOUR: z.coerce.number().int().min(0).default(10),
  /** Responses one client (IP address) may submit per minute, on the form and the API together. 0 turns the limit off. */
  SUBMIT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(20),
  /** Seed only: the sample consultation's deadline (ISO 8601 with offset). Unset: 90 days after it is first seeded. */
  CONSULTATION_CLOSES_AT: z.iso.datetime({ offset: true }).optional(),
  /** Requests one client may make per minute to the open-data API (the export counts 10). 0 turns the limit off. */
  OPEN_DATA_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  /** Reports of published comments one client (IP address) may send per hour. 0 turns the limit off. */
  COMMENT_REPORT_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(0).default(10),
  /** Export streams (moderation, open data, results CSV) one client may hold at once, across servers (0: no limit). */
  EXPORT_STREAMS_PER_CLIENT: z.coerce.number().int().min(0).max(20).default(1),
  /** Seconds an export stream may wait for its reader before it is destroyed and its connection returned. */
  EXPORT_STALL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Port the server listens on. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Trust X-Forwarded-For for the client's address (only behind a proxy you run). */
  TRUST_PROXY: ZBool,
  /** SMTP server for invitations and receipts (smtp://user:pass@host:587, smtps://…). Unset: invitation links are shown to the admin only (never logged). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  /** Sender of every email. */
  MAIL_FROM: z.string().max(200).default("Clausewise <no-reply@localhost>"),
  /** The public address of this site, for links in emails. Unset: http://localhost:PORT. */
  APP_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// address" }).optional(),
  /** "Find campaigns": comments shorter than this, in characters once folded (lower-cased, punctuation and spacing folded), are never grouped. */
  CAMPAIGN_MIN_CHARS: z.coerce.number().int().min(20).max(2000).default(40),
  /** Bearer token that shows /api/health's details (process, database latency, receipt queue). Unset: only staff sessions see them. */
  HEALTH_TOKEN: z.string().min(32, "must be at least 32 characters").optional(),
  /** The address people write to about the service (the footer, the accessibility statement). Unset: no address is shown. */
  CONTACT_EMAIL: z.email().max(254).optional(),
  /** Files a respondent may attach to a response (lib/attachments/); 0 turns attachments off. */
  ATTACHMENT_MAX_FILES: ZWhole(0, 20).default(5),
  /** Largest file a respondent may attach, in MB (1 MB = 1,048,576 bytes). */
  ATTACHMENT_MAX_FILE_MB: ZWhole(1, 50).default(10),
  /** Largest total of one response's files, in MB; the server reads a response form or API request of up to this plus 2 MB. */
  ATTACHMENT_MAX_RESPONSE_MB: ZWhole(1, 50).default(25),
  // The HTTP server's own settings (scripts/server.mjs reads them through readServerSettings below).
  /** Address the server listens on. Unset: 0.0.0.0, or 127.0.0.1 with TRUST_PROXY. */
  HOSTNAME: z.string().min(1).optional(),
  /** pino's level for the JSON request log. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Requests one server handles at once; above it, 503 at once (load shedding). */
  MAX_IN_FLIGHT: ZWhole(1, 100_000).default(192),
  /** Requests one server handles at once from one client address; 0 turns it off. Unset: 24, or MAX_IN_FLIGHT if lower. */
  MAX_IN_FLIGHT_PER_CLIENT: ZWhole(0, 100_000).optional(),
  /** Load shedding on the event loop's delay (lib/http/overload.mjs); 0 turns it off. */
  MAX_EVENT_LOOP_DELAY_MS: ZWhole(0, 10_000).default(40),
  /** The same on the loop's utilisation, in %; 100 turns it off. */
  MAX_EVENT_LOOP_UTILISATION: ZWhole(1, 100).default(100),
});

/** Variables whose value is never repeated in an error message. */
const SECRET = new Set(["AUTH_SECRET", "DATABASE_URL", "SMTP_URL", "HEALTH_TOKEN"]);

/** A setting nothing can start with; its message names each bad variable (and its value, unless secret). */
export class EnvError extends Error {}

/**
 * The environment parsed and checked (an empty variable, FOO=, means unset).
 * @param {Record<string, string | undefined>} source the environment (process.env; the caller passes it)
 * @returns {z.infer<typeof ZEnv>}
 */
export function readEnv(source) {
  const given = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = ZEnv.safeParse(given);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => {
    const name = String(i.path[0]);
    const shown = name in given && !SECRET.has(name) ? `${name}=${given[name]}` : name;
    return `${shown}: ${i.message}`;
  });
  throw new EnvError(lines.join("\n"));
}
