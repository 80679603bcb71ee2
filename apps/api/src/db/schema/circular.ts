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
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { donations } from './fund.ts';
import { users } from './identity.ts';
import { centres, organisations } from './network.ts';

const tz = (name: string) => timestamp(name, { withTimezone: true });
/** Integer grams; bigint because years of tonnage pass 2^31 g (2 147 t). */
const grams = (name: string) => bigint(name, { mode: 'number' });

/** A material stream the centres weigh (data, edited by the network admin). */
export const materialStreams = pgTable(
  'material_streams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** English label (editable lists); the French one is `name`. */
    labelEn: text('label_en').notNull().default(''),
    family: text('family').notNull(),
    repStream: text('rep_stream'),
    /** European List of Waste code `NN NN NN`, validated against the list by the API. */
    wasteCode: text('waste_code'),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(100),
    /** The code of the stream this one was merged into (then also inactive). */
    mergedInto: text('merged_into'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('material_streams_code_key').on(t.organisationId, t.code),
    uniqueIndex('material_streams_name_key').on(t.organisationId, t.name),
    check(
      'material_streams_waste_code_check',
      sql`${t.wasteCode} ~ '^[0-9]{2} [0-9]{2} [0-9]{2}$'`,
    ),
  ],
);

/** A facility that receives shipments: recycler, fuel maker, re-use association, landfill. */
export const wasteFacilities = pgTable(
  'waste_facilities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    siret: text('siret').notNull(),
    addressLine: text('address_line').notNull(),
    postcode: text('postcode').notNull(),
    city: text('city').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('waste_facilities_siret_key').on(t.organisationId, t.siret),
    check('waste_facilities_siret_check', sql`${t.siret} ~ '^[0-9]{14}$'`),
  ],
);

/**
 * The stock of one stream at one centre, kept by every movement in the same transaction. The
 * check makes a negative stock impossible even if a rule were bypassed; the row is the lock
 * concurrent shipments queue on.
 */
export const streamStocks = pgTable(
  'stream_stocks',
  {
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id, { onDelete: 'restrict' }),
    streamId: uuid('stream_id')
      .notNull()
      .references(() => materialStreams.id, { onDelete: 'restrict' }),
    stockGrams: grams('stock_grams').notNull().default(0),
    lastMovementOn: date('last_movement_on'),
  },
  (t) => [
    primaryKey({ columns: [t.centreId, t.streamId] }),
    check('stream_stocks_non_negative_check', sql`${t.stockGrams} >= 0`),
  ],
);

const movementColumns = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  occurredOn: date('occurred_on').notNull(),
  centreId: uuid('centre_id')
    .notNull()
    .references(() => centres.id, { onDelete: 'restrict' }),
  streamId: uuid('stream_id')
    .notNull()
    .references(() => materialStreams.id, { onDelete: 'restrict' }),
  massGrams: grams('mass_grams').notNull(),
  measurement: text('measurement').notNull(),
  note: text('note'),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: tz('created_at').notNull().defaultNow(),
});

/** Mass that came into a centre's stock of a stream. */
export const inflows = pgTable(
  'circular_inflows',
  {
    /** Values of the entity's custom fields, by key (see custom_field_definitions). */
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    ...movementColumns(),
    origin: text('origin').notNull(),
    /** The in-kind gift this mass came with; one inflow per gift. */
    donationId: uuid('donation_id').references(() => donations.id, { onDelete: 'restrict' }),
  },
  (t) => [
    index('circular_inflows_centre_date_idx').on(t.centreId, t.occurredOn),
    index('circular_inflows_date_idx').on(t.occurredOn),
    uniqueIndex('circular_inflows_donation_key').on(t.donationId),
    check('circular_inflows_mass_check', sql`${t.massGrams} > 0`),
    check('circular_inflows_measurement_check', sql`${t.measurement} in ('weighed', 'estimated')`),
    check(
      'circular_inflows_origin_check',
      sql`${t.origin} in ('collection', 'drop_off', 'donation', 'garden')`,
    ),
    check(
      'circular_inflows_donation_check',
      sql`(${t.origin} = 'donation') = (${t.donationId} is not null)`,
    ),
  ],
);

