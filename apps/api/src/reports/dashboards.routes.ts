import { z } from '@hono/zod-openapi';
import { type Actor, can, type Subject } from '@lakou/domain/identity';
import { idParam } from '@lakou/domain/shared';
import {
  type Dashboard,
  dashboard,
  dashboardInput,
  dashboardPatch,
  type Widget,
} from '@lakou/reports/model';
import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Db } from '../db/client.ts';
import { dashboards, users } from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { type ApiEnv, contextRouter } from '../http/router.ts';

const TAGS = ['Reports'];

const NOT_FOUND = 'Ce tableau de bord n’existe pas ou ne vous est pas partagé.';
const STALE =
  'Ce tableau de bord a été modifié entre-temps : rechargez-le pour voir ses changements avant d’enregistrer les vôtres.';

const isUuid = (v: unknown): v is string => typeof v === 'string' && z.uuid().safeParse(v).success;

/** A dashboard the reader may see: their own, or one shared with the board. */
const visibleTo = (userId: string) =>
  or(eq(dashboards.ownerId, userId), eq(dashboards.shared, true));

/**
 * The subject of a change to `/dashboards/{id}`: its owner, and whether it is (or is being made)
 * shared with the board. A dashboard the reader may not see is judged as none at all (any report
 * reader goes on to the 404), so a personal dashboard's existence is never told to others.
 */
async function dashboardSubject(c: Context<ApiEnv>): Promise<Subject> {
  const id = c.req.param('id');
  const actor = c.var.actor;
  if (!isUuid(id) || !actor) return {};
  const [row] = await c.var.db
    .select({ ownerId: dashboards.ownerId, shared: dashboards.shared })
    .from(dashboards)
    .where(and(eq(dashboards.id, id), visibleTo(actor.userId)));
  if (!row) return {};
  let sharing = row.shared;
  if (c.req.method === 'PATCH') {
    try {
      sharing ||= ((await c.req.json()) as { shared?: unknown }).shared === true;
    } catch {
      // The validator answers a body that is not JSON.
    }
  }
  return { ownerId: row.ownerId, sharedWithBoard: sharing };
}

/** A new dashboard: shared with the board when the body says so. */
async function newDashboardSubject(c: Context<ApiEnv>): Promise<Subject> {
  try {
    return { sharedWithBoard: ((await c.req.json()) as { shared?: unknown }).shared === true };
  } catch {
    return {};
  }
}

const dashboardColumns = {
  id: dashboards.id,
  name: dashboards.name,
  shared: dashboards.shared,
  widgets: dashboards.widgets,
  version: dashboards.version,
  ownerId: dashboards.ownerId,
  ownerName: users.name,
  createdAt: dashboards.createdAt,
  updatedAt: dashboards.updatedAt,
};
type Row = {
  id: string;
  name: string;
  shared: boolean;
  widgets: Widget[];
  version: number;
  ownerId: string;
  ownerName: string;
  createdAt: Date;
  updatedAt: Date;
};

function toDashboard(row: Row, actor: Actor): Dashboard {
  return {
    id: row.id,
    name: row.name,
    shared: row.shared,
    widgets: row.widgets,
    version: row.version,
    owner: { id: row.ownerId, name: row.ownerName },
    mine: row.ownerId === actor.userId,
    editable: can(actor, 'dashboard.manage', {
      ownerId: row.ownerId,
      sharedWithBoard: row.shared,
    }),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function findVisible(db: Db, id: string, actor: Actor): Promise<Row | undefined> {
  const [row] = await db
    .select(dashboardColumns)
    .from(dashboards)
    .innerJoin(users, eq(users.id, dashboards.ownerId))
    .where(and(eq(dashboards.id, id), visibleTo(actor.userId)));
  return row;
}

async function findById(db: Db, id: string): Promise<Row | undefined> {
  const [row] = await db
    .select(dashboardColumns)
    .from(dashboards)
    .innerJoin(users, eq(users.id, dashboards.ownerId))
    .where(eq(dashboards.id, id));
  return row;
}

const problems = {
  400: problemContent('Invalid input: the widgets are checked one by one'),
  404: problemContent('No such dashboard, or neither yours nor shared with the board'),
  ...DENIED_RESPONSES,
};

const listRoute = guardedRoute({
  policy: requires('report.read'),
  method: 'get',
  path: '/dashboards',
  tags: TAGS,
  summary: 'The reader’s own dashboards, then those shared with the board, by name',
  responses: {
    200: {
      description: 'The dashboards',
      content: { 'application/json': { schema: z.object({ items: z.array(dashboard) }) } },
    },
    ...DENIED_RESPONSES,
  },
});

const getRoute = guardedRoute({
  policy: requires('report.read'),
  method: 'get',
  path: '/dashboards/{id}',
  tags: TAGS,
  summary: 'A dashboard and its widgets',
  request: { params: idParam },
  responses: {
    200: { description: 'The dashboard', content: { 'application/json': { schema: dashboard } } },
    ...problems,
  },
});

const createRoute = guardedRoute({
  policy: requires('dashboard.manage', newDashboardSubject),
  method: 'post',
  path: '/dashboards',
  tags: TAGS,
  summary:
    'Make a dashboard: one’s own (any report reader), or shared with the board (the board or the admin)',
  description: `At most 24 widgets, each one view of a report (its KPI cards, or one chart as a line, bars, a doughnut or a table) with a named period (this year, last quarter …), centres, granularity and comparison.`,
  request: {
    body: { required: true, content: { 'application/json': { schema: dashboardInput } } },
  },
  responses: {
    201: { description: 'Made', content: { 'application/json': { schema: dashboard } } },
    400: problems[400],
    ...DENIED_RESPONSES,
  },
});

const patchRoute = guardedRoute({
  policy: requires('dashboard.manage', dashboardSubject),
  method: 'patch',
  path: '/dashboards/{id}',
  tags: TAGS,
  summary: 'Rename, share or unshare a dashboard, or replace its widgets',
  description:
    'Send the `version` read: a dashboard changed since then is refused with 409 rather than overwritten. Sharing with the board, and changing a shared dashboard, are the board’s and the admin’s.',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: dashboardPatch } } },
  },
  responses: {
    200: { description: 'Changed', content: { 'application/json': { schema: dashboard } } },
    ...problems,
    409: problemContent('Changed by someone else since the version sent'),
  },
});

