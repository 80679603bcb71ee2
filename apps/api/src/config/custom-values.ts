/**
 * Custom field values of the entities that carry a `custom` jsonb column (bookings, events,
 * registrations, donations, circle intakes, inflows): the one place every context's routes load
 * the definitions that apply to a row, check a body's `custom` object and shape what they answer.
 *
 * Exported names (stable: other contexts rely on them):
 * - `definitionsFor(db, organisationId, entity, centreId)` — the active definitions that apply to a
 *   row of `entity` in `centreId` (null: a row without centre → network fields only), ordered.
 * - `definitionsAt(db, entity, centreId)` — the same, the organisation found from the centre (or
 *   the installation's network when `centreId` is null).
 * - `activeDefinitionsOf(db, organisationId, entity)` — every active definition of an entity, all
 *   scopes: load once for a list, then `visibleCustomAt(defs, centreId, stored)` per row.
 * - `checkCustomValues(defs, custom, mode)` — `{ ok: true, values }` (normalised, to store with
 *   `storeCustomValues`) or `{ ok: false, detail, errors }` (errors on `custom.<key>`, French
 *   messages carrying the field's label); `mode` 'create' also fills defaults and requires the
 *   required fields even when `custom` is absent, 'update' checks only the keys sent.
 * - `customValuesProblem(c, failure)` — the 400 response (`urn:lakou:problem:validation`) of a failure.
 * - `storeCustomValues(stored, accepted)` — what to write on update (mergeCustomValues: null
 *   erases, retired and unknown stored keys are kept).
 * - `visibleCustom(defs, stored)` — what the read model's `custom` holds: the keys of the given
 *   (already applicable) definitions only.
 * - `visibleCustomAt(allDefs, centreId, stored)` — the same from every active definition of the
 *   entity, filtered for the row's centre.
 * - `CustomCheck`, `CustomFailure` — the types of the check.
 */
import {
  applicableDefinitions,
  type CustomFieldDefinition,
  type CustomFieldEntity,
  type CustomValues,
  customValuesSchema,
  mergeCustomValues,
  visibleCustomValues,
} from '@lakou/domain/config';
import type { Problem } from '@lakou/domain/shared';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Db } from '../db/client.ts';
import { centres, customFieldDefinitions } from '../db/schema/index.ts';
import { problemResponse } from '../http/problem.ts';
import { networkOrganisation, toDefinition } from './custom-fields.queries.ts';

type Reader = Pick<Db, 'select'>;

/** Every active definition of an entity in an organisation, whatever its scope. */
export async function activeDefinitionsOf(
  db: Reader,
  organisationId: string,
  entity: CustomFieldEntity,
): Promise<CustomFieldDefinition[]> {
  const rows = await db
    .select()
    .from(customFieldDefinitions)
    .where(
      and(
        eq(customFieldDefinitions.organisationId, organisationId),
        eq(customFieldDefinitions.entity, entity),
        isNull(customFieldDefinitions.retiredAt),
      ),
    )
    .orderBy(asc(customFieldDefinitions.position), asc(customFieldDefinitions.createdAt));
  return rows.map(toDefinition);
}

/** The active definitions that apply to a row of `entity` in `centreId`, in form order. */
export async function definitionsFor(
  db: Reader,
  organisationId: string,
  entity: CustomFieldEntity,
  centreId: string | null,
): Promise<CustomFieldDefinition[]> {
  return applicableDefinitions(await activeDefinitionsOf(db, organisationId, entity), {
    entity,
    centreId,
  });
}

/** `definitionsFor` with the organisation found from the centre, or the network's when null. */
export async function definitionsAt(
  db: Reader,
  entity: CustomFieldEntity,
  centreId: string | null,
): Promise<CustomFieldDefinition[]> {
  if (!centreId) {
    const organisationId = await networkOrganisation(db);
    return organisationId ? definitionsFor(db, organisationId, entity, null) : [];
  }
  // The centre's organisation and its definitions in one statement (no centre: none).
  const rows = await db
    .select({ definition: customFieldDefinitions })
    .from(customFieldDefinitions)
    .innerJoin(centres, eq(centres.organisationId, customFieldDefinitions.organisationId))
    .where(
      and(
        eq(centres.id, centreId),
        eq(customFieldDefinitions.entity, entity),
        isNull(customFieldDefinitions.retiredAt),
      ),
    )
    .orderBy(asc(customFieldDefinitions.position), asc(customFieldDefinitions.createdAt));
  return applicableDefinitions(
    rows.map((r) => toDefinition(r.definition)),
    { entity, centreId },
  );
}

export interface CustomFailure {
  ok: false;
  status: 400;
  detail: string;
  errors: { field: string; message: string }[];
}
export type CustomCheck = { ok: true; values: CustomValues } | CustomFailure;

/**
 * A body's `custom` object checked against the definitions that apply (customValuesSchema, the
 * same schema the hub's forms use). Absent `custom` counts as `{}`.
 */
export function checkCustomValues(
  defs: readonly CustomFieldDefinition[],
  custom: unknown,
  mode: 'create' | 'update',
): CustomCheck {
  const parsed = customValuesSchema(defs, { mode, locale: 'fr' }).safeParse(custom ?? {});
  if (parsed.success) return { ok: true, values: parsed.data };
  return {
    ok: false,
    status: 400,
    detail: 'Certaines valeurs envoyées sont invalides.',
    errors: parsed.error.issues.map((issue) => ({
      field: ['custom', ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  };
}

/** The 400 answer of a failed check, shaped as every validation failure of the API. */
export function customValuesProblem(c: Context, failure: CustomFailure): Response {
  const extra: Partial<Problem> = { type: 'urn:lakou:problem:validation', errors: failure.errors };
  return problemResponse(c, failure.status, failure.detail, extra);
}

/** The stored object after an accepted change. */
export function storeCustomValues(stored: unknown, accepted: CustomValues): CustomValues {
  return mergeCustomValues(asValues(stored), accepted);
}

/** The read model's `custom`: the stored values of the given (applicable, active) definitions. */
export function visibleCustom(
  defs: readonly CustomFieldDefinition[],
  stored: unknown,
): CustomValues {
  return visibleCustomValues(defs, asValues(stored));
}

/** `visibleCustom` for a row of `centreId`, from every active definition of its entity. */
export function visibleCustomAt(
  allDefs: readonly CustomFieldDefinition[],
  centreId: string | null,
  stored: unknown,
): CustomValues {
  const entity = allDefs[0]?.entity;
  if (!entity) return {};
  return visibleCustom(applicableDefinitions(allDefs, { entity, centreId }), stored);
}

function asValues(stored: unknown): CustomValues {
  return stored && typeof stored === 'object' && !Array.isArray(stored)
    ? (stored as CustomValues)
    : {};
}
