import type {
  ChoiceOption,
  CustomFieldDefinition,
  CustomFieldEntity,
  CustomFieldType,
} from '@lakou/domain/config';
import { and, asc, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { centres, customFieldDefinitions, organisations } from '../db/schema/index.ts';

type Reader = Pick<Db, 'select'>;

export type DefinitionRow = typeof customFieldDefinitions.$inferSelect;

/** The read model of a stored definition. */
export function toDefinition(row: DefinitionRow): CustomFieldDefinition {
  return {
    id: row.id,
    entity: row.entity as CustomFieldEntity,
    centreId: row.centreId,
    key: row.key,
    labelFr: row.labelFr,
    labelEn: row.labelEn,
    helpFr: row.helpFr,
    helpEn: row.helpEn,
    type: row.type as CustomFieldType,
    required: row.required,
    defaultValue: (row.defaultValue ?? null) as CustomFieldDefinition['defaultValue'],
    min: row.min,
    max: row.max,
    options: row.options as ChoiceOption[],
    inTables: row.inTables,
    confidential: row.confidential,
    position: row.position,
    version: row.version,
    retiredAt: row.retiredAt ? row.retiredAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function findDefinitionRow(
  db: Reader,
  id: string,
): Promise<DefinitionRow | undefined> {
  const [row] = await db
    .select()
    .from(customFieldDefinitions)
    .where(eq(customFieldDefinitions.id, id));
  return row;
}

/**
 * Definitions of an organisation, by position then creation. `centreId` undefined: every scope;
 * null: the network's only; a centre: the network's and that centre's (what applies there).
 */
export async function loadDefinitions(
  db: Reader,
  organisationId: string,
  filter: { entity?: CustomFieldEntity; centreId?: string | null; includeRetired?: boolean },
): Promise<CustomFieldDefinition[]> {
  const conditions: SQL[] = [eq(customFieldDefinitions.organisationId, organisationId)];
  if (filter.entity) conditions.push(eq(customFieldDefinitions.entity, filter.entity));
  if (filter.centreId === null) conditions.push(isNull(customFieldDefinitions.centreId));
  else if (filter.centreId !== undefined) {
    const scope = or(
      isNull(customFieldDefinitions.centreId),
      eq(customFieldDefinitions.centreId, filter.centreId),
    );
    if (scope) conditions.push(scope);
  }
  if (!filter.includeRetired) conditions.push(isNull(customFieldDefinitions.retiredAt));
  const rows = await db
    .select()
    .from(customFieldDefinitions)
    .where(and(...conditions))
    .orderBy(
      asc(customFieldDefinitions.position),
      asc(customFieldDefinitions.createdAt),
      asc(customFieldDefinitions.id),
    );
  return rows.map(toDefinition);
}

/** The organisation a centre belongs to. */
export async function organisationOfCentre(
  db: Reader,
  centreId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ organisationId: centres.organisationId })
    .from(centres)
    .where(eq(centres.id, centreId));
  return row?.organisationId;
}

/** The organisation this installation serves (the first one), or undefined before the seed. */
export async function networkOrganisation(db: Reader): Promise<string | undefined> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  return row?.id;
}
