import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { resources } from './booking.ts';
import { users } from './identity.ts';
import { centres } from './network.ts';

const tz = (name: string) => timestamp(name, { withTimezone: true });

/** A coworking pass sold to a member; `days_used` moves with each check-in, in one transaction. */
export const coworkingPasses = pgTable(
  'coworking_passes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    holderName: text('holder_name').notNull(),
    holderEmail: text('holder_email'),
    searchKey: text('search_key').notNull(),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until').notNull(),
    daysTotal: integer('days_total'),
    daysUsed: integer('days_used').notNull().default(0),
    priceCents: integer('price_cents').notNull(),
    cancelledAt: tz('cancelled_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('coworking_passes_centre_idx').on(t.centreId, t.createdAt),
    check('coworking_passes_kind_check', sql`${t.kind} in ('day', 'carnet10', 'monthly')`),
    check(
      'coworking_passes_days_check',
      sql`${t.daysUsed} >= 0 and (${t.daysTotal} is null or ${t.daysUsed} <= ${t.daysTotal})`,
    ),
    check('coworking_passes_price_check', sql`${t.priceCents} >= 0`),
    check('coworking_passes_validity_check', sql`${t.validUntil} >= ${t.validFrom}`),
  ],
);

/** A member at a desk on a local day: at most one per pass and day. */
export const coworkingCheckIns = pgTable(
  'coworking_check_ins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    passId: uuid('pass_id')
      .notNull()
      .references(() => coworkingPasses.id, { onDelete: 'cascade' }),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id, { onDelete: 'cascade' }),
    resourceId: uuid('resource_id').references(() => resources.id, { onDelete: 'set null' }),
    day: date('day').notNull(),
    at: tz('at').notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    unique('coworking_check_ins_pass_day').on(t.passId, t.day),
    index('coworking_check_ins_centre_day_idx').on(t.centreId, t.day),
  ],
);
