import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { resources } from './booking.ts';
import { materialStreams } from './circular.ts';
import { users } from './identity.ts';
import { centres } from './network.ts';

const tz = (name: string) => timestamp(name, { withTimezone: true });
const grams = (name: string) => bigint(name, { mode: 'number' });

/** A centre's shared garden; its plots sit on a grid the hub draws as a map. */
export const gardens = pgTable(
  'gardens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    areaM2: doublePrecision('area_m2').notNull(),
    gridColumns: integer('grid_columns').notNull(),
    gridRows: integer('grid_rows').notNull(),
    /** The garden as a bookable resource: its bookings carry the work sessions. */
    resourceId: uuid('resource_id').references(() => resources.id, { onDelete: 'set null' }),
    description: text('description'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('gardens_name_key').on(t.centreId, t.name),
    check('gardens_area_check', sql`${t.areaM2} > 0`),
    check(
      'gardens_grid_check',
      sql`${t.gridColumns} between 1 and 20 and ${t.gridRows} between 1 and 20`,
    ),
  ],
);

export const plots = pgTable(
  'garden_plots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    gardenId: uuid('garden_id')
      .notNull()
      .references(() => gardens.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    kind: text('kind').notNull(),
    areaM2: doublePrecision('area_m2').notNull(),
    exposure: text('exposure').notNull(),
    row: integer('grid_row').notNull(),
    column: integer('grid_column').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('garden_plots_label_key').on(t.gardenId, t.label),
    uniqueIndex('garden_plots_cell_key').on(t.gardenId, t.row, t.column),
    check('garden_plots_kind_check', sql`${t.kind} in ('individual', 'collective')`),
    check('garden_plots_exposure_check', sql`${t.exposure} in ('sun', 'part_shade', 'shade')`),
    check('garden_plots_area_check', sql`${t.areaM2} > 0`),
  ],
);

/** A person who gardens at a centre (not necessarily a Lakou user). */
export const gardeners = pgTable(
  'gardeners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('gardeners_centre_idx').on(t.centreId, t.name)],
);

/** A gardener holds a plot over a period (dates included; open when `ends_on` is null). */
export const plotAssignments = pgTable(
  'plot_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    plotId: uuid('plot_id')
      .notNull()
      .references(() => plots.id, { onDelete: 'cascade' }),
    gardenerId: uuid('gardener_id')
      .notNull()
      .references(() => gardeners.id, { onDelete: 'restrict' }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('plot_assignments_plot_idx').on(t.plotId, t.startsOn),
    index('plot_assignments_gardener_idx').on(t.gardenerId),
    check(
      'plot_assignments_period_check',
      sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`,
    ),
  ],
);

/** Waiting for a plot; the request leaves the list when assigned (`assignment_id`) or withdrawn. */
export const gardenWaitingList = pgTable(
  'garden_waiting_list',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    gardenId: uuid('garden_id')
      .notNull()
      .references(() => gardens.id, { onDelete: 'cascade' }),
    gardenerId: uuid('gardener_id')
      .notNull()
      .references(() => gardeners.id, { onDelete: 'restrict' }),
    requestedOn: date('requested_on').notNull(),
    note: text('note'),
    status: text('status').notNull().default('waiting'),
    assignmentId: uuid('assignment_id').references(() => plotAssignments.id, {
      onDelete: 'set null',
    }),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('garden_waiting_list_garden_idx').on(t.gardenId, t.status, t.requestedOn),
    // One live request per gardener and garden.
    uniqueIndex('garden_waiting_list_live_key')
      .on(t.gardenId, t.gardenerId)
      .where(sql`${t.status} = 'waiting'`),
    check(
      'garden_waiting_list_status_check',
      sql`${t.status} in ('waiting', 'assigned', 'withdrawn')`,
    ),
  ],
);

export const harvests = pgTable(
  'harvests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    gardenId: uuid('garden_id')
      .notNull()
      .references(() => gardens.id, { onDelete: 'cascade' }),
    plotId: uuid('plot_id').references(() => plots.id, { onDelete: 'set null' }),
    gardenerId: uuid('gardener_id').references(() => gardeners.id, { onDelete: 'restrict' }),
    harvestedOn: date('harvested_on').notNull(),
    crop: text('crop').notNull(),
    grams: grams('grams'),
    count: integer('count'),
    countUnit: text('count_unit'),
    destination: text('destination').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('harvests_garden_date_idx').on(t.gardenId, t.harvestedOn),
    check('harvests_amount_check', sql`${t.grams} >= 0 or ${t.count} > 0`),
    check(
      'harvests_destination_check',
      sql`${t.destination} in ('gardener', 'collective_distribution', 'market', 'solidarity_grocery')`,
    ),
  ],
);

/** Compost made in a garden from the centre's bio-waste (the input leaves that stream's stock). */
export const compostBatches = pgTable(
  'compost_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    gardenId: uuid('garden_id')
      .notNull()
      .references(() => gardens.id, { onDelete: 'restrict' }),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id, { onDelete: 'restrict' }),
    streamId: uuid('stream_id')
      .notNull()
      .references(() => materialStreams.id, { onDelete: 'restrict' }),
    startedOn: date('started_on').notNull(),
    inputGrams: grams('input_grams').notNull(),
    measurement: text('measurement').notNull(),
    readyOn: date('ready_on'),
    compostGrams: grams('compost_grams'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('compost_batches_garden_idx').on(t.gardenId, t.startedOn),
    index('compost_batches_date_idx').on(t.startedOn),
    check('compost_batches_input_check', sql`${t.inputGrams} > 0`),
    check('compost_batches_output_check', sql`${t.compostGrams} is null or ${t.compostGrams} >= 0`),
    check(
      'compost_batches_ready_check',
      sql`${t.readyOn} is null or ${t.readyOn} >= ${t.startedOn}`,
    ),
  ],
);
