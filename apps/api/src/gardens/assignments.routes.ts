import { z } from '@hono/zod-openapi';
import {
  assignment,
  assignmentConflict,
  assignmentEnd,
  assignmentInput,
  type PlotKind,
  queueVerdict,
} from '@lakou/domain/gardens';
import { idParam, uuid } from '@lakou/domain/shared';
import { and, asc, desc, eq, gte, isNull, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import {
  gardeners,
  gardens,
  gardenWaitingList,
  plotAssignments,
  plots,
} from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import {
  bodyCentreOf,
  centreOfAssignment,
  centreOfGarden,
  centreOfGardener,
  centreOfPlot,
  GARDEN_TAGS,
  gardensToday,
  pathCentre,
  queryCentre,
  scopeCondition,
  type Tx,
} from './gardens.queries.ts';
import { GardenRefusal, refusalResponse } from './gardens.refusal.ts';
import { assignmentView, toAssignments } from './gardens.views.ts';

const denied = DENIED_RESPONSES;

const listQuery = z.object({
  gardenId: uuid.optional(),
  plotId: uuid.optional(),
  gardenerId: uuid.optional(),
  current: z
    .enum(['true', 'false'], { error: 'current vaut true ou false.' })
    .optional()
    .describe('true: only the assignments running today (Guyane); false: only the others'),
});

const listRoute = guardedRoute({
  policy: requires(
    'circular.read',
    queryCentre({ plotId: centreOfPlot, gardenId: centreOfGarden, gardenerId: centreOfGardener }),
  ),
  method: 'get',
  path: '/plot-assignments',
  tags: GARDEN_TAGS,
  summary: 'Who held which plot when: by garden, plot or gardener, latest first',
  request: { query: listQuery },
  responses: {
    200: {
      description: 'The assignments',
      content: { 'application/json': { schema: z.object({ items: z.array(assignment) }) } },
    },
    400: problemContent('Invalid filter'),
    ...denied,
  },
});

const createRoute = guardedRoute({
  policy: requires('circular.write', bodyCentreOf('plotId', centreOfPlot)),
  method: 'post',
  path: '/plot-assignments',
  tags: GARDEN_TAGS,
  summary:
    'Give a plot to a gardener over a period; while people wait, an individual plot goes to the first in line',
  request: {
    body: { required: true, content: { 'application/json': { schema: assignmentInput } } },
  },
  responses: {
    201: { description: 'Assigned', content: { 'application/json': { schema: assignment } } },
    400: problemContent('Invalid input'),
    409: problemContent(
      'The individual plot is held on some of these days (PLOT_TAKEN, with `conflict`), or the gardener already shares it then (ALREADY_ASSIGNED)',
    ),
    422: problemContent(
      'Unknown plot, gardener of another centre, someone waits first (QUEUE_FIRST, with `firstRequestId`), request not waiting (NOT_WAITING) or someone else’s',
    ),
    ...denied,
  },
});

const endRoute = guardedRoute({
  policy: requires('circular.write', pathCentre(centreOfAssignment)),
  method: 'post',
  path: '/plot-assignments/{id}/end',
  tags: GARDEN_TAGS,
  summary: 'Set the last day a gardener holds the plot',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: assignmentEnd } } },
  },
  responses: {
    200: { description: 'Ended', content: { 'application/json': { schema: assignment } } },
    400: problemContent('Invalid input'),
    404: problemContent('No such assignment'),
    409: problemContent('A later end would overlap the next gardener (PLOT_TAKEN)'),
    422: problemContent('The end precedes the start'),
    ...denied,
  },
});

/** Locks a plot's row (every assignment of the plot queues here) with its garden. */
async function lockPlot(tx: Tx, plotId: string) {
  const [row] = await tx
    .select({
      id: plots.id,
      kind: plots.kind,
      label: plots.label,
      gardenId: plots.gardenId,
      centreId: gardens.centreId,
    })
    .from(plots)
    .innerJoin(gardens, eq(gardens.id, plots.gardenId))
    .where(eq(plots.id, plotId))
    .for('update', { of: plots });
  return row ? { ...row, kind: row.kind as PlotKind } : undefined;
}

/** The plot's other periods, and the refusal when the candidate would share a day with one. */
async function checkOverlap(
  tx: Tx,
  plot: { id: string; kind: PlotKind; label: string },
  candidate: { gardenerId: string; startsOn: string; endsOn: string | null },
  exceptId?: string,
) {
  const existing = await tx
    .select()
    .from(plotAssignments)
    .where(
      and(
        eq(plotAssignments.plotId, plot.id),
        exceptId ? ne(plotAssignments.id, exceptId) : undefined,
      ),
    )
    .orderBy(asc(plotAssignments.startsOn));
  const taken = assignmentConflict(plot.kind, existing, candidate);
  if (taken) {
    const [conflict] = await toAssignments(tx, [taken]);
    throw new GardenRefusal(
      409,
      `La parcelle « ${plot.label} » est attribuée à ${conflict?.gardenerName ?? 'quelqu’un'} sur une partie de ces dates.`,
      'PLOT_TAKEN',
      'startsOn',
      { conflict },
    );
  }
  // A shared plot: everyone may hold it, but not twice on the same days.
  const twice = assignmentConflict(
    'individual',
    existing.filter((e) => e.gardenerId === candidate.gardenerId),
    candidate,
  );
  if (twice) {
    const [conflict] = await toAssignments(tx, [twice]);
    throw new GardenRefusal(
      409,
      'Cette personne cultive déjà cette parcelle sur une partie de ces dates.',
      'ALREADY_ASSIGNED',
      'startsOn',
      { conflict },
    );
  }
}

