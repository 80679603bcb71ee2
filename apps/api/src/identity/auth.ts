import { PASSWORD_MIN_LENGTH } from '@lakou/domain/identity';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';
import { openAPI } from 'better-auth/plugins';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { accounts, sessions, users, verifications } from '../db/schema/index.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { passwordResetEmail } from '../mail/templates.ts';
import { AUTH_BASE_PATH } from './auth-messages.ts';

export const RESET_TOKEN_MINUTES = 60;
export const SESSION_DAYS = 7;

export interface AuthSettings {
  secret: string;
  /** Origin people reach Lakou at; links in emails point there. */
  publicUrl: string;
  /** Origins allowed to send cookie-authenticated requests (the public URL is always one). */
  trustedOrigins: string[];
  trustProxy: boolean;
  /** Called after an email has been queued, so the dispatcher sends it at once. */
  onEmailQueued?: () => void;
}

/**
 * better-auth over our drizzle tables: email + password (its scrypt hashing), database sessions
 * in HttpOnly SameSite=Lax cookies (Secure when served over HTTPS), single-use expiring reset
 * links. Public sign-up is off: accounts are opened by an admin (invitation) or the CLI.
 */
export function createAuth(db: Db, settings: AuthSettings) {
  return betterAuth({
    appName: 'Lakou',
    baseURL: settings.publicUrl,
    basePath: AUTH_BASE_PATH,
    secret: settings.secret,
    trustedOrigins: [settings.publicUrl, ...settings.trustedOrigins],
    telemetry: { enabled: false },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: 128,
      resetPasswordTokenExpiresIn: RESET_TOKEN_MINUTES * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url }) => {
        await enqueueEmail(db, passwordResetEmail(user, url, RESET_TOKEN_MINUTES));
        settings.onEmailQueued?.();
      },
    },
    session: { expiresIn: SESSION_DAYS * 24 * 3600, updateAge: 24 * 3600 },
    // Sign-in and reset requests are throttled by our own limiter (auth-throttle.ts), in the database.
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: 'lakou',
      useSecureCookies: settings.publicUrl.startsWith('https:'),
      database: { generateId: 'uuid' },
      ipAddress: { ipAddressHeaders: settings.trustProxy ? ['x-forwarded-for'] : [] },
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            const [user] = await db
              .select({ active: users.active })
              .from(users)
              .where(eq(users.id, session.userId));
            if (!user?.active) {
              throw new APIError('FORBIDDEN', {
                code: 'ACCOUNT_DISABLED',
                message: 'Ce compte est désactivé. Adressez-vous à l’administration du réseau.',
              });
            }
          },
          after: async (session) => {
            await db
              .update(users)
              .set({ lastSignInAt: sql`now()` })
              .where(eq(users.id, session.userId));
          },
        },
      },
    },
    plugins: [openAPI({ disableDefaultReference: true })],
  });
}

export type Auth = ReturnType<typeof createAuth>;
