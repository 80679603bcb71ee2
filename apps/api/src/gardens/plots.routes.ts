import { z } from '@hono/zod-openapi';
import { periodsOverlap, plot, plotInput, plotPatch } from '@lakou/domain/gardens';
import { idParam, uuid } from '@lakou/domain/shared';
import { and, asc, eq, ne, or } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { gardens, harvests, plotAssignments, plots } from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import {
  bodyCentreOf,
  centreOfGarden,
  centreOfPlot,
  type Executor,
  GARDEN_TAGS,
  gardensToday,
  pathCentre,
  queryCentre,
  scopeCondition,
} from './gardens.queries.ts';
import { GardenRefusal, refusalResponse } from './gardens.refusal.ts';
import { plotView, toPlots } from './gardens.views.ts';

const denied = DENIED_RESPONSES;

const listRoute = guardedRoute({
  policy: requires('circular.read', queryCentre({ gardenId: centreOfGarden })),
  method: 'get',
  path: '/plots',
  tags: GARDEN_TAGS,
  summary: 'The plots of a garden, in grid order, with the gardeners holding them today',
  request: { query: z.object({ gardenId: uuid }) },
  responses: {
    200: {
      description: 'The plots',
      content: { 'application/json': { schema: z.object({ items: z.array(plot) }) } },
    },
    400: problemContent('Invalid filter'),
    ...denied,
  },
});

const createRoute = guardedRoute({
  policy: requires('centre.manage', bodyCentreOf('gardenId', centreOfGarden)),
  method: 'post',
  path: '/plots',
  tags: GARDEN_TAGS,
  summary: 'Add a plot on a free cell of the garden’s grid',
  request: { body: { required: true, content: { 'application/json': { schema: plotInput } } } },
  responses: {
    201: { description: 'Added', content: { 'application/json': { schema: plot } } },
    400: problemContent('Invalid input'),
    409: problemContent('Label or grid cell already taken (LABEL_TAKEN, CELL_TAKEN)'),
    422: problemContent('Unknown garden, or a cell outside the grid (OUTSIDE_GRID)'),
    ...denied,
  },
});

const patchRoute = guardedRoute({
  policy: requires('centre.manage', pathCentre(centreOfPlot)),
  method: 'patch',
  path: '/plots/{id}',
  tags: GARDEN_TAGS,
  summary: 'Change a plot (label, kind, area, exposure, cell)',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: plotPatch } } },
  },
  responses: {
    200: { description: 'Changed', content: { 'application/json': { schema: plot } } },
    400: problemContent('Invalid input'),
    404: problemContent('No such plot'),
    409: problemContent(
      'Label or cell taken, or made individual while several gardeners share it (SHARED_PLOT)',
    ),
    422: problemContent('A cell outside the grid (OUTSIDE_GRID)'),
    ...denied,
  },
});

const deleteRoute = guardedRoute({
  policy: requires('centre.manage', pathCentre(centreOfPlot)),
  method: 'delete',
  path: '/plots/{id}',
  tags: GARDEN_TAGS,
  summary: 'Remove a plot that never had a gardener nor a harvest',
  request: { params: idParam },
  responses: {
    204: { description: 'Removed' },
    400: problemContent('The id is not a UUID'),
    404: problemContent('No such plot'),
    409: problemContent('The plot has a history: assignments or harvests (PLOT_IN_USE)'),
    ...denied,
  },
});

interface Placement {
  gardenId: string;
  label: string;
  row: number;
  column: number;
}

/**
 * The plot fits: its cell is inside the garden's grid and free, its label not taken. The
 * garden's row is locked, so a grid being shrunk and a plot being placed never cross.
 */
async function checkPlacement(db: Executor, place: Placement, exceptId?: string) {
  const [garden] = await db
    .select({ columns: gardens.gridColumns, rows: gardens.gridRows })
    .from(gardens)
    .where(eq(gardens.id, place.gardenId))
    .for('update');
  if (!garden) {
    throw new GardenRefusal(422, 'Ce jardin n’existe pas.', 'UNKNOWN_GARDEN', 'gardenId');
  }
  if (place.row > garden.rows) {
    throw new GardenRefusal(
      422,
      `La grille du jardin compte ${garden.rows} rangée(s) : choisissez une rangée de 1 à ${garden.rows}.`,
      'OUTSIDE_GRID',
      'row',
    );
  }
  if (place.column > garden.columns) {
    throw new GardenRefusal(
      422,
      `La grille du jardin compte ${garden.columns} colonne(s) : choisissez une colonne de 1 à ${garden.columns}.`,
      'OUTSIDE_GRID',
      'column',
    );
  }
  const others = await db
    .select({ label: plots.label, row: plots.row, column: plots.column })
    .from(plots)
    .where(
      and(
        eq(plots.gardenId, place.gardenId),
        exceptId ? ne(plots.id, exceptId) : undefined,
        or(
          eq(plots.label, place.label),
          and(eq(plots.row, place.row), eq(plots.column, place.column)),
        ),
      ),
    );
  if (others.some((o) => o.label === place.label)) {
    throw new GardenRefusal(
      409,
      `Le repère « ${place.label} » est déjà pris dans ce jardin.`,
      'LABEL_TAKEN',
      'label',
    );
  }
  const occupant = others.find((o) => o.row === place.row && o.column === place.column);
  if (occupant) {
    throw new GardenRefusal(
      409,
      `Cette case est déjà occupée par la parcelle « ${occupant.label} ».`,
      'CELL_TAKEN',
      'column',
    );
  }
}

