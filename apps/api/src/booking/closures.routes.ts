import { z } from '@hono/zod-openapi';
import {
  booking,
  closureListQuery,
  closureTargetInput,
  targetedClosure,
} from '@lakou/domain/booking';
import { centreScope } from '@lakou/domain/identity';
import { idParam, paginated } from '@lakou/domain/shared';
import { and, asc, eq, gt, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/client.ts';
import {
  bookings,
  centreClosures,
  centres,
  resourceClosures,
  resources,
} from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { type ApiEnv, contextRouter } from '../http/router.ts';
import { LIVE_STATUSES, toBooking } from './bookings.queries.ts';
import { centreOfResource } from './resources.queries.ts';

const TAGS = ['Réservations'];
const denied = DENIED_RESPONSES;
const isUuid = (v: unknown): v is string => typeof v === 'string' && z.uuid().safeParse(v).success;

/** The centre a new closure concerns: named, or the resource's. */
async function bodyTargetCentre(c: Context<ApiEnv>) {
  try {
    const body = (await c.req.json()) as { centreId?: unknown; resourceId?: unknown };
    if (isUuid(body.resourceId))
      return { centreId: await centreOfResource(c.var.db, body.resourceId) };
    return { centreId: isUuid(body.centreId) ? body.centreId.toLowerCase() : undefined };
  } catch {
    return { centreId: undefined };
  }
}

async function findClosure(db: Pick<Db, 'select'>, id: string) {
  const [ofCentre] = await db.select().from(centreClosures).where(eq(centreClosures.id, id));
  if (ofCentre) return { kind: 'centre' as const, closure: { ...ofCentre, resourceId: null } };
  const [ofResource] = await db
    .select({
      id: resourceClosures.id,
      centreId: resources.centreId,
      resourceId: resourceClosures.resourceId,
      startsOn: resourceClosures.startsOn,
      endsOn: resourceClosures.endsOn,
      reason: resourceClosures.reason,
    })
    .from(resourceClosures)
    .innerJoin(resources, eq(resources.id, resourceClosures.resourceId))
    .where(eq(resourceClosures.id, id));
  return ofResource ? { kind: 'resource' as const, closure: ofResource } : undefined;
}

async function pathClosureCentre(c: Context<ApiEnv>) {
  const id = c.req.param('id') ?? '';
  return { centreId: isUuid(id) ? (await findClosure(c.var.db, id))?.closure.centreId : undefined };
}

const listRoute = guardedRoute({
  policy: requires('booking.read', (c) => ({ centreId: c.req.query('centreId') })),
  method: 'get',
  path: '/closures',
  tags: TAGS,
  summary: 'Closures of centres and of resources, in the reader’s centres, by start',
  request: { query: closureListQuery },
  responses: {
    200: {
      description: 'A page of closures',
      content: { 'application/json': { schema: paginated(targetedClosure) } },
    },
    400: problemContent('Invalid filter'),
    ...denied,
  },
});

const createRoute = guardedRoute({
  policy: requires('centre.manage', bodyTargetCentre),
  method: 'post',
  path: '/closures',
  tags: TAGS,
  summary: 'Close a centre or a resource for a period; lists the live bookings that fall in it',
  request: {
    body: { required: true, content: { 'application/json': { schema: closureTargetInput } } },
  },
  responses: {
    201: {
      description: 'Created, with the bookings to move or cancel',
      content: {
        'application/json': {
          schema: z.object({ closure: targetedClosure, bookingsInPeriod: z.array(booking) }),
        },
      },
    },
    400: problemContent('Invalid input'),
    409: problemContent('The centre already has a closure over exactly this period'),
    ...denied,
  },
});

const deleteRoute = guardedRoute({
  policy: requires('centre.manage', pathClosureCentre),
  method: 'delete',
  path: '/closures/{id}',
  tags: TAGS,
  summary: 'Remove a closure',
  request: { params: idParam },
  responses: {
    204: { description: 'Removed' },
    400: problemContent('The id is not a UUID'),
    404: problemContent('No such closure'),
    ...denied,
  },
});

export const closuresRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const actor = c.var.actor;
    const scope = actor ? centreScope(actor, 'booking.read') : [];
    const inScope = (
      col: typeof centreClosures.centreId | typeof resources.centreId,
    ): SQL | undefined =>
      scope === 'all' ? undefined : scope.length ? inArray(col, [...scope]) : sql`false`;
    const fromDay = q.from ?? '0001-01-01';
    const centreRows = q.resourceId
      ? []
      : await c.var.db
          .select({
            id: centreClosures.id,
            centreId: centreClosures.centreId,
            startsOn: centreClosures.startsOn,
            endsOn: centreClosures.endsOn,
            reason: centreClosures.reason,
          })
          .from(centreClosures)
          .where(
            and(
              inScope(centreClosures.centreId),
              q.centreId ? eq(centreClosures.centreId, q.centreId) : undefined,
              gte(centreClosures.endsOn, fromDay),
            ),
          );
    const resourceRows = await c.var.db
      .select({
        id: resourceClosures.id,
        centreId: resources.centreId,
        resourceId: resourceClosures.resourceId,
        startsOn: resourceClosures.startsOn,
        endsOn: resourceClosures.endsOn,
        reason: resourceClosures.reason,
      })
      .from(resourceClosures)
      .innerJoin(resources, eq(resources.id, resourceClosures.resourceId))
      .where(
        and(
          inScope(resources.centreId),
          q.centreId ? eq(resources.centreId, q.centreId) : undefined,
          q.resourceId ? eq(resourceClosures.resourceId, q.resourceId) : undefined,
          gte(resourceClosures.endsOn, fromDay),
        ),
      )
      .orderBy(asc(resourceClosures.startsOn));
    const all = [...centreRows.map((r) => ({ ...r, resourceId: null })), ...resourceRows].sort(
      (a, b) => a.startsOn.localeCompare(b.startsOn) || a.id.localeCompare(b.id),
    );
    const start = (q.page - 1) * q.pageSize;
    return c.json(
      {
        items: all.slice(start, start + q.pageSize),
        page: q.page,
        pageSize: q.pageSize,
        total: all.length,
      },
      200,
    );
  })
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    const centreId = input.resourceId
      ? await centreOfResource(c.var.db, input.resourceId)
      : input.centreId;
    const [centre] = centreId
      ? await c.var.db
          .select({ id: centres.id, timeZone: centres.timeZone })
          .from(centres)
          .where(eq(centres.id, centreId))
      : [];
    if (!centre) {
      const field = input.resourceId ? 'resourceId' : 'centreId';
      return problemResponse(c, 400, 'Ce centre ou cette ressource n’existe pas.', {
        errors: [{ field, message: 'Introuvable.' }],
      }) as never;
    }
    const made = await c.var.db.transaction(async (tx) => {
      let closure: z.infer<typeof targetedClosure>;
      if (input.resourceId) {
        const [row] = await tx
          .insert(resourceClosures)
          .values({
            resourceId: input.resourceId,
            startsOn: input.startsOn,
            endsOn: input.endsOn,
            reason: input.reason,
          })
          .returning();
        if (!row) throw new Error('closure insert returned no row');
        closure = {
          id: row.id,
          centreId: centre.id,
          resourceId: row.resourceId,
          startsOn: String(row.startsOn),
          endsOn: String(row.endsOn),
          reason: row.reason,
        };
      } else {
        const [row] = await tx
          .insert(centreClosures)
          .values({
            centreId: centre.id,
            startsOn: input.startsOn,
            endsOn: input.endsOn,
            reason: input.reason,
          })
          .onConflictDoNothing()
          .returning();
        if (!row) return undefined;
        closure = { ...row, resourceId: null };
      }
      await recordAudit(tx, c, {
        action: 'closure.create',
        entity: 'closure',
        entityId: closure.id,
        after: closure,
      });
      return closure;
    });
    if (!made)
      return problemResponse(
        c,
        409,
        'Ce centre est déjà fermé sur exactement cette période.',
      ) as never;
    // The live bookings that now fall in the closure: the manager moves or cancels them.
    const from = Temporal.PlainDate.from(made.startsOn).toZonedDateTime({
      timeZone: centre.timeZone,
    });
    const to = Temporal.PlainDate.from(made.endsOn)
      .add({ days: 1 })
      .toZonedDateTime({ timeZone: centre.timeZone });
    const hit = await c.var.db
      .select()
      .from(bookings)
      .where(
        and(
          made.resourceId
            ? eq(bookings.resourceId, made.resourceId)
            : eq(bookings.centreId, centre.id),
          inArray(bookings.status, [...LIVE_STATUSES]),
          lt(bookings.startsAt, new Date(to.epochMilliseconds)),
          gt(bookings.endsAt, new Date(from.epochMilliseconds)),
        ),
      )
      .orderBy(asc(bookings.startsAt));
    return c.json({ closure: made, bookingsInPeriod: hit.map((row) => toBooking(row)) }, 201);
  })
  .openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    const removed = await c.var.db.transaction(async (tx) => {
      const found = await findClosure(tx, id);
      if (!found) return false;
      if (found.kind === 'centre') await tx.delete(centreClosures).where(eq(centreClosures.id, id));
      else await tx.delete(resourceClosures).where(eq(resourceClosures.id, id));
      await recordAudit(tx, c, {
        action: 'closure.delete',
        entity: 'closure',
        entityId: id,
        before: found.closure,
      });
      return true;
    });
    return removed
      ? c.body(null, 204)
      : (problemResponse(c, 404, 'Cette fermeture n’existe pas.') as never);
  });
