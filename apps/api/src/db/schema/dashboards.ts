import type { Widget } from '@lakou/reports/model';
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
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './identity.ts';

const tz = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A named arrangement of report widgets: its owner's own, or shared with the whole board. The
 * widgets are kept as JSON, checked by `@lakou/reports/model`'s `widget` before they are saved;
 * `version` goes up by one at each change, so a stale change is refused rather than overwriting.
 */
export const dashboards = pgTable(
  'dashboards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    shared: boolean('shared').notNull().default(false),
    widgets: jsonb('widgets').$type<Widget[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('dashboards_owner_idx').on(t.ownerId),
    index('dashboards_shared_idx').on(t.shared).where(sql`${t.shared}`),
    check('dashboards_name_check', sql`length(${t.name}) between 1 and 80`),
    check('dashboards_version_check', sql`${t.version} >= 1`),
    check('dashboards_widgets_check', sql`jsonb_typeof(${t.widgets}) = 'array'`),
  ],
);
