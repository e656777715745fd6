// Sign-in limits, shared by every app instance: rate-limiter-flexible with its
// PostgreSQL store (lib/http/shared-limiter.ts). Failures are counted for the
// pair (email address, client address), so an attacker from one address cannot
// lock the owner out of an account: the owner signs in from theirs.
// - Per pair: MAX_FAILURES failures within 15 minutes lock the pair for 15
//   minutes, then 30, 60 … up to 24 hours for each further lock within 48 hours
//   (the "strikes"); a success clears the pair.
// - Per client address: SIGN_IN_RATE_LIMIT_PER_ADDRESS failures in 15 minutes,
//   whatever the email addresses (password spraying), then 15 minutes' wait.
// - Per email address, across all client addresses: EMAIL_CEILING failures in
//   24 hours (distributed guessing from many addresses, each under its pair
//   limit); past it, only a client address that signed in to this account in
//   the last 30 days gets through until the 24 hours end.
// An attempt is counted before its password is checked, so a burst of parallel
// guesses gets five checks, not one each; unknown email addresses are counted
// the same, so the answer reveals nothing. Email addresses are stored in the
// limits table only as a SHA-256, client addresses only as an HMAC (ip-hash.ts).
import { env } from "@/lib/env";
import { consume, hashedKey, sharedLimiter } from "@/lib/http/shared-limiter";
import { limiterPool } from "@/lib/raw-pools";
import { ipHash } from "@/lib/security/ip-hash";

export const MAX_FAILURES = 5;
/** Failures per email address in 24 hours from all client addresses together (NIST SP 800-63B: at most 100). */
export const EMAIL_CEILING = 100;
export const MAX_LOCK_SECONDS = 24 * 3600;
const FIFTEEN_MINUTES = 15 * 60;
const DAY = 24 * 3600;
const STRIKE_SECONDS = 2 * DAY;
const KNOWN_SECONDS = 30 * DAY;
const MANY = 1_000_000;

export type TThrottleOptions = {
  prefix?: string;
  windowSeconds?: number;
  lockSeconds?: number;
  perAddress?: number;
  perEmail?: number;
};
/** `last`: a failure now locks the pair; `lastForEmail`: a failure now reaches the email address's ceiling. */
export type TAttempt = { ok: true; last: boolean; lastForEmail: boolean } | { ok: false; retryAfterSeconds: number };
export type TSignInThrottle = ReturnType<typeof signInThrottle>;
/** What an admin sees of an account's sign-in limits. */
export type TSignInLockState = {
  failures: number;
  lockedAddresses: number;
  lockedUntil: Date | null;
  ceilingReached: boolean;
};

/** The limits table's key for one (email address, client address) pair, without either in clear. */
export function pairKey(email: string, clientIp: string): string {
  const ip = ipHash(clientIp && clientIp !== "unknown" ? clientIp : "unknown-address") as string;
  return `${hashedKey(email)}:${ip}`;
}

