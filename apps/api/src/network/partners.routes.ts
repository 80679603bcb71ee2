import { partner, partnerListQuery } from '@lakou/domain/network';
import { paginated } from '@lakou/domain/shared';
import { guardedRoute, PUBLIC } from '../http/policy.ts';
import { problemContent } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import { listPartners } from './partners.queries.ts';

const listRoute = guardedRoute({
  policy: PUBLIC,
  method: 'get',
  path: '/partners',
  tags: ['Réseau'],
  summary: 'List the partners (associations, public bodies, companies, foundations)',
  request: { query: partnerListQuery },
  responses: {
    200: {
      description: 'A page of partners',
      content: { 'application/json': { schema: paginated(partner) } },
    },
    400: problemContent('Invalid filter or pagination'),
  },
});

export const partnersRoutes = contextRouter().openapi(listRoute, async (c) =>
  c.json(await listPartners(c.var.db, c.req.valid('query')), 200),
);
