// Sign-in limits, shared by every app instance: rate-limiter-flexible with its
// PostgreSQL store (lib/http/shared-limiter.ts).
// - Per email address: five failed sign-ins within 15 minutes lock the address
//   for 15 minutes, known or not (so the answer reveals nothing).
// - Per client address: SIGN_IN_RATE_LIMIT_PER_ADDRESS failures in 15 minutes,
//   whatever the email addresses (password spraying), then 15 minutes' wait.
// An attempt is counted before its password is checked, so a burst of parallel
// guesses gets five checks, not one each. A success clears the email address's
// count and gives the client address its point back. Email addresses are
// stored in the limits table only as a hash.
import { env } from "@/lib/env";
import { consume, hashedKey, sharedLimiter } from "@/lib/http/shared-limiter";

export const MAX_FAILURES = 5;
const FIFTEEN_MINUTES = 15 * 60;

export type TThrottleOptions = { prefix?: string; windowSeconds?: number; lockSeconds?: number; perAddress?: number };
export type TAttempt = { ok: true; last: boolean } | { ok: false; retryAfterSeconds: number };
export type TSignInThrottle = ReturnType<typeof signInThrottle>;

export function signInThrottle(o: TThrottleOptions = {}) {
  const prefix = o.prefix ?? "signin";
  const windowSeconds = o.windowSeconds ?? FIFTEEN_MINUTES;
  const lockSeconds = o.lockSeconds ?? FIFTEEN_MINUTES;
  const perAddress = o.perAddress ?? env().SIGN_IN_RATE_LIMIT_PER_ADDRESS;
  const byEmail = sharedLimiter(`${prefix}-email`, MAX_FAILURES, windowSeconds, lockSeconds);
  const byAddress = perAddress > 0 ? sharedLimiter(`${prefix}-ip`, perAddress, windowSeconds, lockSeconds) : null;
  return {
    lockSeconds,
    /** Counts one attempt, before the password is checked. `last`: a failure now locks the email address. */
    async attempt(email: string, clientIp: string): Promise<TAttempt> {
      if (byAddress) {
        const a = await consume(byAddress, clientIp);
        if (!a.ok) return a;
      }
      const e = await consume(byEmail, hashedKey(email));
      return e.ok ? { ok: true, last: e.remainingPoints === 0 } : e;
    },
    /** The last allowed attempt failed: the email address is locked from now. */
    async lock(email: string): Promise<void> {
      await byEmail.block(hashedKey(email), lockSeconds);
    },
    async succeeded(email: string, clientIp: string): Promise<void> {
      await byEmail.delete(hashedKey(email));
      if (byAddress) await byAddress.reward(clientIp, 1);
    },
  };
}

let standard: TSignInThrottle | undefined;
/** The limits the app runs with (15 minutes; SIGN_IN_RATE_LIMIT_PER_ADDRESS). */
export function defaultSignInThrottle(): TSignInThrottle {
  return (standard ??= signInThrottle());
}
