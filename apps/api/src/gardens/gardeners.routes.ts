import { z } from '@hono/zod-openapi';
import { gardener, gardenerInput, gardenerPatch } from '@lakou/domain/gardens';
import { idParam, searchKey, uuid } from '@lakou/domain/shared';
import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import { centres, gardeners } from '../db/schema/index.ts';
import { bodyCentre, DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import {
  centreOfGardener,
  GARDEN_TAGS,
  pathCentre,
  queryCentre,
  scopeCondition,
} from './gardens.queries.ts';
import { toGardener } from './gardens.views.ts';

const denied = DENIED_RESPONSES;

const listQuery = z.object({
  centreId: uuid.optional(),
  q: z
    .string()
    .trim()
    .max(100, { error: 'La recherche compte au plus 100 caractères.' })
    .optional()
    .describe('Words of the name or e-mail, accents and case ignored'),
});

const listRoute = guardedRoute({
  policy: requires('circular.read', queryCentre({})),
  method: 'get',
  path: '/gardeners',
  tags: GARDEN_TAGS,
  summary: 'Gardeners of the reader’s centres by name; search by name or e-mail',
  request: { query: listQuery },
  responses: {
    200: {
      description: 'The gardeners',
      content: { 'application/json': { schema: z.object({ items: z.array(gardener) }) } },
    },
    400: problemContent('Invalid filter'),
    ...denied,
  },
});

const createRoute = guardedRoute({
  policy: requires('circular.write', bodyCentre),
  method: 'post',
  path: '/gardeners',
  tags: GARDEN_TAGS,
  summary: 'Record a gardener of a centre (not necessarily a Lakou user)',
  request: {
    body: { required: true, content: { 'application/json': { schema: gardenerInput } } },
  },
  responses: {
    201: { description: 'Recorded', content: { 'application/json': { schema: gardener } } },
    400: problemContent('Invalid input'),
    422: problemContent('Unknown centre'),
    ...denied,
  },
});

const patchRoute = guardedRoute({
  policy: requires('circular.write', pathCentre(centreOfGardener)),
  method: 'patch',
  path: '/gardeners/{id}',
  tags: GARDEN_TAGS,
  summary: 'Change a gardener’s name or contact details',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: gardenerPatch } } },
  },
  responses: {
    200: { description: 'Changed', content: { 'application/json': { schema: gardener } } },
    400: problemContent('Invalid input'),
    404: problemContent('No such gardener'),
    ...denied,
  },
});

export const gardenersRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const { centreId, q } = c.req.valid('query');
    const rows = await c.var.db
      .select()
      .from(gardeners)
      .where(
        and(
          scopeCondition(c, gardeners.centreId),
          centreId ? eq(gardeners.centreId, centreId) : undefined,
        ),
      )
      .orderBy(asc(gardeners.name), asc(gardeners.id));
    // A centre has dozens of gardeners: the accent-insensitive search runs on the rows read.
    const words = q ? searchKey(q).split(' ').filter(Boolean) : [];
    const items = rows
      .filter((row) => {
        const key = searchKey(`${row.name} ${row.email ?? ''}`);
        return words.every((w) => key.includes(w));
      })
      .map(toGardener);
    return c.json({ items }, 200);
  })
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    const [centre] = await c.var.db
      .select({ id: centres.id })
      .from(centres)
      .where(eq(centres.id, input.centreId));
    if (!centre) {
      return problemResponse(c, 422, 'Ce centre n’existe pas.', {
        code: 'UNKNOWN_CENTRE',
        errors: [{ field: 'centreId', message: 'Centre inconnu.' }],
      }) as never;
    }
    const made = await c.var.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(gardeners)
        .values({ ...input, email: input.email?.toLowerCase() ?? null })
        .returning();
      if (!row) throw new Error('gardener insert returned no row');
      const view = toGardener(row);
      await recordAudit(tx, c, {
        action: 'garden.gardener.create',
        entity: 'gardener',
        entityId: row.id,
        after: view,
      });
      return view;
    });
    return c.json(made, 201);
  })
  .openapi(patchRoute, async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const changed = await c.var.db.transaction(async (tx) => {
      const [before] = await tx.select().from(gardeners).where(eq(gardeners.id, id)).for('update');
      if (!before) return null;
      const values = {
        ...patch,
        ...(patch.email !== undefined ? { email: patch.email?.toLowerCase() ?? null } : {}),
      };
      const [row] =
        Object.keys(values).length > 0
          ? await tx.update(gardeners).set(values).where(eq(gardeners.id, id)).returning()
          : [before];
      if (!row) throw new Error('gardener vanished');
      const after = toGardener(row);
      await recordAudit(tx, c, {
        action: 'garden.gardener.update',
        entity: 'gardener',
        entityId: id,
        before: toGardener(before),
        after,
      });
      return after;
    });
    if (!changed) return problemResponse(c, 404, 'Cette personne n’est pas enregistrée.') as never;
    return c.json(changed, 200);
  });
