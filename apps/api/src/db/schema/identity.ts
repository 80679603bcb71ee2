import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { centres } from './network.ts';

const tz = (name: string) => timestamp(name, { withTimezone: true });
const created = () => tz('created_at').notNull().defaultNow();
const updated = () => tz('updated_at').notNull().defaultNow();

// The four tables better-auth manages (user, session, account, verification), with UUID ids.

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text('image'),
  /** A deactivated user keeps their history but can no longer sign in or use tokens. */
  active: boolean('active').notNull().default(true),
  lastSignInAt: tz('last_sign_in_at'),
  createdAt: created(),
  updatedAt: updated(),
});

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expiresAt: tz('expires_at').notNull(),
    token: text('token').notNull().unique(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: tz('access_token_expires_at'),
    refreshTokenExpiresAt: tz('refresh_token_expires_at'),
    scope: text('scope'),
    /** The library's password hash (scrypt); never leaves the database. */
    password: text('password'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index('accounts_user_idx').on(t.userId)],
);

export const verifications = pgTable(
  'verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: tz('expires_at').notNull(),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index('verifications_identifier_idx').on(t.identifier)],
);

/** A role held by a user: in one centre, or network-wide (admin, board). */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    centreId: uuid('centre_id').references(() => centres.id, { onDelete: 'cascade' }),
    createdAt: created(),
  },
  (t) => [
    unique('role_assignments_user_role_centre_key')
      .on(t.userId, t.role, t.centreId)
      .nullsNotDistinct(),
    index('role_assignments_centre_idx').on(t.centreId),
    check(
      'role_assignments_role_check',
      sql`${t.role} in ('admin', 'manager', 'staff', 'facilitator', 'board')`,
    ),
    check(
      'role_assignments_scope_check',
      sql`(${t.role} in ('admin', 'board')) = (${t.centreId} is null)`,
    ),
  ],
);

/** Personal access tokens: only a SHA-256 of the (256-bit random) token is kept. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    readOnly: boolean('read_only').notNull().default(true),
    createdAt: created(),
    expiresAt: tz('expires_at'),
    lastUsedAt: tz('last_used_at'),
    revokedAt: tz('revoked_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/**
 * Append-only: a trigger (custom migration) refuses UPDATE and DELETE. No foreign key to users,
 * so the trail outlives the accounts it mentions.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: tz('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorEmail: text('actor_email'),
    action: text('action').notNull(),
    method: text('method').notNull(),
    route: text('route').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at, t.id),
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    index('audit_log_actor_idx').on(t.actorId, t.at),
  ],
);

/** Emails waiting to be sent (or printed to the log when no SMTP server is configured). */
export const outboxEmails = pgTable(
  'outbox_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    createdAt: created(),
    sentAt: tz('sent_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [index('outbox_emails_pending_idx').on(t.createdAt).where(sql`${t.sentAt} is null`)],
);

/**
 * Attempts counted per key (`account:<email>`, `address:<ip>`, `reset:<email>`) in a fixed
 * window: one row per key, incremented atomically by an upsert, so concurrent attempts are
 * all counted.
 */
export const authThrottle = pgTable('auth_throttle', {
  key: text('key').primaryKey(),
  windowStartedAt: tz('window_started_at').notNull().defaultNow(),
  attempts: integer('attempts').notNull().default(0),
});
