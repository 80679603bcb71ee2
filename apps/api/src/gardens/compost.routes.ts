import { z } from '@hono/zod-openapi';
import { compostBatch, compostBatchInput, compostBatchPatch } from '@lakou/domain/gardens';
import { idParam, uuid } from '@lakou/domain/shared';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import { putBackToStock, takeFromStock } from '../circular/stock.write.ts';
import { centres, compostBatches, gardens, materialStreams } from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import {
  bodyCentreOf,
  centreOfCompostBatch,
  centreOfGarden,
  GARDEN_TAGS,
  gardensToday,
  pathCentre,
  queryCentre,
  scopeCondition,
  type Tx,
} from './gardens.queries.ts';
import { GardenRefusal, refusalResponse } from './gardens.refusal.ts';
import { toCompostBatch } from './gardens.views.ts';

const denied = DENIED_RESPONSES;

const listRoute = guardedRoute({
  policy: requires('circular.read', queryCentre({ gardenId: centreOfGarden })),
  method: 'get',
  path: '/compost-batches',
  tags: GARDEN_TAGS,
  summary: 'Compost batches of the gardens, latest started first',
  request: { query: z.object({ gardenId: uuid.optional() }) },
  responses: {
    200: {
      description: 'The batches',
      content: { 'application/json': { schema: z.object({ items: z.array(compostBatch) }) } },
    },
    400: problemContent('Invalid filter'),
    ...denied,
  },
});

const createRoute = guardedRoute({
  policy: requires('circular.write', bodyCentreOf('gardenId', centreOfGarden)),
  method: 'post',
  path: '/compost-batches',
  tags: GARDEN_TAGS,
  summary:
    'Start a compost batch: its bio-waste leaves the centre’s bio-waste stock (organic recycling on site)',
  request: {
    body: { required: true, content: { 'application/json': { schema: compostBatchInput } } },
  },
  responses: {
    201: { description: 'Started', content: { 'application/json': { schema: compostBatch } } },
    400: problemContent('Invalid input'),
    422: problemContent(
      'Not that much bio-waste in stock (INSUFFICIENT_STOCK, with `stockGrams`), no bio-waste stream, unknown garden, date in the future',
    ),
    ...denied,
  },
});

const patchRoute = guardedRoute({
  policy: requires('circular.write', pathCentre(centreOfCompostBatch)),
  method: 'patch',
  path: '/compost-batches/{id}',
  tags: GARDEN_TAGS,
  summary: 'The compost is ready: the day and the compost weighed',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: compostBatchPatch } } },
  },
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: compostBatch } } },
    400: problemContent('Invalid input'),
    404: problemContent('No such batch'),
    422: problemContent('Ready before it started, or in the future'),
    ...denied,
  },
});

const deleteRoute = guardedRoute({
  policy: requires('circular.write', pathCentre(centreOfCompostBatch)),
  method: 'delete',
  path: '/compost-batches/{id}',
  tags: GARDEN_TAGS,
  summary: 'Remove a batch recorded by mistake: its bio-waste goes back to the stock',
  request: { params: idParam },
  responses: {
    204: { description: 'Removed' },
    400: problemContent('The id is not a UUID'),
    404: problemContent('No such batch'),
    ...denied,
  },
});

/** The organisation's bio-waste stream: the one coded `biowaste`, else the first of that family. */
async function biowasteStream(tx: Tx, centreId: string) {
  const [stream] = await tx
    .select({ id: materialStreams.id })
    .from(materialStreams)
    .innerJoin(centres, eq(centres.organisationId, materialStreams.organisationId))
    .where(and(eq(centres.id, centreId), eq(materialStreams.family, 'biowaste')))
    .orderBy(
      desc(sql`${materialStreams.code} = 'biowaste'`),
      asc(materialStreams.sortOrder),
      asc(materialStreams.name),
    )
    .limit(1);
  return stream;
}

function notInFuture(date: string, field: string, message: string) {
  if (date > gardensToday()) throw new GardenRefusal(422, message, 'FUTURE_DATE', field);
}

