import { z } from '@hono/zod-openapi';
import { streamStock } from '@lakou/domain/circular';
import { uuid } from '@lakou/domain/shared';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { centres, materialStreams, streamStocks } from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import { inScope, organisationId, queryCentre, readScope } from './circular.queries.ts';

const TAGS = ['Économie circulaire'];
const NONE = '00000000-0000-0000-0000-000000000000';

const boardRoute = guardedRoute({
  policy: requires('circular.read', queryCentre),
  method: 'get',
  path: '/circular/stock',
  tags: TAGS,
  summary:
    'The stock of every active stream at every centre the reader sees (zeros included), by centre then stream',
  request: { query: z.object({ centreId: uuid.optional() }) },
  responses: {
    200: {
      description: 'One line per centre and active stream',
      content: { 'application/json': { schema: z.object({ items: z.array(streamStock) }) } },
    },
    400: problemContent('Invalid filter'),
    ...DENIED_RESPONSES,
  },
});

export const stockRoutes = contextRouter().openapi(boardRoute, async (c) => {
  const { centreId } = c.req.valid('query');
  const db = c.var.db;
  const org = (await organisationId(db)) ?? NONE;
  const conditions: (SQL | undefined)[] = [
    eq(centres.organisationId, org),
    inScope(centres.id, readScope(c)),
    centreId ? eq(centres.id, centreId) : undefined,
  ];
  const rows = await db
    .select({
      centreId: centres.id,
      centreName: centres.name,
      streamId: materialStreams.id,
      streamCode: materialStreams.code,
      streamName: materialStreams.name,
      stockGrams: sql<number>`coalesce(${streamStocks.stockGrams}, 0)`.mapWith(Number),
      lastMovementOn: streamStocks.lastMovementOn,
    })
    .from(centres)
    .innerJoin(
      materialStreams,
      and(
        eq(materialStreams.organisationId, centres.organisationId),
        eq(materialStreams.active, true),
      ),
    )
    .leftJoin(
      streamStocks,
      and(eq(streamStocks.centreId, centres.id), eq(streamStocks.streamId, materialStreams.id)),
    )
    .where(and(...conditions.filter((x): x is SQL => x !== undefined)))
    .orderBy(
      asc(centres.name),
      asc(materialStreams.sortOrder),
      asc(materialStreams.name),
      asc(materialStreams.id),
    );
  return c.json({ items: rows }, 200);
});