/** Items the centre repaired or sorted and passed on to people. */
export const reuses = pgTable(
  'circular_reuses',
  {
    ...movementColumns(),
    kind: text('kind').notNull(),
    itemCount: integer('item_count').notNull(),
  },
  (t) => [
    index('circular_reuses_centre_date_idx').on(t.centreId, t.occurredOn),
    index('circular_reuses_date_idx').on(t.occurredOn),
    check('circular_reuses_mass_check', sql`${t.massGrams} > 0`),
    check('circular_reuses_count_check', sql`${t.itemCount} > 0`),
    check('circular_reuses_kind_check', sql`${t.kind} in ('repaired', 'sorted')`),
    check('circular_reuses_measurement_check', sql`${t.measurement} in ('weighed', 'estimated')`),
  ],
);

/** A shipment from a centre's stock to a facility, with its treatment. */
export const outflows = pgTable(
  'circular_outflows',
  {
    ...movementColumns(),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => wasteFacilities.id, { onDelete: 'restrict' }),
    treatment: text('treatment').notNull(),
    operationCode: text('operation_code'),
    transporter: text('transporter'),
    trackingRef: text('tracking_ref'),
  },
  (t) => [
    index('circular_outflows_centre_date_idx').on(t.centreId, t.occurredOn),
    index('circular_outflows_date_idx').on(t.occurredOn),
    index('circular_outflows_facility_idx').on(t.facilityId),
    check('circular_outflows_mass_check', sql`${t.massGrams} > 0`),
    check('circular_outflows_measurement_check', sql`${t.measurement} in ('weighed', 'estimated')`),
    check(
      'circular_outflows_treatment_check',
      sql`${t.treatment} in ('reuse', 'recycling', 'energy_recovery', 'disposal')`,
    ),
    check(
      'circular_outflows_code_check',
      sql`(${t.treatment} = 'reuse' and ${t.operationCode} is null) or (${t.treatment} <> 'reuse' and ${t.operationCode} ~ '^(R([1-9]|1[0-3])|D([1-9]|1[0-5]))$')`,
    ),
  ],
);

/**
 * The inflows, re-uses and shipments summed per month, centre, stream, kind, measurement,
 * treatment and operation code: what the recycling report and the circular indicators read for
 * whole months, so that their cost follows the months asked, not the movements stored. Derived
 * data, kept in step by statement-level triggers on the three movement tables (migration 0018:
 * inserts — COPY included —, deletes, and updates of any column, e.g. a streams merge), in the
 * writing transaction. A row whose movements are all gone is deleted. No foreign keys: the
 * movements hold them, and checking them again on every write would only cost.
 */
export const circularMonthly = pgTable(
  'circular_monthly',
  {
    /** The first day of the month. */
    month: date('month').notNull(),
    centreId: uuid('centre_id').notNull(),
    streamId: uuid('stream_id').notNull(),
    /** 'inflow', 'reuse' or 'outflow' (compost batches are few and read from their table). */
    kind: text('kind').notNull(),
    measurement: text('measurement').notNull(),
    /** Shipments only. */
    treatment: text('treatment'),
    operationCode: text('operation_code'),
    movements: integer('movements').notNull(),
    grams: grams('grams').notNull(),
  },
  (t) => [
    unique('circular_monthly_key')
      .on(t.month, t.centreId, t.streamId, t.kind, t.measurement, t.treatment, t.operationCode)
      .nullsNotDistinct(),
    // The rows a delete or an update has emptied, found at once and removed in the same trigger.
    index('circular_monthly_empty_idx').on(t.month).where(sql`${t.movements} = 0`),
    check('circular_monthly_kind_check', sql`${t.kind} in ('inflow', 'reuse', 'outflow')`),
  ],
);
