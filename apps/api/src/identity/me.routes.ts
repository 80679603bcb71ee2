import { me } from '@lakou/domain/identity';
import { guardedRoute, requires } from '../http/policy.ts';
import { problemContent } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';

const meRoute = guardedRoute({
  policy: requires('me.read'),
  method: 'get',
  path: '/me',
  tags: ['Identité'],
  summary: 'Who is signed in, with their roles (the hub hides what these roles do not allow)',
  responses: {
    200: { description: 'The signed-in user', content: { 'application/json': { schema: me } } },
    401: problemContent('Not signed in'),
  },
});

export const meRoutes = contextRouter().openapi(meRoute, (c) => {
  const principal = c.var.principal;
  const actor = c.var.actor;
  if (!principal || !actor) throw new Error('me.read passed without a principal');
  return c.json(
    {
      id: principal.id,
      email: principal.email,
      name: principal.name,
      roles: [...actor.assignments],
      via: principal.via,
      readOnly: actor.readOnly ?? false,
    },
    200,
  );
});
