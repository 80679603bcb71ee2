import type { CustomFieldEntity } from '@lakou/domain/config';
import { type AnyColumn, and, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  bookings,
  centres,
  circleCases,
  donations,
  eventRegistrations,
  events,
  inflows,
} from '../db/schema/index.ts';

type Reader = Pick<Db, 'select'>;

export interface DefinitionScope {
  organisationId: string;
  entity: CustomFieldEntity;
  centreId: string | null;
  key: string;
}

export interface StoredValue {
  /** The row's id in the entity's table. */
  id: string;
  value: unknown;
}

/**
 * The values stored under a definition's key, in the rows it may hold values for: that entity's
 * rows of the organisation, of its centre when the definition is a centre's. Null values are
 * left out (they mean nothing is stored).
 */
export async function storedValuesOf(db: Reader, def: DefinitionScope): Promise<StoredValue[]> {
  const value = (column: AnyColumn) => sql<unknown>`(${column} -> ${def.key})`;
  const rows = await selectValues(db, def, value);
  return rows
    .filter((r) => r.v !== null && r.v !== undefined)
    .map((r) => ({ id: r.id, value: r.v }));
}

const TABLES = {
  booking: bookings,
  event: events,
  registration: eventRegistrations,
  donation: donations,
  in_kind_donation: donations,
  circle_intake: circleCases,
  inflow: inflows,
} as const;

/** Writes new values under `key` in rows of the entity's table (values converted by a type change). */
export async function rewriteValues(
  db: Pick<Db, 'execute'>,
  entity: CustomFieldEntity,
  key: string,
  values: readonly StoredValue[],
): Promise<void> {
  const table = TABLES[entity];
  for (const { id, value } of values) {
    await db.execute(
      sql`update ${table} set custom = jsonb_set(custom, array[${key}]::text[], ${JSON.stringify(value)}::jsonb) where id = ${id}`,
    );
  }
}

async function selectValues(
  db: Reader,
  def: DefinitionScope,
  value: (column: AnyColumn) => SQL<unknown>,
): Promise<{ id: string; v: unknown }[]> {
  const inCentre = (column: AnyColumn) => (def.centreId ? eq(column, def.centreId) : undefined);
  const inOrganisation = eq(centres.organisationId, def.organisationId);
  switch (def.entity) {
    case 'booking':
      return db
        .select({ id: bookings.id, v: value(bookings.custom) })
        .from(bookings)
        .innerJoin(centres, eq(centres.id, bookings.centreId))
        .where(and(inOrganisation, inCentre(bookings.centreId), present(bookings.custom, def.key)));
    case 'event':
      return db
        .select({ id: events.id, v: value(events.custom) })
        .from(events)
        .innerJoin(centres, eq(centres.id, events.centreId))
        .where(and(inOrganisation, inCentre(events.centreId), present(events.custom, def.key)));
    case 'registration':
      return db
        .select({ id: eventRegistrations.id, v: value(eventRegistrations.custom) })
        .from(eventRegistrations)
        .innerJoin(events, eq(events.id, eventRegistrations.eventId))
        .innerJoin(centres, eq(centres.id, events.centreId))
        .where(
          and(
            inOrganisation,
            inCentre(events.centreId),
            present(eventRegistrations.custom, def.key),
          ),
        );
    case 'donation':
    case 'in_kind_donation':
      return db
        .select({ id: donations.id, v: value(donations.custom) })
        .from(donations)
        .where(
          and(
            eq(donations.organisationId, def.organisationId),
            eq(donations.kind, def.entity === 'donation' ? 'money' : 'in_kind'),
            def.centreId ? eq(donations.centreId, def.centreId) : undefined,
            present(donations.custom, def.key),
          ),
        );
    case 'circle_intake':
      return db
        .select({ id: circleCases.id, v: value(circleCases.custom) })
        .from(circleCases)
        .innerJoin(centres, eq(centres.id, circleCases.centreId))
        .where(
          and(inOrganisation, inCentre(circleCases.centreId), present(circleCases.custom, def.key)),
        );
    case 'inflow':
      return db
        .select({ id: inflows.id, v: value(inflows.custom) })
        .from(inflows)
        .innerJoin(centres, eq(centres.id, inflows.centreId))
        .where(and(inOrganisation, inCentre(inflows.centreId), present(inflows.custom, def.key)));
  }
}

/** Rows whose custom object holds a non-null value under `key`. */
const present = (column: AnyColumn, key: string) => isNotNull(sql`(${column} -> ${key})`);
