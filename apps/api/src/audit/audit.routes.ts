import { z } from '@hono/zod-openapi';
import { AUDIT_COUNT_CAP, auditEntry, auditListQuery } from '@lakou/domain/identity';
import { paginated } from '@lakou/domain/shared';
import { guardedRoute, requires } from '../http/policy.ts';
import { problemContent } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import { listAudit } from './audit.queries.ts';

const listRoute = guardedRoute({
  policy: requires('audit.read'),
  method: 'get',
  path: '/audit',
  tags: ['Identité'],
  summary:
    'The audit log, newest first (admins). It is append-only: there is no route to change it.',
  request: { query: auditListQuery },
  responses: {
    200: {
      description: 'A page of entries',
      content: {
        'application/json': {
          schema: paginated(auditEntry).extend({
            totalIsCapped: z
              .boolean()
              .describe(
                `True when more than ${AUDIT_COUNT_CAP} entries match: \`total\` then stops at that cap.`,
              ),
          }),
        },
      },
    },
    400: problemContent('Invalid filter'),
    401: problemContent('Not signed in'),
    403: problemContent('Not an admin'),
  },
});

export const auditRoutes = contextRouter().openapi(listRoute, async (c) =>
  c.json(await listAudit(c.var.db, c.req.valid('query')), 200),
);
