import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { bookings } from './booking.ts';
import { users } from './identity.ts';
import { centres, organisations, partners } from './network.ts';

const tz = (name: string) => timestamp(name, { withTimezone: true });

/** Kinds of events, per network: data, not code (the seed writes the usual seven). */
export const eventKinds = pgTable(
  'event_kinds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    label: text('label').notNull(),
    labelEn: text('label_en').notNull().default(''),
    /** Order in pickers (editable lists); ties by label. */
    position: integer('position').notNull().default(0),
    /** Retired = not active; a merged kind's events now point at this key's kind. */
    active: boolean('active').notNull().default(true),
    mergedInto: text('merged_into'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [unique('event_kinds_organisation_key').on(t.organisationId, t.key)],
);

/** An event held on one or more bookings of a centre. */
export const events = pgTable(
  'events',
  {
    /** Values of the entity's custom fields, by key (see custom_field_definitions). */
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id, { onDelete: 'cascade' }),
    kindId: uuid('kind_id')
      .notNull()
      .references(() => eventKinds.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    capacity: integer('capacity').notNull(),
    public: boolean('public').notNull().default(false),
    registrationOpen: boolean('registration_open').notNull().default(true),
    partnerId: uuid('partner_id').references(() => partners.id, { onDelete: 'set null' }),
    basicNeeds: text('basic_needs').array().notNull().default(sql`'{}'::text[]`),
    anonymousHeadcount: integer('anonymous_headcount').notNull().default(0),
    /** Start and end of its live bookings, kept in step by the API (for listing by time). */
    startsAt: tz('starts_at').notNull(),
    endsAt: tz('ends_at').notNull(),
    status: text('status').notNull().default('scheduled'),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('events_centre_time_idx').on(t.centreId, t.startsAt),
    index('events_public_time_idx').on(t.startsAt).where(sql`${t.public}`),
    check('events_capacity_check', sql`${t.capacity} >= 1`),
    check('events_headcount_check', sql`${t.anonymousHeadcount} >= 0`),
    check('events_status_check', sql`${t.status} in ('scheduled', 'cancelled')`),
    check('events_time_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** The bookings an event is held on; a booking serves at most one event. */
export const eventBookings = pgTable(
  'event_bookings',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.bookingId] }), index('event_bookings_event_idx').on(t.eventId)],
);

/**
 * A request for places at an event: registered (holding `seats`), waitlisted (in order of
 * `requested_at`) or cancelled. Public registrants get a secret link to cancel; only its
 * SHA-256 is kept.
 */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    /** Values of the entity's custom fields, by key (see custom_field_definitions). */
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    seats: integer('seats').notNull().default(1),
    status: text('status').notNull(),
    attendance: text('attendance'),
    source: text('source').notNull(),
    cancelTokenHash: text('cancel_token_hash').unique(),
    requestedAt: tz('requested_at').notNull().defaultNow(),
    promotedAt: tz('promoted_at'),
    cancelledAt: tz('cancelled_at'),
  },
  (t) => [
    index('event_registrations_event_idx').on(t.eventId, t.requestedAt),
    check('event_registrations_seats_check', sql`${t.seats} between 1 and 10`),
    check(
      'event_registrations_status_check',
      sql`${t.status} in ('registered', 'waitlisted', 'cancelled')`,
    ),
    check(
      'event_registrations_attendance_check',
      sql`${t.attendance} is null or (${t.attendance} in ('present', 'absent') and ${t.status} = 'registered')`,
    ),
    check('event_registrations_source_check', sql`${t.source} in ('public', 'staff')`),
  ],
);

/**
 * Places per event, summed from its registrations: those still registered, and the absent among
 * them. Derived data, kept by statement triggers on event_registrations (migration 0025, which
 * also fills it); the activity report reads it instead of every registration of its events. An
 * event with no place held has no row.
 */
export const eventHeadcounts = pgTable('event_headcounts', {
  eventId: uuid('event_id').primaryKey(),
  registered: integer('registered').notNull(),
  absent: integer('absent').notNull(),
});

/**
 * The bookings that hold an event and served people with declared needs: a narrow copy of what
 * the activity report takes away again (the event counts instead of its booking), one row per
 * such booking. Derived data, kept by statement triggers on event_bookings and bookings
 * (migration 0026, which also fills it), so that the report reaches them from its events without
 * reading the bookings table.
 */
export const eventHeldBookings = pgTable(
  'event_held_bookings',
  {
    bookingId: uuid('booking_id').primaryKey(),
    eventId: uuid('event_id').notNull(),
    centreId: uuid('centre_id').notNull(),
    startsAt: tz('starts_at').notNull(),
    basicNeeds: text('basic_needs').array().notNull(),
    headcount: integer('headcount').notNull(),
  },
  (t) => [index('event_held_bookings_event_idx').on(t.eventId)],
);
