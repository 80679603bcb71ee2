import { z } from '@hono/zod-openapi';
import {
  booking,
  bookingEvent,
  bookingInput,
  bookingListQuery,
  bookingPatch,
  findConflicts,
  holdsSlot,
  initialStatus,
  type Resource,
  transition,
} from '@lakou/domain/booking';
import { can, centreScope } from '@lakou/domain/identity';
import { idParam, paginated, problem } from '@lakou/domain/shared';
import { eq, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { recordAudit } from '../audit/record.ts';
import { customValuesProblem, storeCustomValues } from '../config/custom-values.ts';
import { checkNewRow, checkPatch, networkDefinitions } from '../config/row-custom.ts';
import { sqlState } from '../db/errors.ts';
import { bookings } from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { PROBLEM_CONTENT_TYPE, problemContent, problemResponse } from '../http/problem.ts';
import { type ApiEnv, contextRouter } from '../http/router.ts';
import {
  centreOfBooking,
  findBooking,
  listBookings,
  liveBookingsAround,
  toBooking,
} from './bookings.queries.ts';
import {
  audienceRetired,
  bookingRuleProblems,
  type CheckedCustom,
  conflictResponse,
  insertBooking,
  lockResource,
  moveBookingInTransaction,
  RETIRED_AUDIENCE,
  SlotTaken,
  updateBookingCustom,
} from './bookings.write.ts';
import { findResource } from './resources.queries.ts';

const TAGS = ['Réservations'];
const denied = DENIED_RESPONSES;

const conflictProblem = problem
  .extend({ conflicts: z.array(booking).describe('The bookings that hold the slot.') })
  .meta({ id: 'BookingConflict' });

/** The resource the policy read for a request, that its handler reads no more. */
const resourceRead = new WeakMap<Request, { id: string; resource: Resource | undefined }>();

/** The centre of the resource named in the body (the whole resource is kept for the handler). */
async function bodyResourceCentre(c: Context<ApiEnv>) {
  try {
    const body = (await c.req.json()) as { resourceId?: unknown };
    const id = typeof body.resourceId === 'string' ? body.resourceId : '';
    if (!z.uuid().safeParse(id).success) return { centreId: undefined };
    const resource = await findResource(c.var.db, id);
    resourceRead.set(c.req.raw, { id, resource });
    return { centreId: resource?.centreId };
  } catch {
    return { centreId: undefined };
  }
}

/** The resource of the request's body: as the policy read it, else from the database. */
async function resourceOfBody(c: Context<ApiEnv>, id: string) {
  const read = resourceRead.get(c.req.raw);
  return read?.id === id ? read.resource : findResource(c.var.db, id);
}

async function pathBookingCentre(c: Context<ApiEnv>) {
  const id = c.req.param('id') ?? '';
  return {
    centreId: z.uuid().safeParse(id).success ? await centreOfBooking(c.var.db, id) : undefined,
  };
}

const listRoute = guardedRoute({
  policy: requires('booking.read', (c) => ({ centreId: c.req.query('centreId') })),
  method: 'get',
  path: '/bookings',
  tags: TAGS,
  summary:
    'Bookings of the reader’s centres, by start; filter by centre, resource, status and period',
  request: { query: bookingListQuery },
  responses: {
    200: {
      description: 'A page of bookings',
      content: { 'application/json': { schema: paginated(booking) } },
    },
    400: problemContent('Invalid filter'),
    ...denied,
  },
});

const getRoute = guardedRoute({
  policy: requires('booking.read', pathBookingCentre),
  method: 'get',
  path: '/bookings/{id}',
  tags: TAGS,
  summary: 'One booking',
  request: { params: idParam },
  responses: {
    200: { description: 'The booking', content: { 'application/json': { schema: booking } } },
    400: problemContent('The id is not a UUID'),
    404: problemContent('No such booking'),
    ...denied,
  },
});

const createRoute = guardedRoute({
  policy: requires('booking.write', bodyResourceCentre),
  method: 'post',
  path: '/bookings',
  tags: TAGS,
  summary:
    'Book a resource over [start, end) (ISO 8601 with offset). Never overlaps another live booking, buffer included: 409 names the conflicting ones.',
  request: { body: { required: true, content: { 'application/json': { schema: bookingInput } } } },
  responses: {
    201: {
      description: 'Booked (confirmed, or requested when the resource needs approval)',
      content: { 'application/json': { schema: booking } },
    },
    400: problemContent('Invalid input'),
    409: {
      description: 'The slot is taken',
      content: { [PROBLEM_CONTENT_TYPE]: { schema: conflictProblem } },
    },
    422: problemContent('Breaks a rule of the resource (capacity, duration, hours, closure)'),
    ...denied,
  },
});

const eventRoute = guardedRoute({
  policy: requires('booking.write', pathBookingCentre),
  method: 'post',
  path: '/bookings/{id}/events',
  tags: TAGS,
  summary:
    'Move a booking on: confirm (approve; managers), check_in, mark_no_show, cancel (with a reason)',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: bookingEvent } } },
  },
  responses: {
    200: {
      description: 'The booking after the event',
      content: { 'application/json': { schema: booking } },
    },
    400: problemContent('Invalid input'),
    404: problemContent('No such booking'),
    409: {
      description: 'Checking in again a slot taken since',
      content: { [PROBLEM_CONTENT_TYPE]: { schema: conflictProblem } },
    },
    422: problemContent('Not possible from the booking’s status'),
    ...denied,
  },
});

