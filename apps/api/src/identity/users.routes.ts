import { z } from '@hono/zod-openapi';
import {
  centreScope,
  userInvite,
  userListQuery,
  userSummary,
  userUpdate,
} from '@lakou/domain/identity';
import { idParam, paginated } from '@lakou/domain/shared';
import type { Context } from 'hono';
import { recordAudit } from '../audit/record.ts';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { type ApiEnv, contextRouter } from '../http/router.ts';
import { sendInvitation } from './invitation.ts';
import {
  findUser,
  insertInvitedUser,
  listUsers,
  UserRuleError,
  updateUser,
} from './users.queries.ts';

const TAGS = ['Identité'];
const denied = DENIED_RESPONSES;

const listRoute = guardedRoute({
  policy: requires('user.read', (c) => ({ centreId: c.req.query('centreId') })),
  method: 'get',
  path: '/users',
  tags: TAGS,
  summary: 'People with an account: all of them for admins, those of their centres for managers',
  request: { query: userListQuery },
  responses: {
    200: {
      description: 'A page of users',
      content: { 'application/json': { schema: paginated(userSummary) } },
    },
    400: problemContent('Invalid filter'),
    ...denied,
  },
});

const getRoute = guardedRoute({
  policy: requires('user.read'),
  method: 'get',
  path: '/users/{id}',
  tags: TAGS,
  summary: 'One user (within the reader’s centres)',
  request: { params: idParam },
  responses: {
    200: { description: 'The user', content: { 'application/json': { schema: userSummary } } },
    400: problemContent('The id is not a UUID'),
    404: problemContent('No such user in the reader’s scope'),
    ...denied,
  },
});

const inviteRoute = guardedRoute({
  policy: requires('user.manage'),
  method: 'post',
  path: '/users',
  tags: TAGS,
  summary: 'Invite a person: opens the account and emails a link to choose a password',
  request: { body: { required: true, content: { 'application/json': { schema: userInvite } } } },
  responses: {
    201: { description: 'Invited', content: { 'application/json': { schema: userSummary } } },
    400: problemContent('Invalid input'),
    409: problemContent('An account already uses this email'),
    ...denied,
  },
});

const updateRoute = guardedRoute({
  policy: requires('user.manage'),
  method: 'patch',
  path: '/users/{id}',
  tags: TAGS,
  summary: 'Change a user’s name, roles or active state (deactivation signs them out everywhere)',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: userUpdate } } },
  },
  responses: {
    200: { description: 'Updated', content: { 'application/json': { schema: userSummary } } },
    400: problemContent('Invalid input'),
    404: problemContent('No such user'),
    422: problemContent('Would leave the network without an admin, or an admin demoting themself'),
    ...denied,
  },
});

const resendRoute = guardedRoute({
  policy: requires('user.manage'),
  method: 'post',
  path: '/users/{id}/invitation',
  tags: TAGS,
  summary: 'Send the invitation again (a new link; earlier links still work until they expire)',
  request: { params: idParam },
  responses: {
    202: {
      description: 'Queued',
      content: { 'application/json': { schema: z.object({ queued: z.literal(true) }) } },
    },
    400: problemContent('The id is not a UUID'),
    404: problemContent('No such user'),
    422: problemContent('The account is deactivated'),
    ...denied,
  },
});

function ruleProblem(c: Context<ApiEnv>, error: unknown) {
  if (!(error instanceof UserRuleError)) throw error;
  return problemResponse(c, error.status, error.message, {
    ...(error.field ? { errors: [{ field: error.field, message: error.message }] } : {}),
  });
}

const scopeOf = (c: Context<ApiEnv>) => {
  const actor = c.var.actor;
  return actor ? centreScope(actor, 'user.read') : [];
};

export const usersRoutes = contextRouter()
  .openapi(listRoute, async (c) =>
    c.json(await listUsers(c.var.db, c.req.valid('query'), scopeOf(c)), 200),
  )
  .openapi(getRoute, async (c) => {
    const found = await findUser(c.var.db, c.req.valid('param').id, scopeOf(c));
    if (!found)
      return problemResponse(
        c,
        404,
        'Cette personne n’existe pas ou n’est pas dans vos centres.',
      ) as never;
    return c.json(found, 200);
  })
  .openapi(inviteRoute, async (c) => {
    const input = c.req.valid('json');
    try {
      const created = await c.var.db.transaction(async (tx) => {
        const user = await insertInvitedUser(tx, input);
        await recordAudit(tx, c, {
          action: 'user.invite',
          entity: 'user',
          entityId: user.id,
          after: user,
        });
        return user;
      });
      await sendInvitation(c.var.db, c.var.auth, created);
      c.var.onEmailQueued();
      return c.json(created, 201);
    } catch (error) {
      return ruleProblem(c, error) as never;
    }
  })
  .openapi(updateRoute, async (c) => {
    const { id } = c.req.valid('param');
    const actorId = c.var.principal?.id ?? '';
    try {
      const changed = await c.var.db.transaction(async (tx) => {
        const result = await updateUser(tx, id, c.req.valid('json'), actorId);
        if (result) {
          await recordAudit(tx, c, {
            action: 'user.update',
            entity: 'user',
            entityId: id,
            ...result,
          });
        }
        return result;
      });
      if (!changed) return problemResponse(c, 404, 'Cette personne n’existe pas.') as never;
      return c.json(changed.after, 200);
    } catch (error) {
      return ruleProblem(c, error) as never;
    }
  })
  .openapi(resendRoute, async (c) => {
    const user = await findUser(c.var.db, c.req.valid('param').id, 'all');
    if (!user) return problemResponse(c, 404, 'Cette personne n’existe pas.') as never;
    if (!user.active) {
      return problemResponse(
        c,
        422,
        'Ce compte est désactivé : réactivez-le avant de renvoyer l’invitation.',
      ) as never;
    }
    await sendInvitation(c.var.db, c.var.auth, user);
    await recordAudit(c.var.db, c, {
      action: 'user.invitation-resent',
      entity: 'user',
      entityId: user.id,
    });
    c.var.onEmailQueued();
    return c.json({ queued: true as const }, 202);
  });