export function signInThrottle(o: TThrottleOptions = {}) {
  const prefix = o.prefix ?? "signin";
  const windowSeconds = o.windowSeconds ?? FIFTEEN_MINUTES;
  const lockSeconds = o.lockSeconds ?? FIFTEEN_MINUTES;
  const perAddress = o.perAddress ?? env().SIGN_IN_RATE_LIMIT_PER_ADDRESS;
  const perEmail = o.perEmail ?? EMAIL_CEILING;
  const byPair = sharedLimiter(`${prefix}-pair`, MAX_FAILURES, windowSeconds);
  const strikes = sharedLimiter(`${prefix}-strikes`, MANY, STRIKE_SECONDS);
  const byAddress = perAddress > 0 ? sharedLimiter(`${prefix}-ip`, perAddress, windowSeconds, lockSeconds) : null;
  const byEmail = sharedLimiter(`${prefix}-email`, perEmail, DAY);
  const known = sharedLimiter(`${prefix}-known`, MANY, KNOWN_SECONDS);
  const notices = sharedLimiter(`${prefix}-notice`, 1, DAY);
  return {
    /** Counts one attempt, before the password is checked. */
    async attempt(email: string, clientIp: string): Promise<TAttempt> {
      if (byAddress) {
        const a = await consume(byAddress, clientIp);
        if (!a.ok) return a;
      }
      const pair = pairKey(email, clientIp);
      const p = await consume(byPair, pair);
      if (!p.ok) return p;
      const e = await consume(byEmail, hashedKey(email));
      if (!e.ok && !(await known.get(pair))) return e;
      return { ok: true, last: p.remainingPoints === 0, lastForEmail: e.ok && e.remainingPoints === 0 };
    },
    /** The pair's last allowed attempt failed: locks the pair, longer for each lock in 48 hours. Returns the seconds. */
    async lock(email: string, clientIp: string): Promise<number> {
      const pair = pairKey(email, clientIp);
      const strike = await strikes.penalty(pair, 1);
      const seconds = Math.min(lockSeconds * 2 ** Math.min(strike.consumedPoints - 1, 20), MAX_LOCK_SECONDS);
      await byPair.block(pair, seconds);
      return seconds;
    },
    /** true once per email address in 24 hours (until an admin unlocks it): the owner is warned once per attack, not per lock. */
    async firstNotice(email: string): Promise<boolean> {
      return (await consume(notices, hashedKey(email))).ok;
    },
    async succeeded(email: string, clientIp: string): Promise<void> {
      const pair = pairKey(email, clientIp);
      await Promise.all([
        byPair.delete(pair),
        strikes.delete(pair),
        byEmail.reward(hashedKey(email), 1),
        known.set(pair, 1, KNOWN_SECONDS),
        byAddress?.reward(clientIp, 1),
      ]);
    },
    /** Accounts with a locked pair or at their ceiling, by email address (lower case). */
    async status(emails: string[], at = Date.now()): Promise<Map<string, TSignInLockState>> {
      const byHash = new Map(emails.map((e) => [hashedKey(e), e.trim().toLowerCase()]));
      const { rows } = await limiterPool().query<{ key: string; points: number; expire: string }>(
        `SELECT key, points, expire FROM ratelimit.limits
          WHERE expire > $1 AND ((key LIKE $2 AND split_part(key, ':', 2) = ANY($3)) OR key = ANY($4))`,
        [at, `${prefix}-pair:%`, [...byHash.keys()], [...byHash.keys()].map((h) => `${prefix}-email:${h}`)],
      );
      const out = new Map<string, TSignInLockState>();
      const entry = (hash: string) => {
        const email = byHash.get(hash) as string;
        if (!out.has(email))
          out.set(email, { failures: 0, lockedAddresses: 0, lockedUntil: null, ceilingReached: false });
        return out.get(email) as TSignInLockState;
      };
      const later = (a: Date | null, ms: number) => (a && a.getTime() >= ms ? a : new Date(ms));
      for (const r of rows) {
        const [name, hash] = r.key.split(":");
        const s = entry(hash);
        if (name === `${prefix}-email`) {
          s.failures = Math.max(s.failures, r.points);
          if (r.points >= perEmail) {
            s.ceilingReached = true;
            s.lockedUntil = later(s.lockedUntil, Number(r.expire));
          }
        } else if (r.points > MAX_FAILURES) {
          s.lockedAddresses += 1;
          s.lockedUntil = later(s.lockedUntil, Number(r.expire));
        }
      }
      for (const [email, s] of out) if (!s.lockedUntil) out.delete(email);
      return out;
    },
    /**
     * An admin's unlock: every pair of this email address, its ceiling and its warning start afresh.
     * The strikes stay, so an attacker who carries on is locked longer each time.
     */
    async unlock(email: string): Promise<void> {
      const hash = hashedKey(email);
      await limiterPool().query(
        `DELETE FROM ratelimit.limits WHERE (key LIKE $1 AND split_part(key, ':', 2) = $2) OR key = ANY($3)`,
        [`${prefix}-pair:%`, hash, [`${prefix}-email:${hash}`, `${prefix}-notice:${hash}`]],
      );
    },
  };
}

let standard: TSignInThrottle | undefined;
/** The limits the app runs with (15 minutes; SIGN_IN_RATE_LIMIT_PER_ADDRESS; EMAIL_CEILING). */
export function defaultSignInThrottle(): TSignInThrottle {
  return (standard ??= signInThrottle());
}
