import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './identity.ts';
import { centres } from './network.ts';

const tz = (name: string) => timestamp(name, { withTimezone: true });
const timestamps = {
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
};

/** A room, a coworking desk or a piece of equipment that people book in a centre. */
export const resources = pgTable(
  'resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id, { onDelete: 'cascade' }),
    /** A key of the `resource_kind` editable list (checked by the API; `desk` is coworking's). */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** Name and amenities as searches compare them (`searchKey` of the domain). */
    searchKey: text('search_key').notNull(),
    capacity: integer('capacity').notNull(),
    amenities: text('amenities').array().notNull().default(sql`'{}'::text[]`),
    stepFree: boolean('step_free').notNull().default(false),
    /** Weekly local windows; null = the centre's opening hours. */
    bookableHours: jsonb('bookable_hours'),
    minDurationMinutes: integer('min_duration_minutes').notNull().default(30),
    maxDurationMinutes: integer('max_duration_minutes').notNull().default(480),
    bufferMinutes: integer('buffer_minutes').notNull().default(0),
    requiresApproval: boolean('requires_approval').notNull().default(false),
    /** Hourly rates in cents per audience, and an optional flat fee (see @lakou/domain/booking). */
    tariff: jsonb('tariff').notNull(),
    active: boolean('active').notNull().default(true),
    ...timestamps,
  },
  (t) => [
    index('resources_centre_idx').on(t.centreId, t.name),
    check('resources_capacity_check', sql`${t.capacity} >= 1`),
    check(
      'resources_duration_check',
      sql`${t.minDurationMinutes} >= 5 and ${t.maxDurationMinutes} >= ${t.minDurationMinutes}`,
    ),
    check('resources_buffer_check', sql`${t.bufferMinutes} between 0 and 240`),
  ],
);

/** A resource out of use (holidays, works), in local dates, inclusive. */
export const resourceClosures = pgTable(
  'resource_closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    reason: text('reason').notNull(),
    ...timestamps,
  },
  (t) => [
    index('resource_closures_resource_idx').on(t.resourceId, t.startsOn),
    check('resource_closures_period_check', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** A recurring booking: an RFC 5545 rule expanded in the centre's zone into ordinary bookings. */
export const bookingSeries = pgTable(
  'booking_series',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'restrict' }),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id, { onDelete: 'cascade' }),
    rule: text('rule').notNull(),
    /** Local date-time of the first occurrence (DTSTART), in `time_zone`. */
    firstStart: text('first_start').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    timeZone: text('time_zone').notNull(),
    /** Local dates skipped (EXDATE), including the occurrences skipped at creation. */
    exceptions: text('exceptions').array().notNull().default(sql`'{}'::text[]`),
    organiser: jsonb('organiser').notNull(),
    purpose: text('purpose').notNull(),
    headcount: integer('headcount').notNull(),
    basicNeeds: text('basic_needs').array().notNull().default(sql`'{}'::text[]`),
    audience: text('audience').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [index('booking_series_resource_idx').on(t.resourceId)],
);

/**
 * A booking of one resource over the half-open interval [starts_at, ends_at), in UTC.
 * `blocked_until` = ends_at + the resource's buffer at booking time: the exclusion constraint
 * (custom migration) forbids two live bookings of a resource whose [starts_at, blocked_until)
 * ranges overlap — so two bookings are always at least the buffer apart, whoever writes them.
 */