const TAKEN = 'Ce repère ou cette case est déjà pris dans ce jardin.';
function takenResponse(c: Parameters<typeof problemResponse>[0]) {
  return problemResponse(c, 409, TAKEN, {
    code: 'LABEL_TAKEN',
    errors: [{ field: 'label', message: TAKEN }],
  }) as never;
}

export const plotsRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const { gardenId } = c.req.valid('query');
    const rows = await c.var.db
      .select({ plot: plots })
      .from(plots)
      .innerJoin(gardens, eq(gardens.id, plots.gardenId))
      .where(and(eq(plots.gardenId, gardenId), scopeCondition(c, gardens.centreId)))
      .orderBy(asc(plots.row), asc(plots.column), asc(plots.label));
    const items = await toPlots(
      c.var.db,
      rows.map((r) => r.plot),
      gardensToday(),
    );
    return c.json({ items }, 200);
  })
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    try {
      const made = await c.var.db.transaction(async (tx) => {
        await checkPlacement(tx, input);
        const [row] = await tx.insert(plots).values(input).returning();
        if (!row) throw new Error('plot insert returned no row');
        const view = await plotView(tx, row.id, gardensToday());
        await recordAudit(tx, c, {
          action: 'garden.plot.create',
          entity: 'garden_plot',
          entityId: row.id,
          after: view,
        });
        return view;
      });
      return c.json(made as NonNullable<typeof made>, 201);
    } catch (error) {
      if (isUniqueViolation(error)) return takenResponse(c);
      return refusalResponse(c, error);
    }
  })
  .openapi(patchRoute, async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    try {
      const changed = await c.var.db.transaction(async (tx) => {
        const [before] = await tx.select().from(plots).where(eq(plots.id, id)).for('update');
        if (!before) throw new GardenRefusal(404, 'Cette parcelle n’existe pas.');
        const today = gardensToday();
        const beforeView = await plotView(tx, id, today);
        await checkPlacement(
          tx,
          {
            gardenId: before.gardenId,
            label: patch.label ?? before.label,
            row: patch.row ?? before.row,
            column: patch.column ?? before.column,
          },
          id,
        );
        if (patch.kind === 'individual' && before.kind !== 'individual') {
          // Shared until now: made individual only if no two gardeners ever held it on one day.
          const periods = await tx
            .select({ startsOn: plotAssignments.startsOn, endsOn: plotAssignments.endsOn })
            .from(plotAssignments)
            .where(eq(plotAssignments.plotId, id));
          const shared = periods.some((a, i) =>
            periods.some((b, j) => j > i && periodsOverlap(a, b)),
          );
          if (shared) {
            throw new GardenRefusal(
              409,
              'Plusieurs personnes cultivent cette parcelle aux mêmes dates : elle ne peut devenir individuelle.',
              'SHARED_PLOT',
              'kind',
            );
          }
        }
        if (Object.keys(patch).length > 0) {
          await tx.update(plots).set(patch).where(eq(plots.id, id));
        }
        const after = await plotView(tx, id, today);
        await recordAudit(tx, c, {
          action: 'garden.plot.update',
          entity: 'garden_plot',
          entityId: id,
          before: beforeView,
          after,
        });
        return after;
      });
      return c.json(changed as NonNullable<typeof changed>, 200);
    } catch (error) {
      if (isUniqueViolation(error)) return takenResponse(c);
      return refusalResponse(c, error);
    }
  })
  .openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    try {
      await c.var.db.transaction(async (tx) => {
        const [before] = await tx.select().from(plots).where(eq(plots.id, id)).for('update');
        if (!before) throw new GardenRefusal(404, 'Cette parcelle n’existe pas.');
        const [assigned] = await tx
          .select({ id: plotAssignments.id })
          .from(plotAssignments)
          .where(eq(plotAssignments.plotId, id))
          .limit(1);
        const [harvested] = await tx
          .select({ id: harvests.id })
          .from(harvests)
          .where(eq(harvests.plotId, id))
          .limit(1);
        if (assigned || harvested) {
          throw new GardenRefusal(
            409,
            'Cette parcelle a un historique (attributions ou récoltes) : elle ne peut être supprimée.',
            'PLOT_IN_USE',
          );
        }
        await tx.delete(plots).where(eq(plots.id, id));
        await recordAudit(tx, c, {
          action: 'garden.plot.delete',
          entity: 'garden_plot',
          entityId: id,
          before: { ...before, createdAt: before.createdAt.toISOString() },
        });
      });
      return c.body(null, 204);
    } catch (error) {
      return refusalResponse(c, error);
    }
  });
