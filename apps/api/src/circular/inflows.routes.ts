import { inflow, inflowInput, inflowPatch, movementListQuery } from '@lakou/domain/circular';
import { idParam, pageOffset, paginated } from '@lakou/domain/shared';
import { desc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import { customValuesProblem, storeCustomValues } from '../config/custom-values.ts';
import { checkNewRow, checkPatch, networkDefinitions } from '../config/row-custom.ts';
import { countedPage } from '../db/paginate.ts';
import { inflows } from '../db/schema/index.ts';
import { bodyCentre, DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
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
import { inflowView, selectInflows, toInflow } from './circular.views.ts';
import { checkGiftToLink, giftAlreadyLinked, isGiftLinkViolation } from './inflows.write.ts';
import { addToStock, withdrawFromStock } from './stock.write.ts';

const TAGS = ['Économie circulaire'];

const listRoute = guardedRoute({
  policy: requires('circular.read', queryCentre),
  method: 'get',
  path: '/inflows',
  tags: TAGS,
  summary: 'What came into the centres’ stocks, newest first; by centre, stream and dates',
  request: { query: movementListQuery },
  responses: {
    200: {
      description: 'A page of inflows',
      content: { 'application/json': { schema: paginated(inflow) } },
    },
    400: problemContent('Invalid filter'),
    ...DENIED_RESPONSES,
  },
});

const createRoute = guardedRoute({
  policy: requires('circular.write', bodyCentre),
  method: 'post',
  path: '/inflows',
  tags: TAGS,
  summary:
    'Record mass coming in (weighed or estimated): it adds to the centre’s stock of the stream',
  request: {
    body: { required: true, content: { 'application/json': { schema: inflowInput } } },
  },
  responses: {
    201: { description: 'Recorded', content: { 'application/json': { schema: inflow } } },
    400: problemContent('Invalid input'),
    422: problemContent(
      'Date in the future (DATE_IN_FUTURE), unknown centre or stream, inactive stream (STREAM_INACTIVE), gift not in kind, of another centre or already linked',
    ),
    ...DENIED_RESPONSES,
  },
});

const patchRoute = guardedRoute({
  policy: requires('circular.write', movementCentre(inflows)),
  method: 'patch',
  path: '/inflows/{id}',
  tags: TAGS,
  summary:
    'Change an inflow’s custom values (only the keys sent are checked; null erases an optional one; values of retired fields are kept)',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: inflowPatch } } },
  },
  responses: {
    200: { description: 'The inflow', content: { 'application/json': { schema: inflow } } },
    400: problemContent('Invalid input, or a custom value the centre’s fields refuse'),
    404: problemContent('No such inflow'),
    ...DENIED_RESPONSES,
  },
});

const deleteRoute = guardedRoute({
  policy: requires('circular.write', movementCentre(inflows)),
  method: 'delete',
  path: '/inflows/{id}',
  tags: TAGS,
  summary: 'Remove an inflow recorded by mistake: its mass leaves the stock again',
  request: { params: idParam },
  responses: {
    204: { description: 'Removed' },
    400: problemContent('The id is not a UUID'),
    404: problemContent('No such inflow'),
    422: stockProblemContent(
      'Already shipped on (INSUFFICIENT_STOCK), or the inflow of an in-kind gift (LINKED_TO_DONATION)',
    ),
    ...DENIED_RESPONSES,
  },
});

export const inflowsRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const db = c.var.db;
    const where = movementConditions(inflows, query, readScope(c));
    const defs = await networkDefinitions(db, 'inflow');
    const rows = await selectInflows(db)
      .where(where)
      .orderBy(desc(inflows.occurredOn), desc(inflows.createdAt), desc(inflows.id))
      .limit(query.pageSize)
      .offset(pageOffset(query));
    return c.json(
      await countedPage(
        rows,
        query,
        () => countMovements(db, inflows, where),
        (row) => toInflow(row, defs),
      ),
      200,
    );
  })
  .openapi(createRoute, async (c) => {
    const { custom, ...input } = c.req.valid('json');
    const { defs, check } = await checkNewRow(c.var.db, 'inflow', input.centreId, custom);
    if (!check.ok) return customValuesProblem(c, check) as never;
    try {
      refuseFutureDate(input.occurredOn);
      const made = await c.var.db.transaction(async (tx) => {
        const org = await requireOrganisation(tx);
        await knownCentre(tx, org, input.centreId);
        await activeStream(tx, org, input.streamId);
        if (input.donationId) await checkGiftToLink(tx, org, input.centreId, input.donationId);
        const [row] = await tx
          .insert(inflows)
          .values({ ...input, custom: check.values, createdBy: c.var.principal?.id ?? null })
          .returning({ id: inflows.id });
        if (!row) throw new Error('inflow not written');
        await addToStock(tx, {
          centreId: input.centreId,
          streamId: input.streamId,
          grams: input.massGrams,
          occurredOn: input.occurredOn,
        });
        const view = await inflowView(tx, row.id, defs);
        await recordAudit(tx, c, {
          action: 'circular.inflow.create',
          entity: 'circular_inflow',
          entityId: row.id,
          after: view,
        });
        return view;
      });
      if (!made) throw new Error('inflow vanished');
      return c.json(made, 201);
    } catch (error) {
      if (error instanceof CircularRefusal) return refusalResponse(c, error) as never;
      if (isGiftLinkViolation(error)) return refusalResponse(c, giftAlreadyLinked()) as never;
      throw error;
    }
  })
  .openapi(patchRoute, async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const [found] = await c.var.db
      .select({ centreId: inflows.centreId })
      .from(inflows)
      .where(eq(inflows.id, id));
    if (!found) return problemResponse(c, 404, 'Cette entrée n’existe pas.') as never;
    const { check } = await checkPatch(c.var.db, 'inflow', found.centreId, patch.custom);
    if (!check.ok) return customValuesProblem(c, check) as never;
    const defs = await networkDefinitions(c.var.db, 'inflow');
    const after = await c.var.db.transaction(async (tx) => {
      const before = await inflowView(tx, id, defs);
      const [stored] = await tx
        .select({ custom: inflows.custom })
        .from(inflows)
        .where(eq(inflows.id, id))
        .for('update');
      await tx
        .update(inflows)
        .set({ custom: storeCustomValues(stored?.custom, check.values) })
        .where(eq(inflows.id, id));
      const view = await inflowView(tx, id, defs);
      await recordAudit(tx, c, {
        action: 'circular.inflow.custom',
        entity: 'circular_inflow',
        entityId: id,
        before,
        after: view,
      });
      return view;
    });
    if (!after) throw new Error('inflow vanished');
    return c.json(after, 200);
  })
  .openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    try {
      await c.var.db.transaction(async (tx) => {
        const [row] = await tx.select().from(inflows).where(eq(inflows.id, id)).for('update');
        if (!row) throw new CircularRefusal(404, 'Cette entrée n’existe pas.');
        if (row.donationId) {
          throw new CircularRefusal(
            422,
            'Cette entrée est celle d’un don en nature : elle suit le don et ne se supprime pas seule.',
            'LINKED_TO_DONATION',
          );
        }
        const before = await inflowView(tx, id);
        await withdrawFromStock(tx, {
          centreId: row.centreId,
          streamId: row.streamId,
          grams: row.massGrams,
        });
        await tx.delete(inflows).where(eq(inflows.id, id));
        await recordAudit(tx, c, {
          action: 'circular.inflow.delete',
          entity: 'circular_inflow',
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
