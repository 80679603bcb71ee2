import {
  isHazardousWasteCode,
  movementListQuery,
  outflow,
  outflowInput,
} from '@lakou/domain/circular';
import { idParam, pageOffset, paginated } from '@lakou/domain/shared';
import { and, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import { countedPage } from '../db/paginate.ts';
import { outflows, wasteFacilities } from '../db/schema/index.ts';
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
import { outflowView, selectOutflows, toOutflow } from './circular.views.ts';
import { putBackToStock, takeFromStock } from './stock.write.ts';

const TAGS = ['Économie circulaire'];

const listRoute = guardedRoute({
  policy: requires('circular.read', queryCentre),
  method: 'get',
  path: '/outflows',
  tags: TAGS,
  summary: 'Shipments to facilities, newest first; by centre, stream and dates',
  request: { query: movementListQuery },
  responses: {
    200: {
      description: 'A page of shipments',
      content: { 'application/json': { schema: paginated(outflow) } },
    },
    400: problemContent('Invalid filter'),
    ...DENIED_RESPONSES,
  },
});

const createRoute = guardedRoute({
  policy: requires('circular.write', bodyCentre),
  method: 'post',
  path: '/outflows',
  tags: TAGS,
  summary:
    'Record a shipment to a facility with its treatment: the mass leaves the centre’s stock, never more than is there (under concurrency too)',
  request: {
    body: { required: true, content: { 'application/json': { schema: outflowInput } } },
  },
  responses: {
    201: { description: 'Recorded', content: { 'application/json': { schema: outflow } } },
    400: problemContent('Invalid input (an operation code the treatment does not take…)'),
    422: stockProblemContent(
      'Not that much in stock (INSUFFICIENT_STOCK, with stockGrams), hazardous stream without its tracking slip (TRACKING_REF_REQUIRED), unknown facility, centre or stream, inactive stream, date in the future',
    ),
    ...DENIED_RESPONSES,
  },
});

const deleteRoute = guardedRoute({
  policy: requires('circular.write', movementCentre(outflows)),
  method: 'delete',
  path: '/outflows/{id}',
  tags: TAGS,
  summary: 'Remove a shipment recorded by mistake: its mass goes back into the stock',
  request: { params: idParam },
  responses: {
    204: { description: 'Removed' },
    400: problemContent('The id is not a UUID'),
    404: problemContent('No such shipment'),
    ...DENIED_RESPONSES,
  },
});

export const outflowsRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const db = c.var.db;
    const where = movementConditions(outflows, query, readScope(c));
    const rows = await selectOutflows(db)
      .where(where)
      .orderBy(desc(outflows.occurredOn), desc(outflows.createdAt), desc(outflows.id))
      .limit(query.pageSize)
      .offset(pageOffset(query));
    return c.json(
      await countedPage(rows, query, () => countMovements(db, outflows, where), toOutflow),
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
        const stream = await activeStream(tx, org, input.streamId);
        const [facility] = await tx
          .select({ id: wasteFacilities.id })
          .from(wasteFacilities)
          .where(
            and(eq(wasteFacilities.id, input.facilityId), eq(wasteFacilities.organisationId, org)),
          );
        if (!facility) {
          throw new CircularRefusal(
            422,
            'Cette installation n’existe pas.',
            'UNKNOWN_FACILITY',
            'facilityId',
          );
        }
        if (stream.wasteCode && isHazardousWasteCode(stream.wasteCode) && !input.trackingRef) {
          throw new CircularRefusal(
            422,
            `Le flux « ${stream.name} » est un déchet dangereux (${stream.wasteCode}*) : indiquez la référence du bordereau Trackdéchets.`,
            'TRACKING_REF_REQUIRED',
            'trackingRef',
          );
        }
        await takeFromStock(tx, {
          centreId: input.centreId,
          streamId: input.streamId,
          grams: input.massGrams,
          occurredOn: input.occurredOn,
        });
        const [row] = await tx
          .insert(outflows)
          .values({ ...input, createdBy: c.var.principal?.id ?? null })
          .returning({ id: outflows.id });
        if (!row) throw new Error('shipment not written');
        const view = await outflowView(tx, row.id);
        await recordAudit(tx, c, {
          action: 'circular.outflow.create',
          entity: 'circular_outflow',
          entityId: row.id,
          after: view,
        });
        return view;
      });
      if (!made) throw new Error('shipment vanished');
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
        const before = await outflowView(tx, id);
        if (!before) throw new CircularRefusal(404, 'Cette sortie n’existe pas.');
        const [row] = await tx.delete(outflows).where(eq(outflows.id, id)).returning();
        if (!row) throw new CircularRefusal(404, 'Cette sortie n’existe pas.');
        await putBackToStock(tx, {
          centreId: row.centreId,
          streamId: row.streamId,
          grams: row.massGrams,
        });
        await recordAudit(tx, c, {
          action: 'circular.outflow.delete',
          entity: 'circular_outflow',
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
