// Rate limits on submissions, shared by every app instance (shared-limiter.ts):
// per client address per minute, and per email address per hour.
import { env } from "@/lib/env";
import { consume, hashedKey, sharedLimiter, type TLimitResult } from "./shared-limiter";

export type { TLimitResult };

/** One submission attempt from this client address (counted before anything is read: invalid ones count too). */
export async function limitClient(clientIp: string): Promise<TLimitResult> {
  const perMinute = env().SUBMIT_RATE_LIMIT_PER_MINUTE;
  return perMinute > 0 ? consume(sharedLimiter("submit-ip", perMinute, 60), clientIp) : { ok: true };
}

/** One valid submission giving this email address. */
export async function limitEmail(email: string | null | undefined): Promise<TLimitResult> {
  const perHour = env().SUBMIT_RATE_LIMIT_PER_EMAIL_PER_HOUR;
  if (!email || perHour === 0) return { ok: true };
  // The address itself is not stored in the limits table: only its hash.
  return consume(sharedLimiter("submit-email", perHour, 3600), hashedKey(email));
}
