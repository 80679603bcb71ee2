import { centre, centreListQuery, centreSummary } from '@lakou/domain/network';
import { idParam, paginated } from '@lakou/domain/shared';
import { guardedRoute, PUBLIC } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import { findCentre, listCentres } from './centres.queries.ts';

const listRoute = guardedRoute({
  policy: PUBLIC,
  method: 'get',
  path: '/centres',
  tags: ['Réseau'],
  summary: 'List the centres of the network',
  request: { query: centreListQuery },
  responses: {
    200: {
      description: 'A page of centres',
      content: { 'application/json': { schema: paginated(centreSummary) } },
    },
    400: problemContent('Invalid filter or pagination'),
  },
});

const getRoute = guardedRoute({
  policy: PUBLIC,
  method: 'get',
  path: '/centres/{id}',
  tags: ['Réseau'],
  summary: 'One centre with its opening hours, upcoming closures and partners',
  request: { params: idParam },
  responses: {
    200: { description: 'The centre', content: { 'application/json': { schema: centre } } },
    400: problemContent('The id is not a UUID'),
    404: problemContent('No such centre'),
  },
});

export const centresRoutes = contextRouter()
  .openapi(listRoute, async (c) => c.json(await listCentres(c.var.db, c.req.valid('query')), 200))
  .openapi(getRoute, async (c) => {
    const found = await findCentre(c.var.db, c.req.valid('param').id);
    if (!found)
      return problemResponse(c, 404, 'Ce centre n’existe pas ou a été supprimé.') as never;
    return c.json(found, 200);
  });