const moveRoute = guardedRoute({
  policy: requires('booking.write', pathBookingCentre),
  method: 'patch',
  path: '/bookings/{id}',
  tags: TAGS,
  summary:
    'Move or resize a live booking: same checks as a new one (rules, hours, closures, conflicts); the price follows. Custom values change too (only the keys sent; null erases), whatever the status.',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: bookingPatch } } },
  },
  responses: {
    200: { description: 'Changed', content: { 'application/json': { schema: booking } } },
    400: problemContent('Invalid input, or a custom value the centre’s fields refuse'),
    404: problemContent('No such booking'),
    409: {
      description: 'The new slot is taken',
      content: { [PROBLEM_CONTENT_TYPE]: { schema: conflictProblem } },
    },
    422: problemContent('Breaks a rule of the resource, or the booking is no longer live'),
    ...denied,
  },
});

export const bookingsRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const actor = c.var.actor;
    const scope = actor ? centreScope(actor, 'booking.read') : [];
    const defs = await networkDefinitions(c.var.db, 'booking');
    return c.json(await listBookings(c.var.db, c.req.valid('query'), scope, defs), 200);
  })
  .openapi(getRoute, async (c) => {
    const defs = await networkDefinitions(c.var.db, 'booking');
    const found = await findBooking(c.var.db, c.req.valid('param').id, defs);
    return found
      ? c.json(found, 200)
      : (problemResponse(c, 404, 'Cette réservation n’existe pas.') as never);
  })
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    const resource = await resourceOfBody(c, input.resourceId);
    if (!resource) {
      return problemResponse(c, 400, 'Cette ressource n’existe pas.', {
        errors: [{ field: 'resourceId', message: 'Cette ressource n’existe pas.' }],
      }) as never;
    }
    const [{ defs, check }, ruleProblems, retired] = await Promise.all([
      checkNewRow(c.var.db, 'booking', resource.centreId, input.custom),
      bookingRuleProblems(c.var.db, resource, input),
      audienceRetired(c.var.db, resource.centreId, input.audience),
    ]);
    if (!check.ok) return customValuesProblem(c, check) as never;
    const problems = retired ? [...ruleProblems, RETIRED_AUDIENCE] : ruleProblems;
    if (problems.length) {
      return problemResponse(c, 422, problems.map((p) => p.message).join(' '), {
        errors: problems,
      }) as never;
    }
    const actor = c.var.actor;
    const approves =
      actor !== null && can(actor, 'booking.approve', { centreId: resource.centreId });
    const status = approves ? 'confirmed' : initialStatus(resource);
    try {
      const created = await c.var.db.transaction((tx) =>
        insertBooking(tx, c, resource, input, status, { values: check.values, defs }),
      );
      return c.json(created, 201);
    } catch (error) {
      if (error instanceof SlotTaken) return conflictResponse(c, error.conflicts) as never;
      if (sqlState(error) === '23P01') {
        const now = await liveBookingsAround(
          c.var.db,
          resource.id,
          new Date(input.start),
          new Date(input.end),
        );
        return conflictResponse(c, findConflicts(input, now, resource.bufferMinutes)) as never;
      }
      throw error;
    }
  })
  .openapi(eventRoute, async (c) => {
    const { id } = c.req.valid('param');
    const event = c.req.valid('json');
    const defs = await networkDefinitions(c.var.db, 'booking');
    const before = await findBooking(c.var.db, id, defs);
    if (!before) return problemResponse(c, 404, 'Cette réservation n’existe pas.') as never;
    const actor = c.var.actor;
    if (
      event.type === 'confirm' &&
      !(actor && can(actor, 'booking.approve', { centreId: before.centreId }))
    ) {
      return problemResponse(c, 403, 'Seuls les responsables du centre valident une réservation.', {
        code: 'FORBIDDEN',
      }) as never;
    }
    const moved = transition(before.status, event);
    if (!moved.ok) return problemResponse(c, 422, moved.reason) as never;
    try {
      const after = await c.var.db.transaction(async (tx) => {
        await lockResource(tx, before.resourceId);
        const [row] = await tx
          .update(bookings)
          .set({ status: moved.status, cancelReason: moved.cancelReason, updatedAt: sql`now()` })
          .where(eq(bookings.id, id))
          .returning();
        if (!row) throw new Error('booking vanished');
        const updated = toBooking(row, defs);
        await recordAudit(tx, c, {
          action: `booking.${event.type}`,
          entity: 'booking',
          entityId: id,
          before,
          after: updated,
        });
        return updated;
      });
      return c.json(after, 200);
    } catch (error) {
      if (sqlState(error) === '23P01') {
        const now = await liveBookingsAround(
          c.var.db,
          before.resourceId,
          new Date(before.start),
          new Date(before.end),
        );
        return conflictResponse(
          c,
          now.filter((b) => b.id !== id),
        ) as never;
      }
      throw error;
    }
  })
  .openapi(moveRoute, async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const defs = await networkDefinitions(c.var.db, 'booking');
    const before = await findBooking(c.var.db, id, defs);
    if (!before) return problemResponse(c, 404, 'Cette réservation n’existe pas.') as never;
    let accepted: Record<string, unknown> | undefined;
    if (patch.custom !== undefined) {
      const { check } = await checkPatch(c.var.db, 'booking', before.centreId, patch.custom);
      if (!check.ok) return customValuesProblem(c, check) as never;
      accepted = check.values;
    }
    /** The stored values with the accepted ones, read in the write's transaction. */
    const mergedCustom = async (tx: Parameters<Parameters<typeof c.var.db.transaction>[0]>[0]) => {
      if (!accepted) return undefined;
      const [stored] = await tx
        .select({ custom: bookings.custom })
        .from(bookings)
        .where(eq(bookings.id, id));
      return { values: storeCustomValues(stored?.custom, accepted), defs } satisfies CheckedCustom;
    };
    if (patch.start === undefined || patch.end === undefined) {
      const after = await c.var.db.transaction(async (tx) => {
        const custom = await mergedCustom(tx);
        return custom ? updateBookingCustom(tx, c, before, custom) : before;
      });
      return c.json(after, 200);
    }
    const move = { start: patch.start, end: patch.end };
    if (!holdsSlot(before.status) || before.status === 'checked_in') {
      return problemResponse(
        c,
        422,
        'Seule une réservation en attente ou confirmée peut être déplacée.',
      ) as never;
    }
    const resource = await findResource(c.var.db, before.resourceId);
    if (!resource) return problemResponse(c, 404, 'Cette ressource n’existe plus.') as never;
    const start = new Date(move.start);
    const end = new Date(move.end);
    const problems = await bookingRuleProblems(c.var.db, resource, {
      ...move,
      headcount: before.headcount,
    });
    if (problems.length) {
      return problemResponse(c, 422, problems.map((p) => p.message).join(' '), {
        errors: problems,
      }) as never;
    }
    try {
      const after = await c.var.db.transaction(async (tx) =>
        moveBookingInTransaction(tx, c, resource, before, move, await mergedCustom(tx)),
      );
      return c.json(after, 200);
    } catch (error) {
      if (error instanceof SlotTaken) return conflictResponse(c, error.conflicts) as never;
      if (sqlState(error) === '23P01') {
        const now = (await liveBookingsAround(c.var.db, resource.id, start, end)).filter(
          (b) => b.id !== id,
        );
        return conflictResponse(c, findConflicts(move, now, resource.bufferMinutes)) as never;
      }
      throw error;
    }
  });
