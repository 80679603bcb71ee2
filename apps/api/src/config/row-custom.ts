/**
 * Custom values of the rows of the booking, registration, donation, circle intake and inflow
 * routes: what those routes share on top of `custom-values.ts` (definitions of the installation's
 * network loaded once per request, the check of a create or a patch, the columns of an export).
 */
import {
  type CustomFieldDefinition,
  type CustomFieldEntity,
  type CustomValues,
  formatCustomValue,
} from '@lakou/domain/config';
import type { Db } from '../db/client.ts';
import { networkOrganisation } from './custom-fields.queries.ts';
import {
  activeDefinitionsOf,
  type CustomCheck,
  checkCustomValues,
  definitionsAt,
} from './custom-values.ts';

type Reader = Pick<Db, 'select'>;

/** Every active definition of an entity in the installation's network, whatever its scope. */
export async function networkDefinitions(
  db: Reader,
  entity: CustomFieldEntity,
): Promise<CustomFieldDefinition[]> {
  const organisationId = await networkOrganisation(db);
  return organisationId ? activeDefinitionsOf(db, organisationId, entity) : [];
}

/** The network-wide active definitions of an entity (no centre's): the columns of an export. */
export async function networkWideDefinitions(
  db: Reader,
  entity: CustomFieldEntity,
): Promise<CustomFieldDefinition[]> {
  return (await networkDefinitions(db, entity)).filter((d) => d.centreId === null);
}

/**
 * A body's `custom` for a new row of `entity` in `centreId`: the definitions that apply there and
 * the check (defaults filled, required fields asked for even when `custom` is absent).
 */
export async function checkNewRow(
  db: Reader,
  entity: CustomFieldEntity,
  centreId: string | null,
  custom: unknown,
): Promise<{ defs: CustomFieldDefinition[]; check: CustomCheck }> {
  const defs = await definitionsAt(db, entity, centreId);
  return { defs, check: checkCustomValues(defs, custom, 'create') };
}

/**
 * A patch's `custom` for a row of `entity` in `centreId`: only the keys sent are checked. Merge
 * the accepted values into the stored ones (`storeCustomValues`) inside the write's transaction.
 */
export async function checkPatch(
  db: Reader,
  entity: CustomFieldEntity,
  centreId: string | null,
  custom: unknown,
): Promise<{ defs: CustomFieldDefinition[]; check: CustomCheck }> {
  const defs = await definitionsAt(db, entity, centreId);
  return { defs, check: checkCustomValues(defs, custom, 'update') };
}

/**
 * Values to store on a row written for the user by another action (the inflow of an in-kind
 * gift, an imported bank line): the defaults of the fields that apply, nothing else checked.
 */
export async function defaultsOfNewRow(
  db: Reader,
  entity: CustomFieldEntity,
  centreId: string | null,
): Promise<CustomValues> {
  const defs = await definitionsAt(db, entity, centreId);
  const values: CustomValues = {};
  for (const d of defs) {
    if (d.defaultValue !== null && d.defaultValue !== undefined) values[d.key] = d.defaultValue;
  }
  return values;
}

/** The header and the cell of each field, for a CSV or XLSX export (French labels). */
export function exportColumns(defs: readonly CustomFieldDefinition[]) {
  return {
    headers: defs.map((d) => d.labelFr),
    cells: (stored: unknown): string[] => {
      const values =
        stored && typeof stored === 'object' && !Array.isArray(stored)
          ? (stored as CustomValues)
          : {};
      return defs.map((d) => formatCustomValue(d, values[d.key], 'fr'));
    },
  };
}
