import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { authThrottle } from '../db/schema/index.ts';

export interface ThrottleRule {
  /** Attempts allowed in one window; the next one is refused. */
  limit: number;
  windowSeconds: number;
}

/** Ten tries per account per minute; more per address, since several people share a centre's address. */
export const SIGN_IN_PER_ACCOUNT: ThrottleRule = { limit: 10, windowSeconds: 60 };
export const SIGN_IN_PER_ADDRESS: ThrottleRule = { limit: 50, windowSeconds: 60 };
export const RESET_PER_ACCOUNT: ThrottleRule = { limit: 5, windowSeconds: 15 * 60 };
/** Registrations for public events by visitors, per address (a centre's whole public shares one). */
export const REGISTRATION_PER_ADDRESS: ThrottleRule = { limit: 60, windowSeconds: 10 * 60 };

/** The limits the sign-in routes apply (the defaults above, unless the app is given others). */
export interface AuthLimits {
  signInPerAccount: ThrottleRule;
  signInPerAddress: ThrottleRule;
  resetPerAccount: ThrottleRule;
  registrationPerAddress: ThrottleRule;
}

export const DEFAULT_AUTH_LIMITS: AuthLimits = {
  signInPerAccount: SIGN_IN_PER_ACCOUNT,
  signInPerAddress: SIGN_IN_PER_ADDRESS,
  resetPerAccount: RESET_PER_ACCOUNT,
  registrationPerAddress: REGISTRATION_PER_ADDRESS,
};

export interface ThrottleVerdict {
  allowed: boolean;
  /** Seconds until the window closes. */
  retryAfter: number;
}

/**
 * Counts one attempt for `key` and says whether it is within the rule. One upsert: concurrent
 * attempts are serialised on the row, so none escapes the count.
 */
export async function countAttempt(
  db: Db,
  key: string,
  rule: ThrottleRule,
): Promise<ThrottleVerdict> {
  const window = sql`make_interval(secs => ${rule.windowSeconds})`;
  const expired = sql`${authThrottle.windowStartedAt} <= now() - ${window}`;
  const [row] = await db
    .insert(authThrottle)
    .values({ key, attempts: 1 })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        attempts: sql`case when ${expired} then 1 else ${authThrottle.attempts} + 1 end`,
        windowStartedAt: sql`case when ${expired} then now() else ${authThrottle.windowStartedAt} end`,
      },
    })
    .returning({
      attempts: authThrottle.attempts,
      retryAfter:
        sql<number>`greatest(1, ceil(extract(epoch from (${authThrottle.windowStartedAt} + ${window} - now()))))`.mapWith(
          Number,
        ),
    });
  if (!row) throw new Error('throttle upsert returned no row');
  return { allowed: row.attempts <= rule.limit, retryAfter: row.retryAfter };
}

/** A successful sign-in wipes the account's count. */
export async function clearAttempts(db: Db, key: string): Promise<void> {
  await db.delete(authThrottle).where(eq(authThrottle.key, key));
}
