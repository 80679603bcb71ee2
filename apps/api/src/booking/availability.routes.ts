import { z } from '@hono/zod-openapi';
import { availabilityRequest, resourceAvailability } from '@lakou/domain/booking';
import { can } from '@lakou/domain/identity';
import { inArray } from 'drizzle-orm';
import { resources } from '../db/schema/index.ts';
import { guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import { availabilityOf } from './availability.queries.ts';
import { toResource } from './resources.queries.ts';

const route = guardedRoute({
  policy: requires('booking.read'),
  method: 'get',
  path: '/availability',
  tags: ['Réservations'],
  summary:
    'Free slots of `duration` minutes for each resource between two instants: within bookable hours, outside closures, clear of live bookings and their buffers',
  request: { query: availabilityRequest },
  responses: {
    200: {
      description: 'Slots per resource, in the order asked',
      content: {
        'application/json': { schema: z.object({ items: z.array(resourceAvailability) }) },
      },
    },
    400: problemContent('Invalid query'),
    401: problemContent('Not signed in'),
    403: problemContent('A resource of a centre the reader does not work in'),
    404: problemContent('Unknown resource'),
  },
});

export const availabilityRoutes = contextRouter().openapi(route, async (c) => {
  const query = c.req.valid('query');
  const rows = await c.var.db
    .select()
    .from(resources)
    .where(inArray(resources.id, query.resourceIds));
  const byId = new Map(rows.map((r) => [r.id, toResource(r)]));
  const missing = query.resourceIds.filter((id) => !byId.has(id));
  if (missing.length)
    return problemResponse(c, 404, `Ressource inconnue : ${missing.join(', ')}.`) as never;
  const actor = c.var.actor;
  if (rows.some((r) => !actor || !can(actor, 'booking.read', { centreId: r.centreId }))) {
    return problemResponse(
      c,
      403,
      'Une de ces ressources appartient à un centre où vous ne travaillez pas.',
      {
        code: 'FORBIDDEN',
      },
    ) as never;
  }
  const slots = await availabilityOf(c.var.db, [...byId.values()], query);
  const items = query.resourceIds.map((id) => ({ resourceId: id, slots: slots.get(id) ?? [] }));
  return c.json({ items }, 200);
});
