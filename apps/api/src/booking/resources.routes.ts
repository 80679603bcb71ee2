import { z } from '@hono/zod-openapi';
import { resource, resourceInput, resourceListQuery } from '@lakou/domain/booking';
import { centreScope } from '@lakou/domain/identity';
import { idParam, paginated } from '@lakou/domain/shared';
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { recordAudit } from '../audit/record.ts';
import { itemAccepted } from '../config/lists.queries.ts';
import { centres } from '../db/schema/index.ts';
import { bodyCentre, DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { type ApiEnv, contextRouter } from '../http/router.ts';
import {
  centreOfResource,
  findResource,
  insertResource,
  listResources,
  replaceResource,
  setResourceActive,
} from './resources.queries.ts';

const TAGS = ['Réservations'];
const denied = DENIED_RESPONSES;

/** The centre of the resource in the path (null when there is none: the handler then answers 404). */
async function pathResourceCentre(c: Context<ApiEnv>) {
  const id = c.req.param('id') ?? '';
  const valid = z.uuid().safeParse(id).success;
  return { centreId: valid ? ((await centreOfResource(c.var.db, id)) ?? undefined) : undefined };
}

const listRoute = guardedRoute({
  policy: requires('booking.read', (c) => ({ centreId: c.req.query('centreId') })),
  method: 'get',
  path: '/resources',
  tags: TAGS,
  summary: 'Rooms, desks and equipment of the centres the reader works in',
  request: { query: resourceListQuery },
  responses: {
    200: {
      description: 'A page of resources',
      content: { 'application/json': { schema: paginated(resource) } },
    },
    400: problemContent('Invalid filter'),
    ...denied,
  },
});

const getRoute = guardedRoute({
  policy: requires('booking.read', pathResourceCentre),
  method: 'get',
  path: '/resources/{id}',
  tags: TAGS,
  summary: 'One resource',
  request: { params: idParam },
  responses: {
    200: { description: 'The resource', content: { 'application/json': { schema: resource } } },
    400: problemContent('The id is not a UUID'),
    404: problemContent('No such resource'),
    ...denied,
  },
});

const createRoute = guardedRoute({
  policy: requires('centre.manage', bodyCentre),
  method: 'post',
  path: '/resources',
  tags: TAGS,
  summary: 'Add a bookable resource to a centre (its managers and the admins)',
  request: { body: { required: true, content: { 'application/json': { schema: resourceInput } } } },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: resource } } },
    400: problemContent('Invalid input'),
    422: problemContent('A kind that is not an active item of the resource kinds list'),
    ...denied,
  },
});

const replaceRoute = guardedRoute({
  policy: requires('centre.manage', pathResourceCentre),
  method: 'put',
  path: '/resources/{id}',
  tags: TAGS,
  summary: 'Replace a resource’s settings (it stays in its centre)',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: resourceInput } } },
  },
  responses: {
    200: { description: 'Updated', content: { 'application/json': { schema: resource } } },
    400: problemContent('Invalid input'),
    404: problemContent('No such resource'),
    422: problemContent(
      'A resource cannot move to another centre, nor take a retired or unknown kind',
    ),
    ...denied,
  },
});

const activeRoute = guardedRoute({
  policy: requires('centre.manage', pathResourceCentre),
  method: 'patch',
  path: '/resources/{id}/active',
  tags: TAGS,
  summary: 'Take a resource out of use, or back (its bookings stay)',
  request: {
    params: idParam,
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ active: z.boolean() }) } },
    },
  },
  responses: {
    200: { description: 'Updated', content: { 'application/json': { schema: resource } } },
    400: problemContent('Invalid input'),
    404: problemContent('No such resource'),
    ...denied,
  },
});

const notFound = (c: Context<ApiEnv>) =>
  problemResponse(c, 404, 'Cette ressource n’existe pas.') as never;

/** A kind that is not an active item of the `resource_kind` editable list. */
const unknownKind = (c: Context<ApiEnv>) =>
  problemResponse(c, 422, 'Ce type de ressource n’existe pas ou n’est plus proposé.', {
    errors: [{ field: 'kind', message: 'Type de ressource inconnu ou retiré.' }],
  });

export const resourcesRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const actor = c.var.actor;
    const scope = actor ? centreScope(actor, 'booking.read') : [];
    return c.json(await listResources(c.var.db, c.req.valid('query'), scope), 200);
  })
  .openapi(getRoute, async (c) => {
    const found = await findResource(c.var.db, c.req.valid('param').id);
    return found ? c.json(found, 200) : notFound(c);
  })
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    const [centre] = await c.var.db
      .select({ id: centres.id })
      .from(centres)
      .where(eq(centres.id, input.centreId));
    if (!centre) {
      return problemResponse(c, 400, 'Ce centre n’existe pas.', {
        errors: [{ field: 'centreId', message: 'Ce centre n’existe pas.' }],
      }) as never;
    }
    const created = await c.var.db.transaction(async (tx) => {
      if (!(await itemAccepted(tx, 'resource_kind', input.kind))) return 'kind' as const;
      const row = await insertResource(tx, input);
      await recordAudit(tx, c, {
        action: 'resource.create',
        entity: 'resource',
        entityId: row.id,
        after: row,
      });
      return row;
    });
    if (created === 'kind') return unknownKind(c) as never;
    return c.json(created, 201);
  })
  .openapi(replaceRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const result = await c.var.db.transaction(async (tx) => {
      const before = await findResource(tx, id);
      if (!before) return 'missing' as const;
      if (before.centreId !== input.centreId) return 'moved' as const;
      if (!(await itemAccepted(tx, 'resource_kind', input.kind, before.kind))) {
        return 'kind' as const;
      }
      const after = await replaceResource(tx, id, input);
      await recordAudit(tx, c, {
        action: 'resource.update',
        entity: 'resource',
        entityId: id,
        before,
        after,
      });
      return after;
    });
    if (result === 'missing' || result === undefined) return notFound(c);
    if (result === 'kind') return unknownKind(c) as never;
    if (result === 'moved') {
      return problemResponse(
        c,
        422,
        'Une ressource ne change pas de centre : créez-la dans l’autre centre.',
        {
          errors: [{ field: 'centreId', message: 'Une ressource ne change pas de centre.' }],
        },
      ) as never;
    }
    return c.json(result, 200);
  })
  .openapi(activeRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { active } = c.req.valid('json');
    const after = await c.var.db.transaction(async (tx) => {
      const before = await findResource(tx, id);
      if (!before) return undefined;
      const updated = await setResourceActive(tx, id, active);
      await recordAudit(tx, c, {
        action: active ? 'resource.reactivate' : 'resource.deactivate',
        entity: 'resource',
        entityId: id,
        before,
        after: updated,
      });
      return updated;
    });
    return after ? c.json(after, 200) : notFound(c);
  });
