import { z } from '@hono/zod-openapi';
import { plotIsFree, waitingRequest, waitingRequestInput } from '@lakou/domain/gardens';
import { idParam, uuid } from '@lakou/domain/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import { isUniqueViolation } from '../db/errors.ts';
import {
  gardeners,
  gardens,
  gardenWaitingList,
  plotAssignments,
  plots,
} from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import {
  bodyCentreOf,
  centreOfGarden,
  centreOfWaitingRequest,
  GARDEN_TAGS,
  gardensToday,
  pathCentre,
  queryCentre,
  scopeCondition,
  type Tx,
} from './gardens.queries.ts';
import { GardenRefusal, refusalResponse } from './gardens.refusal.ts';
import { waitingListOf } from './gardens.views.ts';

const denied = DENIED_RESPONSES;

const listRoute = guardedRoute({
  policy: requires('circular.read', queryCentre({ gardenId: centreOfGarden })),
  method: 'get',
  path: '/garden-waiting-list',
  tags: GARDEN_TAGS,
  summary: 'The people waiting for a plot of a garden, in order (positions 1..n)',
  request: { query: z.object({ gardenId: uuid }) },
  responses: {
    200: {
      description: 'The waiting list',
      content: { 'application/json': { schema: z.object({ items: z.array(waitingRequest) }) } },
    },
    400: problemContent('Invalid filter'),
    ...denied,
  },
});

const createRoute = guardedRoute({
  policy: requires('circular.write', bodyCentreOf('gardenId', centreOfGarden)),
  method: 'post',
  path: '/garden-waiting-list',
  tags: GARDEN_TAGS,
  summary: 'Put a gardener on a garden’s waiting list (only while every individual plot is taken)',
  request: {
    body: { required: true, content: { 'application/json': { schema: waitingRequestInput } } },
  },
  responses: {
    201: { description: 'Waiting', content: { 'application/json': { schema: waitingRequest } } },
    400: problemContent('Invalid input'),
    409: problemContent('Already waiting for this garden (ALREADY_WAITING)'),
    422: problemContent(
      'An individual plot is free today (PLOTS_AVAILABLE, with `freePlotIds`), unknown garden, gardener of another centre, date in the future',
    ),
    ...denied,
  },
});

const deleteRoute = guardedRoute({
  policy: requires('circular.write', pathCentre(centreOfWaitingRequest)),
  method: 'delete',
  path: '/garden-waiting-list/{id}',
  tags: GARDEN_TAGS,
  summary: 'Withdraw a request from the waiting list (it stays in the history as withdrawn)',
  request: { params: idParam },
  responses: {
    204: { description: 'Withdrawn' },
    400: problemContent('The id is not a UUID'),
    404: problemContent('No such request'),
    409: problemContent('The request is no longer waiting (NOT_WAITING)'),
    ...denied,
  },
});

/** The garden's individual plots free today (`plotIsFree`). */
async function freePlots(tx: Tx, gardenId: string, today: string) {
  const individual = await tx
    .select({ id: plots.id, label: plots.label })
    .from(plots)
    .where(and(eq(plots.gardenId, gardenId), eq(plots.kind, 'individual')))
    .orderBy(asc(plots.label));
  if (individual.length === 0) return [];
  const periods = await tx
    .select({
      plotId: plotAssignments.plotId,
      startsOn: plotAssignments.startsOn,
      endsOn: plotAssignments.endsOn,
    })
    .from(plotAssignments)
    .where(
      inArray(
        plotAssignments.plotId,
        individual.map((p) => p.id),
      ),
    );
  return individual.filter((p) =>
    plotIsFree(
      periods.filter((a) => a.plotId === p.id),
      today,
    ),
  );
}

const ALREADY_WAITING = 'Cette personne attend déjà une parcelle dans ce jardin.';

