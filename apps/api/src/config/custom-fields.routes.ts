import { z } from '@hono/zod-openapi';
import {
  type CustomFieldDefinition,
  type CustomFieldSpec,
  customFieldDefinition,
  customFieldEntity,
  customFieldInput,
  customFieldPatch,
  customValueFromForm,
  customValueSchema,
  formatCustomValue,
  incompatibleValues,
  specIssues,
} from '@lakou/domain/config';
import type { Subject } from '@lakou/domain/identity';
import { idParam } from '@lakou/domain/shared';
import { and, asc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/client.ts';
import { sqlState } from '../db/errors.ts';
import { customFieldDefinitions, customFieldVersions, users } from '../db/schema/index.ts';
import { bodyCentre, DENIED_RESPONSES, guardedRoute, PUBLIC, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { type ApiEnv, contextRouter } from '../http/router.ts';
import {
  type DefinitionRow,
  findDefinitionRow,
  loadDefinitions,
  networkOrganisation,
  organisationOfCentre,
  toDefinition,
} from './custom-fields.queries.ts';
import { rewriteValues, type StoredValue, storedValuesOf } from './stored-values.ts';

const TAGS = ['Configuration'];

const NOT_FOUND = 'Ce champ personnalisé n’existe pas.';
const STALE =
  'Ce champ a été modifié entre-temps : rechargez-le pour voir ses changements avant d’enregistrer les vôtres.';
const NO_NETWORK = 'Le réseau n’est pas encore configuré.';

const uuid = z.uuid({ error: 'Identifiant invalide.' });
const isUuid = (v: unknown): v is string => typeof v === 'string' && uuid.safeParse(v).success;

/** The spec fields of a definition, in the order of customFieldSpec. */
const SPEC_KEYS = [
  'key',
  'labelFr',
  'labelEn',
  'helpFr',
  'helpEn',
  'type',
  'required',
  'defaultValue',
  'min',
  'max',
  'options',
  'inTables',
  'confidential',
] as const satisfies readonly (keyof CustomFieldSpec)[];
/** The changes that may make stored values no longer fit. */
const SHAPE_KEYS = ['type', 'options', 'min', 'max'] as const;

function specOf(def: CustomFieldDefinition): CustomFieldSpec {
  return Object.fromEntries(SPEC_KEYS.map((k) => [k, def[k]])) as CustomFieldSpec;
}

/**
 * The centre of the definition named in the path. An id that names none is judged in a centre the
 * asker manages, so that managers get as far as the 404 and others a 403.
 */
async function definitionCentre(c: Context<ApiEnv>): Promise<Subject> {
  const id = c.req.param('id');
  if (isUuid(id)) {
    const row = await findDefinitionRow(c.var.db, id);
    if (row) return { centreId: row.centreId };
  }
  return {
    centreId:
      c.var.actor?.assignments.find((a) => a.centreId !== null && a.role === 'manager')?.centreId ??
      null,
  };
}

const listQuery = z.object({
  entity: customFieldEntity.optional(),
  centreId: uuid
    .optional()
    .describe('The definitions that apply in this centre (the network’s and its own).'),
  includeRetired: z
    .enum(['true', 'false'], { error: 'includeRetired vaut true ou false.' })
    .optional()
    .describe('Retired fields too (default: active ones only).'),
});

const orderBody = z.object({
  entity: customFieldEntity,
  centreId: uuid.nullable(),
  ids: z
    .array(uuid)
    .max(500, { error: 'Au plus 500 champs.' })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'Un champ est cité deux fois.' }),
});

const definitionVersion = z
  .object({
    version: z.number().int(),
    definition: customFieldDefinition,
    changedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    changedAt: z.string(),
  })
  .meta({ id: 'CustomFieldVersion' });

const items = <T extends z.ZodType>(schema: T) => ({
  'application/json': { schema: z.object({ items: z.array(schema) }) },
});
const one = { 'application/json': { schema: customFieldDefinition } };

const listRoute = guardedRoute({
  policy: PUBLIC,
  method: 'get',
  path: '/custom-fields',
  tags: TAGS,
  summary: 'Custom field definitions (labels only), by position',
  description:
    'With `centreId`: the definitions that apply in that centre (the network’s and that centre’s). Without: every definition of the network, whatever its scope.',
  request: { query: listQuery },
  responses: {
    200: { description: 'The definitions', content: items(customFieldDefinition) },
    400: problemContent('Invalid filter'),
  },
});

