import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { bookings, resources } from './booking.ts';
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
    /** Values of the entity's custom fields, by key (see custom_field_definitions). */
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
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

/**
 * A pre-circle, the circle or a post-circle, held in a room booked through the booking engine.
 * The booking says only « Cercle (confidentiel) »; who meets is known here alone.
 */
export const circleSessions = pgTable(
  'circle_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => circleCases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    bookingId: uuid('booking_id').references(() => bookings.id, { onDelete: 'set null' }),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'restrict' }),
    startsAt: tz('starts_at').notNull(),
    endsAt: tz('ends_at').notNull(),
    status: text('status').notNull().default('scheduled'),
    /** For a pre-circle: the participants met (one, or a group of the same party). */
    participantIds: uuid('participant_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('circle_sessions_case_idx').on(t.caseId, t.startsAt),
    check('circle_sessions_kind_check', sql`${t.kind} in ('pre_circle', 'circle', 'post_circle')`),
    check('circle_sessions_status_check', sql`${t.status} in ('scheduled', 'held', 'cancelled')`),
    check('circle_sessions_time_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** An action agreed in the circle (what, who, by when), evaluated in the post-circle. */
export const circleAgreements = pgTable(
  'circle_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => circleCases.id, { onDelete: 'cascade' }),
    what: text('what'),
    owner: text('owner'),
    dueOn: date('due_on').notNull(),
    outcome: text('outcome'),
    note: text('note'),
    evaluatedAt: tz('evaluated_at'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('circle_agreements_case_idx').on(t.caseId),
    check(
      'circle_agreements_outcome_check',
      sql`${t.outcome} is null or ${t.outcome} in ('done', 'partly', 'not_done')`,
    ),
  ],
);