export const waitingListRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const { gardenId } = c.req.valid('query');
    const [garden] = await c.var.db
      .select({ id: gardens.id })
      .from(gardens)
      .where(and(eq(gardens.id, gardenId), scopeCondition(c, gardens.centreId)));
    const items = garden ? await waitingListOf(c.var.db, garden.id) : [];
    return c.json({ items }, 200);
  })
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    try {
      const made = await c.var.db.transaction(async (tx) => {
        // Requests of a garden queue on its row: positions are given one at a time.
        const [garden] = await tx
          .select({ id: gardens.id, centreId: gardens.centreId })
          .from(gardens)
          .where(eq(gardens.id, input.gardenId))
          .for('update');
        if (!garden) {
          throw new GardenRefusal(422, 'Ce jardin n’existe pas.', 'UNKNOWN_GARDEN', 'gardenId');
        }
        const [person] = await tx
          .select({ centreId: gardeners.centreId })
          .from(gardeners)
          .where(eq(gardeners.id, input.gardenerId));
        if (person?.centreId !== garden.centreId) {
          throw new GardenRefusal(
            422,
            person
              ? 'Cette personne jardine dans un autre centre que celui du jardin.'
              : 'Cette personne n’est pas enregistrée.',
            'UNKNOWN_GARDENER',
            'gardenerId',
          );
        }
        const today = gardensToday();
        if (input.requestedOn > today) {
          throw new GardenRefusal(
            422,
            'La date de la demande ne peut être dans le futur.',
            'FUTURE_DATE',
            'requestedOn',
          );
        }
        const free = await freePlots(tx, garden.id, today);
        if (free.length > 0) {
          throw new GardenRefusal(
            422,
            `Une parcelle individuelle est libre (${free.map((p) => `« ${p.label} »`).join(', ')}) : attribuez-la plutôt que d’inscrire sur la liste d’attente.`,
            'PLOTS_AVAILABLE',
            'gardenId',
            { freePlotIds: free.map((p) => p.id) },
          );
        }
        const [waiting] = await tx
          .select({ id: gardenWaitingList.id })
          .from(gardenWaitingList)
          .where(
            and(
              eq(gardenWaitingList.gardenId, garden.id),
              eq(gardenWaitingList.gardenerId, input.gardenerId),
              eq(gardenWaitingList.status, 'waiting'),
            ),
          );
        if (waiting) throw new GardenRefusal(409, ALREADY_WAITING, 'ALREADY_WAITING', 'gardenerId');
        const [row] = await tx.insert(gardenWaitingList).values(input).returning();
        if (!row) throw new Error('waiting request insert returned no row');
        const view = (await waitingListOf(tx, garden.id)).find((r) => r.id === row.id);
        await recordAudit(tx, c, {
          action: 'garden.waiting.create',
          entity: 'garden_waiting_request',
          entityId: row.id,
          after: view,
        });
        return view;
      });
      return c.json(made as NonNullable<typeof made>, 201);
    } catch (error) {
      if (isUniqueViolation(error)) {
        return problemResponse(c, 409, ALREADY_WAITING, {
          code: 'ALREADY_WAITING',
          errors: [{ field: 'gardenerId', message: ALREADY_WAITING }],
        }) as never;
      }
      return refusalResponse(c, error);
    }
  })
  .openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    try {
      await c.var.db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(gardenWaitingList)
          .where(eq(gardenWaitingList.id, id))
          .for('update');
        if (!before) throw new GardenRefusal(404, 'Cette demande n’existe pas.');
        if (before.status !== 'waiting') {
          throw new GardenRefusal(
            409,
            before.status === 'assigned'
              ? 'Cette demande a déjà reçu une parcelle.'
              : 'Cette demande a déjà été retirée.',
            'NOT_WAITING',
          );
        }
        const beforeView = (await waitingListOf(tx, before.gardenId)).find((r) => r.id === id);
        await tx
          .update(gardenWaitingList)
          .set({ status: 'withdrawn' })
          .where(eq(gardenWaitingList.id, id));
        await recordAudit(tx, c, {
          action: 'garden.waiting.withdraw',
          entity: 'garden_waiting_request',
          entityId: id,
          before: beforeView,
          after: { status: 'withdrawn' },
        });
      });
      return c.body(null, 204);
    } catch (error) {
      return refusalResponse(c, error);
    }
  });