const deleteRoute = guardedRoute({
  policy: requires('dashboard.manage', dashboardSubject),
  method: 'delete',
  path: '/dashboards/{id}',
  tags: TAGS,
  summary: 'Delete a dashboard (a shared one: the board or the admin)',
  request: { params: idParam },
  responses: {
    204: { description: 'Deleted' },
    ...problems,
  },
});

/** The routes are guarded: a request that gets here has a signed-in actor. */
function actorOf(c: Context<ApiEnv>): Actor {
  const actor = c.var.actor;
  if (!actor) throw new Error('A guarded route ran without an actor.');
  return actor;
}

export const dashboardsRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const actor = actorOf(c);
    const rows = await c.var.db
      .select(dashboardColumns)
      .from(dashboards)
      .innerJoin(users, eq(users.id, dashboards.ownerId))
      .where(visibleTo(actor.userId))
      .orderBy(
        desc(sql`${dashboards.ownerId} = ${actor.userId}`),
        asc(dashboards.name),
        asc(dashboards.createdAt),
      );
    return c.json({ items: rows.map((r) => toDashboard(r, actor)) }, 200);
  })
  .openapi(getRoute, async (c) => {
    const actor = actorOf(c);
    const row = await findVisible(c.var.db, c.req.valid('param').id, actor);
    if (!row) return problemResponse(c, 404, NOT_FOUND) as never;
    return c.json(toDashboard(row, actor), 200);
  })
  .openapi(createRoute, async (c) => {
    const actor = actorOf(c);
    const input = c.req.valid('json');
    const [made] = await c.var.db
      .insert(dashboards)
      .values({
        ownerId: actor.userId,
        name: input.name,
        shared: input.shared,
        widgets: input.widgets,
      })
      .returning({ id: dashboards.id });
    const row = made && (await findVisible(c.var.db, made.id, actor));
    if (!row) throw new Error('The new dashboard was not found.');
    return c.json(toDashboard(row, actor), 201);
  })
  .openapi(patchRoute, async (c) => {
    const actor = actorOf(c);
    const { id } = c.req.valid('param');
    const { version, ...changes } = c.req.valid('json');
    if (!(await findVisible(c.var.db, id, actor)))
      return problemResponse(c, 404, NOT_FOUND) as never;
    const [changed] = await c.var.db
      .update(dashboards)
      .set({
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.shared !== undefined ? { shared: changes.shared } : {}),
        ...(changes.widgets !== undefined ? { widgets: changes.widgets } : {}),
        version: sql`${dashboards.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(dashboards.id, id), eq(dashboards.version, version)))
      .returning({ id: dashboards.id });
    if (!changed) return problemResponse(c, 409, STALE, { code: 'STALE_VERSION' }) as never;
    // Read by id alone: unshared by a board member who did not make it, it is no longer theirs
    // to see, but this answer still tells them what they did.
    const row = await findById(c.var.db, id);
    if (!row) return problemResponse(c, 404, NOT_FOUND) as never;
    return c.json(toDashboard(row, actor), 200);
  })
  .openapi(deleteRoute, async (c) => {
    const actor = actorOf(c);
    const { id } = c.req.valid('param');
    const [gone] = await c.var.db
      .delete(dashboards)
      .where(and(eq(dashboards.id, id), visibleTo(actor.userId)))
      .returning({ id: dashboards.id });
    if (!gone) return problemResponse(c, 404, NOT_FOUND) as never;
    return c.body(null, 204);
  });