export const assignmentsRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const today = gardensToday();
    const running = and(
      lte(plotAssignments.startsOn, today),
      or(isNull(plotAssignments.endsOn), gte(plotAssignments.endsOn, today)),
    ) as SQL;
    const rows = await c.var.db
      .select({ assignment: plotAssignments })
      .from(plotAssignments)
      .innerJoin(plots, eq(plots.id, plotAssignments.plotId))
      .innerJoin(gardens, eq(gardens.id, plots.gardenId))
      .where(
        and(
          scopeCondition(c, gardens.centreId),
          query.gardenId ? eq(plots.gardenId, query.gardenId) : undefined,
          query.plotId ? eq(plotAssignments.plotId, query.plotId) : undefined,
          query.gardenerId ? eq(plotAssignments.gardenerId, query.gardenerId) : undefined,
          query.current === 'true' ? running : undefined,
          query.current === 'false' ? sql`not (${running})` : undefined,
        ),
      )
      .orderBy(desc(plotAssignments.startsOn), asc(plots.label), asc(plotAssignments.id));
    const items = await toAssignments(
      c.var.db,
      rows.map((r) => r.assignment),
    );
    return c.json({ items }, 200);
  })
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    try {
      const made = await c.var.db.transaction(async (tx) => {
        const plot = await lockPlot(tx, input.plotId);
        if (!plot) {
          throw new GardenRefusal(422, 'Cette parcelle n’existe pas.', 'UNKNOWN_PLOT', 'plotId');
        }
        const [person] = await tx
          .select({ centreId: gardeners.centreId })
          .from(gardeners)
          .where(eq(gardeners.id, input.gardenerId));
        if (person?.centreId !== plot.centreId) {
          throw new GardenRefusal(
            422,
            person
              ? 'Cette personne jardine dans un autre centre que celui du jardin.'
              : 'Cette personne n’est pas enregistrée.',
            'UNKNOWN_GARDENER',
            'gardenerId',
          );
        }
        const candidate = {
          gardenerId: input.gardenerId,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
        };
        await checkOverlap(tx, plot, candidate);
        if (input.waitingRequestId) {
          // Two assignments answering one request queue here; the second finds it answered.
          await tx
            .select({ id: gardenWaitingList.id })
            .from(gardenWaitingList)
            .where(eq(gardenWaitingList.id, input.waitingRequestId))
            .for('update');
        }
        const queue = await tx
          .select({
            id: gardenWaitingList.id,
            gardenerId: gardenWaitingList.gardenerId,
            requestedOn: gardenWaitingList.requestedOn,
            createdAt: gardenWaitingList.createdAt,
          })
          .from(gardenWaitingList)
          .where(
            and(
              eq(gardenWaitingList.gardenId, plot.gardenId),
              eq(gardenWaitingList.status, 'waiting'),
            ),
          )
          .orderBy(
            asc(gardenWaitingList.requestedOn),
            asc(gardenWaitingList.createdAt),
            asc(gardenWaitingList.id),
          );
        const refusal = queueVerdict(
          queue.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
          {
            plotKind: plot.kind,
            gardenerId: input.gardenerId,
            period: candidate,
            waitingRequestId: input.waitingRequestId,
          },
          gardensToday(),
        );
        if (refusal) {
          throw new GardenRefusal(422, refusal.message, refusal.code, refusal.field, {
            firstRequestId: refusal.firstRequestId,
          });
        }
        const [row] = await tx
          .insert(plotAssignments)
          .values({ ...candidate, plotId: plot.id, createdBy: c.var.principal?.id ?? null })
          .returning();
        if (!row) throw new Error('assignment insert returned no row');
        if (input.waitingRequestId) {
          await tx
            .update(gardenWaitingList)
            .set({ status: 'assigned', assignmentId: row.id })
            .where(eq(gardenWaitingList.id, input.waitingRequestId));
        }
        const view = await assignmentView(tx, row.id);
        await recordAudit(tx, c, {
          action: 'garden.assignment.create',
          entity: 'plot_assignment',
          entityId: row.id,
          after: { ...view, waitingRequestId: input.waitingRequestId },
        });
        return view;
      });
      return c.json(made as NonNullable<typeof made>, 201);
    } catch (error) {
      return refusalResponse(c, error);
    }
  })
  .openapi(endRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { endsOn } = c.req.valid('json');
    try {
      const ended = await c.var.db.transaction(async (tx) => {
        const [found] = await tx
          .select({ plotId: plotAssignments.plotId })
          .from(plotAssignments)
          .where(eq(plotAssignments.id, id));
        const plot = found ? await lockPlot(tx, found.plotId) : undefined;
        const [before] = await tx.select().from(plotAssignments).where(eq(plotAssignments.id, id));
        if (!plot || !before) throw new GardenRefusal(404, 'Cette attribution n’existe pas.');
        if (endsOn < before.startsOn) {
          throw new GardenRefusal(
            422,
            `La fin précède le début de l’attribution (${before.startsOn}).`,
            'END_BEFORE_START',
            'endsOn',
          );
        }
        // Ending earlier never collides; a later end (or re-opening) must not reach the next gardener.
        await checkOverlap(
          tx,
          plot,
          { gardenerId: before.gardenerId, startsOn: before.startsOn, endsOn },
          id,
        );
        await tx.update(plotAssignments).set({ endsOn }).where(eq(plotAssignments.id, id));
        const [beforeView] = await toAssignments(tx, [before]);
        const after = await assignmentView(tx, id);
        await recordAudit(tx, c, {
          action: 'garden.assignment.end',
          entity: 'plot_assignment',
          entityId: id,
          before: beforeView,
          after,
        });
        return after;
      });
      return c.json(ended as NonNullable<typeof ended>, 200);
    } catch (error) {
      return refusalResponse(c, error);
    }
  });
