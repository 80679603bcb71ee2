import { organisation } from '@lakou/domain/network';
import { asc } from 'drizzle-orm';
import { organisations } from '../db/schema/network.ts';
import { guardedRoute, PUBLIC } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';

const getRoute = guardedRoute({
  policy: PUBLIC,
  method: 'get',
  path: '/organisation',
  tags: ['Réseau'],
  summary: 'The organisation this installation serves',
  responses: {
    200: {
      description: 'The organisation',
      content: { 'application/json': { schema: organisation } },
    },
    404: problemContent('Nothing installed yet (run `pnpm lakou db:seed`)'),
  },
});

export const organisationRoutes = contextRouter().openapi(getRoute, async (c) => {
  const [org] = await c.var.db
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
    .from(organisations)
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  if (!org) return problemResponse(c, 404, 'Aucune organisation n’est encore configurée.') as never;
  return c.json(org, 200);
});
