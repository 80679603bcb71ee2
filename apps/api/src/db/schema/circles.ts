import { sql } from 'drizzle-orm';
import {
  check,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './identity.ts';
import { centres } from './network.ts';

const tz = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A restorative circle case. Confidential: only its facilitators read it. `description` is
 * personal data, purged (set to null) some months after closing; the stage, dates and counts stay
 * for statistics.
 */
export const circleCases = pgTable(
  'circle_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id, { onDelete: 'restrict' }),
    description: text('description'),
    stage: text('stage').notNull().default('intake'),
    abandonReason: text('abandon_reason'),
    openedAt: tz('opened_at').notNull().defaultNow(),
    stageChangedAt: tz('stage_changed_at').notNull().defaultNow(),
    closedAt: tz('closed_at'),
    purgedAt: tz('purged_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('circle_cases_centre_idx').on(t.centreId, t.openedAt),
    check(
      'circle_cases_stage_check',
      sql`${t.stage} in ('intake', 'pre_circles', 'circle', 'post_circle', 'closed', 'abandoned')`,
    ),
    check(
      'circle_cases_closed_check',
      sql`(${t.stage} in ('closed', 'abandoned')) = (${t.closedAt} is not null)`,
    ),
  ],
);

/** Who follows a case. */
export const circleFacilitators = pgTable(
  'circle_facilitators',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => circleCases.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.userId] }),
    index('circle_facilitators_user_idx').on(t.userId),
  ],
);

/** A party to the case, by pseudonym or initials; contact details optional. */
export const circleParticipants = pgTable(
  'circle_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => circleCases.id, { onDelete: 'cascade' }),
    pseudonym: text('pseudonym').notNull(),
    role: text('role').notNull(),
    invitedBy: text('invited_by'),
    consent: text('consent').notNull().default('invited'),
    consentAt: tz('consent_at'),
    consentRecordedBy: uuid('consent_recorded_by').references(() => users.id, {
      onDelete: 'set null',
    }),
    contact: text('contact'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('circle_participants_case_idx').on(t.caseId),
    unique('circle_participants_case_pseudonym').on(t.caseId, t.pseudonym),
    check('circle_participants_role_check', sql`${t.role} in ('author', 'receiver', 'community')`),
    check(
      'circle_participants_consent_check',
      sql`${t.consent} in ('invited', 'consented', 'declined')`,
    ),
  ],
);
