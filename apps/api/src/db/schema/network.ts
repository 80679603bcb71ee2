import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  ...timestamps,
});

export const centres = pgTable(
  'centres',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    commune: text('commune').notNull(),
    qpv: text('qpv'),
    street: text('street').notNull(),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    timeZone: text('time_zone').notNull().default('America/Cayenne'),
    phone: text('phone'),
    email: text('email'),
    /** Lower-case, accent-free name and commune: what the list's search matches against. */
    searchKey: text('search_key').notNull(),
    ...timestamps,
  },
  (t) => [
    unique('centres_organisation_slug_key').on(t.organisationId, t.slug),
    index('centres_organisation_name_idx').on(t.organisationId, t.name),
  ],
);

/** Weekly opening windows, in the centre's wall-clock time. */
export const centreOpeningHours = pgTable(
  'centre_opening_hours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    opens: time('opens').notNull(),
    closes: time('closes').notNull(),
  },
  (t) => [
    index('centre_opening_hours_centre_idx').on(t.centreId, t.weekday, t.opens),
    check('centre_opening_hours_weekday_check', sql`${t.weekday} between 1 and 7`),
    check('centre_opening_hours_order_check', sql`${t.opens} < ${t.closes}`),
  ],
);

/** Days a centre is closed (holidays, works), both ends included. */
export const centreClosures = pgTable(
  'centre_closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    ...timestamps,
  },
  (t) => [
    unique('centre_closures_centre_period_key').on(t.centreId, t.startsOn, t.endsOn),
    check('centre_closures_order_check', sql`${t.startsOn} <= ${t.endsOn}`),
  ],
);

export const partners = pgTable(
  'partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    description: text('description').notNull().default(''),
    website: text('website'),
    searchKey: text('search_key').notNull(),
    ...timestamps,
  },
  (t) => [
    unique('partners_organisation_slug_key').on(t.organisationId, t.slug),
    check(
      'partners_kind_check',
      sql`${t.kind} in ('association', 'public_body', 'company', 'foundation')`,
    ),
  ],
);

/** Where a partner works; a partner without rows here works across the whole network. */
export const partnerCentres = pgTable(
  'partner_centres',
  {
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.centreId] }),
    index('partner_centres_centre_idx').on(t.centreId),
  ],
);
