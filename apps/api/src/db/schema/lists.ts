import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './network.ts';

const tz = (name: string) => timestamp(name, { withTimezone: true });

/**
 * Items of the editable lists that have no table of their own (resource kinds, in-kind donation
 * categories, audiences, tariff templates); rows keep the item's `key`. Event kinds and material
 * streams keep their tables. Which items code relies on is said by the domain (SYSTEM_ITEMS).
 */
export const listItems = pgTable(
  'list_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    list: text('list').notNull(),
    key: text('key').notNull(),
    labelFr: text('label_fr').notNull(),
    labelEn: text('label_en').notNull().default(''),
    position: integer('position').notNull().default(0),
    /** Attributes of some lists: a tariff template's rates, a category's material stream … */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    retiredAt: tz('retired_at'),
    /** The key of the item this one was merged into (then also retired). */
    mergedInto: text('merged_into'),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('list_items_key').on(t.organisationId, t.list, t.key),
    check(
      'list_items_list_check',
      sql`${t.list} in ('resource_kind', 'donation_category', 'audience', 'tariff')`,
    ),
    check('list_items_merged_check', sql`${t.mergedInto} is null or ${t.retiredAt} is not null`),
  ],
);
