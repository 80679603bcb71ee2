import { movementListQuery, reuse, reuseInput } from '@lakou/domain/circular';
import { idParam, pageOffset, paginated } from '@lakou/domain/shared';
import { desc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import { countedPage } from '../db/paginate.ts';
import { reuses } from '../db/schema/index.ts';
import { bodyCentre, DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import {
  activeStream,
  countMovements,
  knownCentre,
  movementCentre,
  movementConditions,
  queryCentre,
  readScope,
  refuseFutureDate,
  requireOrganisation,
} from './circular.queries.ts';
import { CircularRefusal, refusalResponse, stockProblemContent } from './circular.refusal.ts';
import { reuseView, selectReuses, toReuse } from './circular.views.ts';
import { putBackToStock, takeFromStock } from './stock.write.ts';

const TAGS = ['Économie circulaire'];

const listRoute = guardedRoute({
  policy: requires('circular.read', queryCentre),
  method: 'get',
  path: '/reuse',
  tags: TAGS,
  summary: 'Items repaired or sorted and passed on, newest first; by centre, stream and dates',
  request: { query: movementListQuery },
  responses: {
    200: {
      description: 'A page of re-use records',
      content: { 'application/json': { schema: paginated(reuse) } },
    },
    400: problemContent('Invalid filter'),
    ...DENIED_RESPONSES,
  },
});

const createRoute = guardedRoute({
  policy: requires('circular.write', bodyCentre),
  method: 'post',
  path: '/reuse',
  tags: TAGS,
  summary:
    'Record items passed on (count and mass): the mass leaves the centre’s stock of the stream, never more than is there',
  request: {
    body: { required: true, content: { 'application/json': { schema: reuseInput } } },
  },
  responses: {
    201: { description: 'Recorded', content: { 'application/json': { schema: reuse } } },
    400: problemContent('Invalid input'),
    422: stockProblemContent(
      'Not that much in stock (INSUFFICIENT_STOCK, with stockGrams), date in the future, unknown centre or stream, inactive stream',
    ),
    ...DENIED_RESPONSES,
  },
});

const deleteRoute = guardedRoute({
  policy: requires('circular.write', movementCentre(reuses)),
  method: 'delete',
  path: '/reuse/{id}',
  tags: TAGS,
  summary: 'Remove a re-use record made by mistake: its mass goes back into the stock',
  request: { params: idParam },
  responses: {
    204: { description: 'Removed' },
    400: problemContent('The id is not a UUID'),
    404: problemContent('No such re-use record'),
    ...DENIED_RESPONSES,
  },
});

export const reuseRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const db = c.var.db;
    const where = movementConditions(reuses, query, readScope(c));
    const rows = await selectReuses(db)
      .where(where)
      .orderBy(desc(reuses.occurredOn), desc(reuses.createdAt), desc(reuses.id))
      .limit(query.pageSize)
      .offset(pageOffset(query));
    return c.json(
      await countedPage(rows, query, () => countMovements(db, reuses, where), toReuse),
      200,
    );
  })
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    try {
      refuseFutureDate(input.occurredOn);
      const made = await c.var.db.transaction(async (tx) => {
        const org = await requireOrganisation(tx);
        await knownCentre(tx, org, input.centreId);
        await activeStream(tx, org, input.streamId);
        await takeFromStock(tx, {
          centreId: input.centreId,
          streamId: input.streamId,
          grams: input.massGrams,
          occurredOn: input.occurredOn,
        });
        const [row] = await tx
          .insert(reuses)
          .values({ ...input, createdBy: c.var.principal?.id ?? null })
          .returning({ id: reuses.id });
        if (!row) throw new Error('re-use not written');
        const view = await reuseView(tx, row.id);
        await recordAudit(tx, c, {
          action: 'circular.reuse.create',
          entity: 'circular_reuse',
          entityId: row.id,
          after: view,
        });
        return view;
      });
      if (!made) throw new Error('re-use vanished');
      return c.json(made, 201);
    } catch (error) {
      if (error instanceof CircularRefusal) return refusalResponse(c, error) as never;
      throw error;
    }
  })
  .openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    try {
      await c.var.db.transaction(async (tx) => {
        const before = await reuseView(tx, id);
        if (!before) throw new CircularRefusal(404, 'Ce réemploi n’existe pas.');
        const [row] = await tx.delete(reuses).where(eq(reuses.id, id)).returning();
        if (!row) throw new CircularRefusal(404, 'Ce réemploi n’existe pas.');
        await putBackToStock(tx, {
          centreId: row.centreId,
          streamId: row.streamId,
          grams: row.massGrams,
        });
        await recordAudit(tx, c, {
          action: 'circular.reuse.delete',
          entity: 'circular_reuse',
          entityId: id,
          before,
        });
      });
      return c.body(null, 204);
    } catch (error) {
      if (error instanceof CircularRefusal) return refusalResponse(c, error) as never;
      throw error;
    }
  });
