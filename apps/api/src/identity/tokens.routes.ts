import { z } from '@hono/zod-openapi';
import { apiToken, createdApiToken, tokenInput } from '@lakou/domain/identity';
import { idParam } from '@lakou/domain/shared';
import { recordAudit } from '../audit/record.ts';
import { guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import { createToken, listTokens, revokeToken } from './tokens.queries.ts';

const TAGS = ['Identité'];
const denied = {
  401: problemContent('Not signed in'),
  403: problemContent('A read-only token cannot manage tokens'),
};

const listRoute = guardedRoute({
  policy: requires('token.manage'),
  method: 'get',
  path: '/tokens',
  tags: TAGS,
  summary: 'The signed-in user’s personal access tokens (never their secret)',
  responses: {
    200: {
      description: 'Tokens, newest first',
      content: { 'application/json': { schema: z.object({ items: z.array(apiToken) }) } },
    },
    ...denied,
  },
});

const createTokenRoute = guardedRoute({
  policy: requires('token.manage'),
  method: 'post',
  path: '/tokens',
  tags: TAGS,
  summary:
    'Create a token: `Authorization: Bearer <token>` acts as you (read-only by default). Shown once.',
  request: { body: { required: true, content: { 'application/json': { schema: tokenInput } } } },
  responses: {
    201: {
      description: 'Created; copy `token` now',
      content: { 'application/json': { schema: createdApiToken } },
    },
    400: problemContent('Invalid input'),
    ...denied,
  },
});

const revokeRoute = guardedRoute({
  policy: requires('token.manage'),
  method: 'delete',
  path: '/tokens/{id}',
  tags: TAGS,
  summary: 'Revoke one of your tokens; it stops working at once',
  request: { params: idParam },
  responses: {
    204: { description: 'Revoked' },
    400: problemContent('The id is not a UUID'),
    404: problemContent('No such token of yours'),
    ...denied,
  },
});

export const tokensRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const userId = c.var.principal?.id ?? '';
    return c.json({ items: await listTokens(c.var.db, userId) }, 200);
  })
  .openapi(createTokenRoute, async (c) => {
    const userId = c.var.principal?.id ?? '';
    const created = await c.var.db.transaction(async (tx) => {
      const result = await createToken(tx, userId, c.req.valid('json'));
      await recordAudit(tx, c, {
        action: 'token.create',
        entity: 'token',
        entityId: result.token.id,
        after: result.token,
      });
      return result;
    });
    return c.json({ ...created.token, token: created.secret }, 201);
  })
  .openapi(revokeRoute, async (c) => {
    const userId = c.var.principal?.id ?? '';
    const id = c.req.valid('param').id;
    const revoked = await c.var.db.transaction(async (tx) => {
      const result = await revokeToken(tx, userId, id);
      if (result)
        await recordAudit(tx, c, {
          action: 'token.revoke',
          entity: 'token',
          entityId: id,
          ...result,
        });
      return result;
    });
    if (!revoked)
      return problemResponse(c, 404, 'Ce jeton n’existe pas ou ne vous appartient pas.') as never;
    return c.body(null, 204);
  });
