import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
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
import { users } from './identity.ts';
import { centres, organisations } from './network.ts';

const tz = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A custom field of one entity type (booking, event, registration …), for the whole network
 * (`centre_id` null) or one centre. Its values live in the entity's `custom` jsonb column under
 * `key`. Never deleted: retiring hides it and keeps the stored values. `version` goes up by one at
 * each change; each version's whole definition is kept in `custom_field_versions`.
 */
export const customFieldDefinitions = pgTable(
  'custom_field_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    centreId: uuid('centre_id').references(() => centres.id, { onDelete: 'cascade' }),
    entity: text('entity').notNull(),
    key: text('key').notNull(),
    labelFr: text('label_fr').notNull(),
    labelEn: text('label_en').notNull().default(''),
    helpFr: text('help_fr').notNull().default(''),
    helpEn: text('help_en').notNull().default(''),
    type: text('type').notNull(),
    required: boolean('required').notNull().default(false),
    defaultValue: jsonb('default_value'),
    min: doublePrecision('min'),
    max: doublePrecision('max'),
    /** Choices of a single or multiple choice field: [{ key, labelFr, labelEn }]. */
    options: jsonb('options')
      .$type<{ key: string; labelFr: string; labelEn: string }[]>()
      .notNull()
      .default([]),
    inTables: boolean('in_tables').notNull().default(false),
    confidential: boolean('confidential').notNull().default(false),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    retiredAt: tz('retired_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // One key per entity in a network, whatever the scope: a centre's field never shadows a
    // network field in the `custom` object.
    unique('custom_field_definitions_key').on(t.organisationId, t.entity, t.key),
    index('custom_field_definitions_scope_idx').on(t.organisationId, t.entity, t.centreId),
    check(
      'custom_field_definitions_entity_check',
      sql`${t.entity} in ('booking', 'event', 'registration', 'donation', 'in_kind_donation', 'circle_intake', 'inflow')`,
    ),
    check(
      'custom_field_definitions_type_check',
      sql`${t.type} in ('short_text', 'long_text', 'number', 'date', 'single_choice', 'multiple_choice', 'yes_no', 'email', 'phone')`,
    ),
    check('custom_field_definitions_version_check', sql`${t.version} >= 1`),
    check(
      'custom_field_definitions_confidential_check',
      sql`not ${t.confidential} or ${t.entity} = 'circle_intake'`,
    ),
  ],
);

/** Every version of a definition, as it was saved (append-only). */
export const customFieldVersions = pgTable(
  'custom_field_versions',
  {
    definitionId: uuid('definition_id')
      .notNull()
      .references(() => customFieldDefinitions.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: tz('changed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.definitionId, t.version] })],
);