const createRoute = guardedRoute({
  policy: requires('config.manage', bodyCentre),
  method: 'post',
  path: '/custom-fields',
  tags: TAGS,
  summary: 'Add a custom field to an entity, for one centre (its managers) or the network (admin)',
  request: {
    body: { required: true, content: { 'application/json': { schema: customFieldInput } } },
  },
  responses: {
    201: { description: 'Made', content: one },
    400: problemContent('Invalid definition'),
    409: problemContent('The key is taken (by an active or a retired field)'),
    422: problemContent('Unknown centre, or a donation field for one centre'),
    ...DENIED_RESPONSES,
  },
});

const problems = {
  400: problemContent('Invalid input'),
  404: problemContent('No such custom field'),
  ...DENIED_RESPONSES,
};

const patchRoute = guardedRoute({
  policy: requires('config.manage', definitionCentre),
  method: 'patch',
  path: '/custom-fields/{id}',
  tags: TAGS,
  summary: 'Change a custom field (its key, entity and scope never change)',
  description:
    'Send the `version` read: a field changed since then is refused with 409. A new type, options or bounds that values already stored would not fit is refused with 422 `VALUES_DO_NOT_FIT`.',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: customFieldPatch } } },
  },
  responses: {
    200: { description: 'Changed', content: one },
    ...problems,
    409: problemContent('Changed by someone else since the version sent'),
    422: problemContent('Stored values would no longer fit'),
  },
});

const retireRoute = guardedRoute({
  policy: requires('config.manage', definitionCentre),
  method: 'post',
  path: '/custom-fields/{id}/retire',
  tags: TAGS,
  summary: 'Retire a custom field: hidden from forms and reads, its stored values kept',
  request: { params: idParam },
  responses: { 200: { description: 'Retired', content: one }, ...problems },
});

const restoreRoute = guardedRoute({
  policy: requires('config.manage', definitionCentre),
  method: 'post',
  path: '/custom-fields/{id}/restore',
  tags: TAGS,
  summary: 'Bring a retired custom field back, with the values stored before',
  request: { params: idParam },
  responses: { 200: { description: 'Restored', content: one }, ...problems },
});

const versionsRoute = guardedRoute({
  policy: requires('config.manage', definitionCentre),
  method: 'get',
  path: '/custom-fields/{id}/versions',
  tags: TAGS,
  summary: 'Every saved version of a custom field, oldest first',
  request: { params: idParam },
  responses: {
    200: { description: 'Its versions', content: items(definitionVersion) },
    ...problems,
  },
});

const orderRoute = guardedRoute({
  policy: requires('config.manage', bodyCentre),
  method: 'put',
  path: '/custom-fields/order',
  tags: TAGS,
  summary: 'Put the custom fields of one entity and scope in the order given',
  description:
    'The fields listed get positions 0…n-1; those of the scope left out follow, in their former order.',
  request: { body: { required: true, content: { 'application/json': { schema: orderBody } } } },
  responses: {
    200: {
      description: 'The fields of the scope, in order',
      content: items(customFieldDefinition),
    },
    400: problemContent('Invalid input'),
    422: problemContent('A field of another entity or scope'),
    ...DENIED_RESPONSES,
  },
});

class Refusal extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 422,
    message: string,
    readonly extra: {
      code?: string;
      type?: string;
      errors?: { field: string; message: string }[];
    } = {},
  ) {
    super(message);
  }
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

async function lockDefinition(tx: Tx, id: string): Promise<DefinitionRow> {
  const [row] = await tx
    .select()
    .from(customFieldDefinitions)
    .where(eq(customFieldDefinitions.id, id))
    .for('update');
  if (!row) throw new Refusal(404, NOT_FOUND);
  return row;
}

/** Appends the definition as it now stands to its history. */
async function appendVersion(tx: Tx, c: Context<ApiEnv>, def: CustomFieldDefinition) {
  await tx.insert(customFieldVersions).values({
    definitionId: def.id,
    version: def.version,
    definition: def,
    changedBy: c.var.principal?.id ?? null,
  });
}

/** Types whose values are text as a person typed it. */
const TEXT_TYPES: readonly string[] = ['short_text', 'long_text', 'email', 'phone'];

