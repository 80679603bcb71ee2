import { z } from '@hono/zod-openapi';
import type { DatabaseKind } from '../db/client.ts';
import { migrationStatus } from '../db/migrations.ts';
import { guardedRoute, PUBLIC } from '../http/policy.ts';
import { contextRouter } from '../http/router.ts';

const health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    database: z.enum(['pglite', 'postgres']),
    migrations: z.object({
      applied: z.number().int(),
      pending: z.number().int(),
      latest: z.string().nullable(),
    }),
  })
  .meta({ id: 'Health' });

const route = guardedRoute({
  policy: PUBLIC,
  method: 'get',
  path: '/health',
  tags: ['Système'],
  summary: 'Liveness, the database engine and the migrations applied',
  responses: {
    200: { description: 'Up and migrated', content: { 'application/json': { schema: health } } },
    503: {
      description: 'Up, but migrations are pending',
      content: { 'application/json': { schema: health } },
    },
  },
});

export function healthRoutes(kind: DatabaseKind) {
  return contextRouter().openapi(route, async (c) => {
    const migrations = await migrationStatus(c.var.db);
    const body = {
      status: migrations.pending === 0 ? ('ok' as const) : ('degraded' as const),
      database: kind,
      migrations,
    };
    return migrations.pending === 0 ? c.json(body, 200) : c.json(body, 503);
  });
}