export const bookings = pgTable(
  'bookings',
  {
    /** Values of the entity's custom fields, by key (see custom_field_definitions). */
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    id: uuid('id').primaryKey().defaultRandom(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'restrict' }),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id, { onDelete: 'cascade' }),
    startsAt: tz('starts_at').notNull(),
    endsAt: tz('ends_at').notNull(),
    blockedUntil: tz('blocked_until').notNull(),
    status: text('status').notNull(),
    organiser: jsonb('organiser').notNull(),
    purpose: text('purpose').notNull(),
    headcount: integer('headcount').notNull(),
    basicNeeds: text('basic_needs').array().notNull().default(sql`'{}'::text[]`),
    audience: text('audience').notNull(),
    priceCents: integer('price_cents').notNull().default(0),
    seriesId: uuid('series_id'),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('bookings_resource_time_idx').on(t.resourceId, t.startsAt),
    index('bookings_centre_time_idx').on(t.centreId, t.startsAt),
    // A centre's bookings over a period, asked by range overlap (`listBookings`): the GiST index
    // finds those meeting the period without reading the centre's whole past. btree_gist (0001)
    // provides the `=` on uuid.
    index('bookings_centre_range_idx').using(
      'gist',
      t.centreId,
      sql`tstzrange(${t.startsAt}, ${t.endsAt}, '[)')`,
    ),
    index('bookings_series_idx').on(t.seriesId),
    // The activity report's basic needs read only the bookings that declare some: a few among
    // years of bookings.
    index('bookings_needs_time_idx').on(t.startsAt).where(sql`cardinality(${t.basicNeeds}) > 0`),
    check(
      'bookings_interval_check',
      sql`${t.endsAt} > ${t.startsAt} and ${t.blockedUntil} >= ${t.endsAt}`,
    ),
    check(
      'bookings_status_check',
      sql`${t.status} in ('requested', 'confirmed', 'checked_in', 'no_show', 'cancelled')`,
    ),
    check('bookings_headcount_check', sql`${t.headcount} >= 1`),
    check('bookings_price_check', sql`${t.priceCents} >= 0`),
    check(
      'bookings_cancel_reason_check',
      sql`(${t.status} = 'cancelled') = (${t.cancelReason} is not null)`,
    ),
  ],
);

/**
 * A private calendar feed behind a secret URL: the bookings of one resource, or those a user
 * made. Only the SHA-256 of the secret is kept; revoking the feed kills the URL.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    resourceId: uuid('resource_id').references(() => resources.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: tz('created_at').notNull().defaultNow(),
    lastFetchedAt: tz('last_fetched_at'),
    revokedAt: tz('revoked_at'),
  },
  (t) => [index('calendar_feeds_user_idx').on(t.userId)],
);

/**
 * Bookings that hold their slot (every status but cancelled) summed per resource and calendar
 * month of their local start day (America/Cayenne): what the activity report's occupancy reads
 * for whole months instead of the years of bookings. Derived data, kept by triggers on bookings
 * (migration 0020, which also fills it); no foreign keys, the bookings hold them.
 */
export const bookingMonthly = pgTable(
  'booking_monthly',
  {
    /** The first day of the month. */
    month: date('month').notNull(),
    centreId: uuid('centre_id').notNull(),
    resourceId: uuid('resource_id').notNull(),
    bookings: integer('bookings').notNull(),
    /** The bookings' durations summed, in seconds. */
    seconds: bigint('seconds', { mode: 'number' }).notNull(),
  },
  (t) => [
    unique('booking_monthly_key').on(t.month, t.centreId, t.resourceId),
    index('booking_monthly_empty_idx').on(t.month).where(sql`${t.bookings} = 0`),
  ],
);

/**
 * Bookings that served people (neither cancelled nor a no-show) and declare basic needs, summed
 * per calendar month of their local start day (America/Cayenne), centre and need: the activity
 * report's needs read whole months here. A booking that holds an event of the report's period
 * counts with the event instead; the report takes those few bookings away again from their rows. Derived data, kept by
 * triggers on bookings (migration 0023, which also fills it).
 */
export const bookingNeedsMonthly = pgTable(
  'booking_needs_monthly',
  {
    /** The first day of the month. */
    month: date('month').notNull(),
    centreId: uuid('centre_id').notNull(),
    need: text('need').notNull(),
    bookings: integer('bookings').notNull(),
    /** The bookings' declared headcounts summed. */
    people: bigint('people', { mode: 'number' }).notNull(),
  },
  (t) => [
    unique('booking_needs_monthly_key').on(t.month, t.centreId, t.need),
    index('booking_needs_monthly_empty_idx').on(t.month).where(sql`${t.bookings} = 0`),
  ],
);
