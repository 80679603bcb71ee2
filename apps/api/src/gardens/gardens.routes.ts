import { z } from '@hono/zod-openapi';
import { garden, gardenInput, gardenPatch, plot } from '@lakou/domain/gardens';
import { idParam, uuid } from '@lakou/domain/shared';
import { and, asc, eq, gt, lt, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import { isUniqueViolation } from '../db/errors.ts';
import {
  bookings,
  centres,
  eventBookings,
  events,
  gardens,
  plots,
  resources,
} from '../db/schema/index.ts';
import { bodyCentre, DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import {
  centreOfGarden,
  type Executor,
  GARDEN_TAGS,
  gardensToday,
  pathCentre,
  scopeCondition,
} from './gardens.queries.ts';
import { GardenRefusal, refusalResponse } from './gardens.refusal.ts';
import { gardenView, toGardens, toPlots } from './gardens.views.ts';

const denied = DENIED_RESPONSES;
/** How far ahead a garden's work sessions are listed. */
const WORK_SESSION_DAYS = 60;

const workSession = z
  .object({
    eventId: z.string(),
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
  })
  .meta({ id: 'GardenWorkSession' });
const gardenDetail = z.object({
  garden,
  plots: z.array(plot),
  workSessions: z
    .array(workSession)
    .describe('Scheduled events of the next 60 days held on the garden’s bookable resource.'),
});

const listRoute = guardedRoute({
  policy: requires('circular.read', (c) => {
    const centreId = c.req.query('centreId');
    return centreId === undefined ? {} : { centreId };
  }),
  method: 'get',
  path: '/gardens',
  tags: GARDEN_TAGS,
  summary: 'Shared gardens of the centres the reader works in, by centre then name',
  request: { query: z.object({ centreId: uuid.optional() }) },
  responses: {
    200: {
      description: 'The gardens',
      content: { 'application/json': { schema: z.object({ items: z.array(garden) }) } },
    },
    400: problemContent('Invalid filter'),
    ...denied,
  },
});

const getRoute = guardedRoute({
  policy: requires('circular.read', pathCentre(centreOfGarden)),
  method: 'get',
  path: '/gardens/{id}',
  tags: GARDEN_TAGS,
  summary: 'A garden, its plots with today’s gardeners, and its upcoming work sessions',
  request: { params: idParam },
  responses: {
    200: { description: 'The garden', content: { 'application/json': { schema: gardenDetail } } },
    400: problemContent('The id is not a UUID'),
    404: problemContent('No such garden'),
    ...denied,
  },
});

const createRoute = guardedRoute({
  policy: requires('centre.manage', bodyCentre),
  method: 'post',
  path: '/gardens',
  tags: GARDEN_TAGS,
  summary: 'Open a shared garden in a centre (its manager or the admin)',
  request: {
    body: { required: true, content: { 'application/json': { schema: gardenInput } } },
  },
  responses: {
    201: { description: 'Opened', content: { 'application/json': { schema: garden } } },
    400: problemContent('Invalid input'),
    409: problemContent('The centre already has a garden of that name'),
    422: problemContent('Unknown centre, or a resource that is not one of the centre’s'),
    ...denied,
  },
});

const patchRoute = guardedRoute({
  policy: requires('centre.manage', pathCentre(centreOfGarden)),
  method: 'patch',
  path: '/gardens/{id}',
  tags: GARDEN_TAGS,
  summary: 'Change a garden (a smaller grid must still hold its plots)',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: gardenPatch } } },
  },
  responses: {
    200: { description: 'Changed', content: { 'application/json': { schema: garden } } },
    400: problemContent('Invalid input'),
    404: problemContent('No such garden'),
    409: problemContent('The centre already has a garden of that name'),
    422: problemContent('A plot would fall outside the grid, or an unknown resource'),
    ...denied,
  },
});

const NAME_TAKEN = 'Ce centre a déjà un jardin de ce nom.';

/** The name is free in the centre (another garden than `exceptId`). */
async function checkName(db: Executor, centreId: string, name: string, exceptId?: string) {
  const [taken] = await db
    .select({ id: gardens.id })
    .from(gardens)
    .where(
      and(
        eq(gardens.centreId, centreId),
        eq(gardens.name, name),
        exceptId ? ne(gardens.id, exceptId) : undefined,
      ),
    );
  if (taken) throw new GardenRefusal(409, NAME_TAKEN, 'NAME_TAKEN', 'name');
}

/** A garden's resource is one of its centre's: its bookings carry the work sessions. */
async function checkResource(db: Executor, centreId: string, resourceId: string | null) {
  if (resourceId === null) return;
  const [row] = await db
    .select({ centreId: resources.centreId })
    .from(resources)
    .where(eq(resources.id, resourceId));
  if (row?.centreId !== centreId) {
    throw new GardenRefusal(
      422,
      'Cette ressource réservable n’existe pas dans le centre du jardin.',
      'UNKNOWN_RESOURCE',
      'resourceId',
    );
  }
}