/**
 * A stored value as the changed field would hold it: kept when it still fits; on a change of type,
 * read again as a person would retype it (« 12 » as the number 12, a number or a choice as its
 * French text, a choice key as one of several). Unchanged when no reading fits: it counts
 * among the values that no longer fit.
 */
function carriedOver(before: CustomFieldSpec, next: CustomFieldSpec, value: unknown): unknown {
  const schema = customValueSchema({ ...next, required: false });
  if (schema.safeParse(value).success || before.type === next.type) return value;
  const text = typeof value === 'string' ? value : formatCustomValue(before, value, 'fr');
  const retyped = TEXT_TYPES.includes(next.type) ? text : customValueFromForm(next, text);
  const parsed = schema.safeParse(retyped);
  return parsed.success ? parsed.data : value;
}

const describeValue = (v: unknown) => (typeof v === 'string' ? `« ${v} »` : JSON.stringify(v));

function refusalResponse(c: Context<ApiEnv>, error: Refusal) {
  return problemResponse(c, error.status, error.message, error.extra);
}

/** Retire or restore: the same change, one way or the other. */
async function setRetired(c: Context<ApiEnv>, id: string, retired: boolean) {
  try {
    const def = await c.var.db.transaction(async (tx) => {
      const row = await lockDefinition(tx, id);
      const before = toDefinition(row);
      if ((row.retiredAt !== null) === retired) return before;
      const [changed] = await tx
        .update(customFieldDefinitions)
        .set({
          retiredAt: retired ? sql`now()` : null,
          version: sql`${customFieldDefinitions.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(eq(customFieldDefinitions.id, id))
        .returning();
      if (!changed) throw new Refusal(404, NOT_FOUND);
      const after = toDefinition(changed);
      await appendVersion(tx, c, after);
      await recordAudit(tx, c, {
        action: retired ? 'config.field.retire' : 'config.field.restore',
        entity: 'custom_field',
        entityId: id,
        before,
        after,
      });
      return after;
    });
    return c.json(def, 200);
  } catch (error) {
    if (error instanceof Refusal) return refusalResponse(c, error) as never;
    throw error;
  }
}

/**
 * The keys present in the JSON body: a partial schema may fill defaults for fields that were not
 * sent, and only what was sent changes.
 */
async function sentKeys(c: Context<ApiEnv>): Promise<Set<string>> {
  try {
    const body = (await c.req.json()) as unknown;
    return new Set(body && typeof body === 'object' ? Object.keys(body) : []);
  } catch {
    return new Set();
  }
}

export const customFieldsRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const db = c.var.db;
    const organisationId = query.centreId
      ? await organisationOfCentre(db, query.centreId)
      : await networkOrganisation(db);
    if (!organisationId) return c.json({ items: [] }, 200);
    const defs = await loadDefinitions(db, organisationId, {
      entity: query.entity,
      centreId: query.centreId,
      includeRetired: query.includeRetired === 'true',
    });
    return c.json({ items: defs }, 200);
  })
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    const db = c.var.db;
    if (input.entity === 'donation' && input.centreId !== null) {
      return problemResponse(
        c,
        422,
        'Les champs des dons en argent valent pour tout le réseau : ils ne se créent pas pour un centre.',
        {
          code: 'NETWORK_ONLY',
          errors: [{ field: 'centreId', message: 'Champ du réseau seulement.' }],
        },
      ) as never;
    }
    const organisationId = input.centreId
      ? await organisationOfCentre(db, input.centreId)
      : await networkOrganisation(db);
    if (!organisationId) {
      return problemResponse(c, 422, input.centreId ? 'Ce centre n’existe pas.' : NO_NETWORK, {
        errors: input.centreId ? [{ field: 'centreId', message: 'Centre inconnu.' }] : [],
      }) as never;
    }
    const taken = () =>
      problemResponse(
        c,
        409,
        `La clé « ${input.key} » est déjà prise par un autre champ de cette entité (peut-être retiré) : choisissez-en une autre.`,
        { code: 'KEY_TAKEN', errors: [{ field: 'key', message: 'Clé déjà utilisée.' }] },
      ) as never;
    const [existing] = await db
      .select({ id: customFieldDefinitions.id })
      .from(customFieldDefinitions)
      .where(
        and(
          eq(customFieldDefinitions.organisationId, organisationId),
          eq(customFieldDefinitions.entity, input.entity),
          eq(customFieldDefinitions.key, input.key),
        ),
      );
    if (existing) return taken();
    try {
      const made = await db.transaction(async (tx) => {
        const [last] = await tx
          .select({ position: max(customFieldDefinitions.position) })
          .from(customFieldDefinitions)
          .where(
            and(
              eq(customFieldDefinitions.organisationId, organisationId),
              eq(customFieldDefinitions.entity, input.entity),
            ),
          );
        const [row] = await tx
          .insert(customFieldDefinitions)
          .values({
            organisationId,
            centreId: input.centreId,
            entity: input.entity,
            key: input.key,
            labelFr: input.labelFr,
            labelEn: input.labelEn,
            helpFr: input.helpFr,
            helpEn: input.helpEn,
            type: input.type,
            required: input.required,
            defaultValue: input.defaultValue,
            min: input.min,
            max: input.max,
            options: input.options,
            inTables: input.inTables,
            confidential: input.confidential,
            position: last?.position == null ? 0 : last.position + 1,
            createdBy: c.var.principal?.id ?? null,
          })
          .returning();
        if (!row) throw new Error('custom field insert returned no row');
        const def = toDefinition(row);
        await appendVersion(tx, c, def);
        await recordAudit(tx, c, {
          action: 'config.field.create',
          entity: 'custom_field',
          entityId: def.id,
          after: def,
        });
        return def;
      });
      return c.json(made, 201);
    } catch (error) {
      if (sqlState(error) === '23505') return taken();
      if (sqlState(error) === '23503') {
        return problemResponse(c, 422, 'Ce centre n’existe pas.', {
          errors: [{ field: 'centreId', message: 'Centre inconnu.' }],
        }) as never;
      }
      throw error;
    }
  })
  .openapi(patchRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { version, ...parsed } = c.req.valid('json');
    const sent = await sentKeys(c);
    const changes = Object.fromEntries(
      Object.entries(parsed).filter(([k, v]) => sent.has(k) && v !== undefined && k !== 'key'),
    ) as Partial<CustomFieldSpec>;
    try {
      const def = await c.var.db.transaction(async (tx) => {
        const row = await lockDefinition(tx, id);
        if (row.version !== version) throw new Refusal(409, STALE, { code: 'VERSION_CONFLICT' });
        const before = toDefinition(row);
        const next: CustomFieldSpec = { ...specOf(before), ...changes };
        const issues = specIssues(next, before.entity);
        if (issues.length) {
          throw new Refusal(400, 'Certaines valeurs envoyées sont invalides.', {
            type: 'urn:lakou:problem:validation',
            errors: issues.map((i) => ({
              field: i.path.join('.') || '(corps)',
              message: i.message,
            })),
          });
        }
        if (SHAPE_KEYS.some((k) => k in changes)) {
          const stored = await storedValuesOf(tx, {
            organisationId: row.organisationId,
            entity: before.entity,
            centreId: row.centreId,
            key: row.key,
          });
          const carried: StoredValue[] = stored.map((s) => ({
            id: s.id,
            value: carriedOver(specOf(before), next, s.value),
          }));
          const misfits = incompatibleValues(
            next,
            carried.map((s) => s.value),
          );
          if (misfits.count > 0) {
            const example = misfits.examples[0];
            throw new Refusal(
              422,
              `${misfits.count} valeur${misfits.count > 1 ? 's' : ''} déjà enregistrée${misfits.count > 1 ? 's' : ''} ne conviendrai${misfits.count > 1 ? 'ent' : 't'} plus au champ ainsi modifié${example === undefined ? '' : ` (par exemple ${describeValue(example)})`}. Corrigez-les d’abord, ou créez un nouveau champ.`,
              { code: 'VALUES_DO_NOT_FIT' },
            );
          }
          const changedValues = carried.filter(
            (s, i) => JSON.stringify(s.value) !== JSON.stringify(stored[i]?.value),
          );
          await rewriteValues(tx, before.entity, row.key, changedValues);
        }
        const [changed] = await tx
          .update(customFieldDefinitions)
          .set({
            ...changes,
            version: sql`${customFieldDefinitions.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(
            and(eq(customFieldDefinitions.id, id), eq(customFieldDefinitions.version, version)),
          )
          .returning();
        if (!changed) throw new Refusal(409, STALE, { code: 'VERSION_CONFLICT' });
        const after = toDefinition(changed);
        await appendVersion(tx, c, after);
        await recordAudit(tx, c, {
          action: 'config.field.update',
          entity: 'custom_field',
          entityId: id,
          before,
          after,
        });
        return after;
      });
      return c.json(def, 200);
    } catch (error) {
      if (error instanceof Refusal) return refusalResponse(c, error) as never;
      throw error;
    }
  })
  .openapi(retireRoute, (c) => setRetired(c, c.req.valid('param').id, true))
  .openapi(restoreRoute, (c) => setRetired(c, c.req.valid('param').id, false))
  .openapi(versionsRoute, async (c) => {
    const { id } = c.req.valid('param');
    const db = c.var.db;
    if (!(await findDefinitionRow(db, id))) return problemResponse(c, 404, NOT_FOUND) as never;
    const rows = await db
      .select({
        version: customFieldVersions.version,
        definition: customFieldVersions.definition,
        changedById: users.id,
        changedByName: users.name,
        changedAt: customFieldVersions.changedAt,
      })
      .from(customFieldVersions)
      .leftJoin(users, eq(users.id, customFieldVersions.changedBy))
      .where(eq(customFieldVersions.definitionId, id))
      .orderBy(asc(customFieldVersions.version));
    return c.json(
      {
        items: rows.map((r) => ({
          version: r.version,
          definition: r.definition as CustomFieldDefinition,
          changedBy:
            r.changedById && r.changedByName !== null
              ? { id: r.changedById, name: r.changedByName }
              : null,
          changedAt: r.changedAt.toISOString(),
        })),
      },
      200,
    );
  })
  .openapi(orderRoute, async (c) => {
    const body = c.req.valid('json');
    const db = c.var.db;
    const organisationId = body.centreId
      ? await organisationOfCentre(db, body.centreId)
      : await networkOrganisation(db);
    if (!organisationId) {
      return problemResponse(
        c,
        422,
        body.centreId ? 'Ce centre n’existe pas.' : NO_NETWORK,
      ) as never;
    }
    const scope = and(
      eq(customFieldDefinitions.organisationId, organisationId),
      eq(customFieldDefinitions.entity, body.entity),
      body.centreId
        ? eq(customFieldDefinitions.centreId, body.centreId)
        : isNull(customFieldDefinitions.centreId),
    );
    try {
      const items = await db.transaction(async (tx) => {
        const rows = await tx
          .select({ id: customFieldDefinitions.id, position: customFieldDefinitions.position })
          .from(customFieldDefinitions)
          .where(scope)
          .orderBy(
            asc(customFieldDefinitions.position),
            asc(customFieldDefinitions.createdAt),
            asc(customFieldDefinitions.id),
          )
          .for('update');
        const known = new Set(rows.map((r) => r.id));
        const strangers = body.ids.filter((i) => !known.has(i));
        if (strangers.length) {
          throw new Refusal(
            422,
            'Un des champs cités n’est pas un champ de cette entité à cet endroit.',
            { errors: [{ field: 'ids', message: `Champ inconnu ici : ${strangers.join(', ')}.` }] },
          );
        }
        const listed = new Set(body.ids);
        const order = [...body.ids, ...rows.map((r) => r.id).filter((i) => !listed.has(i))];
        const before = rows.map((r) => r.id);
        for (const [position, fieldId] of order.entries()) {
          const current = rows.find((r) => r.id === fieldId);
          if (current?.position === position) continue;
          await tx
            .update(customFieldDefinitions)
            .set({ position, updatedAt: sql`now()` })
            .where(eq(customFieldDefinitions.id, fieldId));
        }
        await recordAudit(tx, c, {
          action: 'config.field.reorder',
          entity: 'custom_field',
          entityId: null,
          before: { entity: body.entity, centreId: body.centreId, ids: before },
          after: { entity: body.entity, centreId: body.centreId, ids: order },
        });
        const all = await tx
          .select()
          .from(customFieldDefinitions)
          .where(and(scope, order.length ? inArray(customFieldDefinitions.id, order) : undefined))
          .orderBy(asc(customFieldDefinitions.position), asc(customFieldDefinitions.createdAt));
        return all.map(toDefinition);
      });
      return c.json({ items }, 200);
    } catch (error) {
      if (error instanceof Refusal) return refusalResponse(c, error) as never;
      throw error;
    }
  });