export const compostRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const { gardenId } = c.req.valid('query');
    const rows = await c.var.db
      .select({ batch: compostBatches })
      .from(compostBatches)
      .innerJoin(gardens, eq(gardens.id, compostBatches.gardenId))
      .where(
        and(
          scopeCondition(c, gardens.centreId),
          gardenId ? eq(compostBatches.gardenId, gardenId) : undefined,
        ),
      )
      .orderBy(
        desc(compostBatches.startedOn),
        desc(compostBatches.createdAt),
        desc(compostBatches.id),
      );
    return c.json({ items: rows.map((r) => toCompostBatch(r.batch)) }, 200);
  })
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    try {
      const made = await c.var.db.transaction(async (tx) => {
        const [garden] = await tx
          .select({ id: gardens.id, centreId: gardens.centreId })
          .from(gardens)
          .where(eq(gardens.id, input.gardenId));
        if (!garden) {
          throw new GardenRefusal(422, 'Ce jardin n’existe pas.', 'UNKNOWN_GARDEN', 'gardenId');
        }
        notInFuture(input.startedOn, 'startedOn', 'Le compost ne peut être lancé dans le futur.');
        if (input.readyOn) {
          notInFuture(input.readyOn, 'readyOn', 'Le compost ne peut être prêt dans le futur.');
        }
        const stream = await biowasteStream(tx, garden.centreId);
        if (!stream) {
          throw new GardenRefusal(
            422,
            'Aucun flux de biodéchets n’est défini : créez-le avant de composter.',
            'NO_BIOWASTE_STREAM',
            'inputGrams',
          );
        }
        // The bio-waste leaves the centre's stock in this transaction (never more than there is).
        await takeFromStock(tx, {
          centreId: garden.centreId,
          streamId: stream.id,
          grams: input.inputGrams,
          occurredOn: input.startedOn,
          field: 'inputGrams',
        });
        const [row] = await tx
          .insert(compostBatches)
          .values({
            ...input,
            centreId: garden.centreId,
            streamId: stream.id,
            createdBy: c.var.principal?.id ?? null,
          })
          .returning();
        if (!row) throw new Error('compost batch insert returned no row');
        const view = toCompostBatch(row);
        await recordAudit(tx, c, {
          action: 'garden.compost.create',
          entity: 'compost_batch',
          entityId: row.id,
          after: view,
        });
        return view;
      });
      return c.json(made, 201);
    } catch (error) {
      return refusalResponse(c, error);
    }
  })
  .openapi(patchRoute, async (c) => {
    const { id } = c.req.valid('param');
    const ready = c.req.valid('json');
    try {
      const changed = await c.var.db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(compostBatches)
          .where(eq(compostBatches.id, id))
          .for('update');
        if (!before) throw new GardenRefusal(404, 'Ce lot de compost n’existe pas.');
        if (ready.readyOn < before.startedOn) {
          throw new GardenRefusal(
            422,
            `Le compost est prêt après avoir été lancé (le ${before.startedOn}).`,
            'READY_BEFORE_START',
            'readyOn',
          );
        }
        notInFuture(ready.readyOn, 'readyOn', 'Le compost ne peut être prêt dans le futur.');
        const [row] = await tx
          .update(compostBatches)
          .set(ready)
          .where(eq(compostBatches.id, id))
          .returning();
        if (!row) throw new Error('compost batch vanished');
        const after = toCompostBatch(row);
        await recordAudit(tx, c, {
          action: 'garden.compost.ready',
          entity: 'compost_batch',
          entityId: id,
          before: toCompostBatch(before),
          after,
        });
        return after;
      });
      return c.json(changed, 200);
    } catch (error) {
      return refusalResponse(c, error);
    }
  })
  .openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    try {
      await c.var.db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(compostBatches)
          .where(eq(compostBatches.id, id))
          .for('update');
        if (!before) throw new GardenRefusal(404, 'Ce lot de compost n’existe pas.');
        await tx.delete(compostBatches).where(eq(compostBatches.id, id));
        await putBackToStock(tx, {
          centreId: before.centreId,
          streamId: before.streamId,
          grams: before.inputGrams,
        });
        await recordAudit(tx, c, {
          action: 'garden.compost.delete',
          entity: 'compost_batch',
          entityId: id,
          before: toCompostBatch(before),
        });
      });
      return c.body(null, 204);
    } catch (error) {
      return refusalResponse(c, error);
    }
  });