/** Upcoming work sessions: scheduled events of the next 60 days booked on the resource. */
async function workSessionsOf(db: Executor, resourceId: string | null) {
  if (resourceId === null) return [];
  const rows = await db
    .selectDistinct({
      eventId: events.id,
      title: events.title,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
    })
    .from(events)
    .innerJoin(eventBookings, eq(eventBookings.eventId, events.id))
    .innerJoin(bookings, eq(bookings.id, eventBookings.bookingId))
    .where(
      and(
        eq(bookings.resourceId, resourceId),
        ne(bookings.status, 'cancelled'),
        eq(events.status, 'scheduled'),
        gt(events.endsAt, sql`now()`),
        lt(events.startsAt, sql`now() + make_interval(days => ${WORK_SESSION_DAYS})`),
      ),
    )
    .orderBy(asc(events.startsAt), asc(events.id));
  return rows.map((r) => ({
    eventId: r.eventId,
    title: r.title,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
  }));
}

export const gardensRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const { centreId } = c.req.valid('query');
    const rows = await c.var.db
      .select({ garden: gardens })
      .from(gardens)
      .innerJoin(centres, eq(centres.id, gardens.centreId))
      .where(
        and(
          scopeCondition(c, gardens.centreId),
          centreId ? eq(gardens.centreId, centreId) : undefined,
        ),
      )
      .orderBy(asc(centres.name), asc(gardens.name));
    const items = await toGardens(
      c.var.db,
      rows.map((r) => r.garden),
      gardensToday(),
    );
    return c.json({ items }, 200);
  })
  .openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const db = c.var.db;
    const today = gardensToday();
    const view = await gardenView(db, id, today);
    if (!view) return problemResponse(c, 404, 'Ce jardin n’existe pas.') as never;
    const plotRows = await db
      .select()
      .from(plots)
      .where(eq(plots.gardenId, id))
      .orderBy(asc(plots.row), asc(plots.column), asc(plots.label));
    return c.json(
      {
        garden: view,
        plots: await toPlots(db, plotRows, today),
        workSessions: await workSessionsOf(db, view.resourceId),
      },
      200,
    );
  })
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    try {
      const made = await c.var.db.transaction(async (tx) => {
        const [centre] = await tx
          .select({ id: centres.id })
          .from(centres)
          .where(eq(centres.id, input.centreId));
        if (!centre) {
          throw new GardenRefusal(422, 'Ce centre n’existe pas.', 'UNKNOWN_CENTRE', 'centreId');
        }
        await checkName(tx, input.centreId, input.name);
        await checkResource(tx, input.centreId, input.resourceId);
        const [row] = await tx.insert(gardens).values(input).returning();
        if (!row) throw new Error('garden insert returned no row');
        const view = await gardenView(tx, row.id, gardensToday());
        await recordAudit(tx, c, {
          action: 'garden.create',
          entity: 'garden',
          entityId: row.id,
          after: view,
        });
        return view;
      });
      return c.json(made as NonNullable<typeof made>, 201);
    } catch (error) {
      if (isUniqueViolation(error)) {
        return problemResponse(c, 409, NAME_TAKEN, {
          code: 'NAME_TAKEN',
          errors: [{ field: 'name', message: NAME_TAKEN }],
        }) as never;
      }
      return refusalResponse(c, error);
    }
  })
  .openapi(patchRoute, async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    try {
      const changed = await c.var.db.transaction(async (tx) => {
        const [before] = await tx.select().from(gardens).where(eq(gardens.id, id)).for('update');
        if (!before) throw new GardenRefusal(404, 'Ce jardin n’existe pas.');
        const today = gardensToday();
        const beforeView = await gardenView(tx, id, today);
        if (patch.name !== undefined) await checkName(tx, before.centreId, patch.name, id);
        if (patch.resourceId !== undefined)
          await checkResource(tx, before.centreId, patch.resourceId);
        const [extent] = await tx
          .select({
            rows: sql<number>`coalesce(max(${plots.row}), 0)`.mapWith(Number),
            columns: sql<number>`coalesce(max(${plots.column}), 0)`.mapWith(Number),
          })
          .from(plots)
          .where(eq(plots.gardenId, id));
        if (patch.gridColumns !== undefined && patch.gridColumns < (extent?.columns ?? 0)) {
          throw new GardenRefusal(
            422,
            `Une parcelle occupe la colonne ${extent?.columns} : la grille doit garder au moins ${extent?.columns} colonnes.`,
            'PLOT_OUTSIDE_GRID',
            'gridColumns',
          );
        }
        if (patch.gridRows !== undefined && patch.gridRows < (extent?.rows ?? 0)) {
          throw new GardenRefusal(
            422,
            `Une parcelle occupe la rangée ${extent?.rows} : la grille doit garder au moins ${extent?.rows} rangées.`,
            'PLOT_OUTSIDE_GRID',
            'gridRows',
          );
        }
        if (Object.keys(patch).length > 0) {
          await tx.update(gardens).set(patch).where(eq(gardens.id, id));
        }
        const after = await gardenView(tx, id, today);
        await recordAudit(tx, c, {
          action: 'garden.update',
          entity: 'garden',
          entityId: id,
          before: beforeView,
          after,
        });
        return after;
      });
      return c.json(changed as NonNullable<typeof changed>, 200);
    } catch (error) {
      if (isUniqueViolation(error)) {
        return problemResponse(c, 409, NAME_TAKEN, {
          code: 'NAME_TAKEN',
          errors: [{ field: 'name', message: NAME_TAKEN }],
        }) as never;
      }
      return refusalResponse(c, error);
    }
  });
