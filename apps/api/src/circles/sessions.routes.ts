import { z } from '@hono/zod-openapi';
import { availabilityRequest, initialStatus, resourceAvailability } from '@lakou/domain/booking';
import {
  CONFIDENTIAL_PURPOSE,
  circleSession,
  isOpen,
  sessionAllowed,
  sessionInput,
  sessionMove,
} from '@lakou/domain/circles';
import { can } from '@lakou/domain/identity';
import { uuid } from '@lakou/domain/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { recordAudit } from '../audit/record.ts';
import { slotsOf } from '../booking/availability.queries.ts';
import { findBooking } from '../booking/bookings.queries.ts';
import {
  bookingRuleProblems,
  conflictResponse,
  insertBooking,
  lockResource,
  moveBookingInTransaction,
  SlotTaken,
} from '../booking/bookings.write.ts';
import { findResource } from '../booking/resources.queries.ts';
import { sqlState } from '../db/errors.ts';
import { bookings, circleSessions, resources } from '../db/schema/index.ts';
import { guardedRoute, HIDDEN_NOT_FOUND, HIDDEN_RESPONSES, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { type ApiEnv, contextRouter } from '../http/router.ts';
import { facilitatorsBusy, findCase, participantsOf, sessionsOf } from './circles.queries.ts';
import { pathCase } from './circles.routes.ts';

const TAGS = ['Cercles restauratifs'];
const caseParam = z.object({ id: uuid });
const sessionParams = z.object({ id: uuid, sessionId: uuid });
const hidden = HIDDEN_RESPONSES;
const BUSY =
  'Un des facilitateurs du dossier a déjà une séance à ce moment-là. Choisissez un autre créneau.';

const availabilityRoute = guardedRoute({
  policy: requires('circle.manage', pathCase, { hidden: true }),
  method: 'get',
  path: '/circles/{id}/availability',
  tags: TAGS,
  summary:
    'Free slots in rooms of the case’s centre, honouring the rooms’ bookings and the facilitators’ other sessions',
  request: { params: caseParam, query: availabilityRequest },
  responses: {
    200: {
      description: 'Slots per room',
      content: {
        'application/json': { schema: z.object({ items: z.array(resourceAvailability) }) },
      },
    },
    400: problemContent('Invalid query'),
    422: problemContent('A room of another centre'),
    ...hidden,
  },
});

const listRoute = guardedRoute({
  policy: requires('circle.read', pathCase, { hidden: true }),
  method: 'get',
  path: '/circles/{id}/sessions',
  tags: TAGS,
  summary: 'The pre-circles, circle and post-circles of a case, by time',
  request: { params: caseParam },
  responses: {
    200: {
      description: 'Sessions',
      content: { 'application/json': { schema: z.object({ items: z.array(circleSession) }) } },
    },
    400: problemContent('Invalid input'),
    ...hidden,
  },
});

const createRoute = guardedRoute({
  policy: requires('circle.manage', pathCase, { hidden: true }),
  method: 'post',
  path: '/circles/{id}/sessions',
  tags: TAGS,
  summary:
    'Schedule a session in a room of the centre: the room is booked through the booking engine as « Cercle (confidentiel) »',
  request: {
    params: caseParam,
    body: { required: true, content: { 'application/json': { schema: sessionInput } } },
  },
  responses: {
    201: { description: 'Scheduled', content: { 'application/json': { schema: circleSession } } },
    400: problemContent('Invalid input'),
    409: problemContent('The room or a facilitator is taken then'),
    422: problemContent('Not at this stage, a room of another centre, or a rule of the room'),
    ...hidden,
  },
});

const moveRoute = guardedRoute({
  policy: requires('circle.manage', pathCase, { hidden: true }),
  method: 'patch',
  path: '/circles/{id}/sessions/{sessionId}',
  tags: TAGS,
  summary: 'Reschedule a session: its booking moves with it',
  request: {
    params: sessionParams,
    body: { required: true, content: { 'application/json': { schema: sessionMove } } },
  },
  responses: {
    200: { description: 'Moved', content: { 'application/json': { schema: circleSession } } },
    400: problemContent('Invalid input'),
    409: problemContent('The room or a facilitator is taken then'),
    422: problemContent('Not scheduled any more, or a rule of the room'),
    ...hidden,
  },
});

const statusRoute = guardedRoute({
  policy: requires('circle.manage', pathCase, { hidden: true }),
  method: 'post',
  path: '/circles/{id}/sessions/{sessionId}/{action}',
  tags: TAGS,
  summary: 'Record a session as held, or cancel it (its booking is freed)',
  request: {
    params: sessionParams.extend({
      action: z.enum(['held', 'cancel'], { error: 'Action attendue : held ou cancel.' }),
    }),
  },
  responses: {
    200: { description: 'The session', content: { 'application/json': { schema: circleSession } } },
    400: problemContent('Invalid input'),
    422: problemContent('Already cancelled or held'),
    ...hidden,
  },
});

/** The case, open, or the problem to answer. */
async function openCase(c: Context<ApiEnv>, id: string) {
  const found = await findCase(c.var.db, id);
  if (!found) return { problem: problemResponse(c, 404, HIDDEN_NOT_FOUND) };
  if (!isOpen(found.stage))
    return { problem: problemResponse(c, 422, 'Ce dossier est clos : il ne change plus.') };
  return { found };
}

export const sessionsRoutes = contextRouter()
  .openapi(availabilityRoute, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    const found = await findCase(c.var.db, id);
    if (!found) return problemResponse(c, 404, HIDDEN_NOT_FOUND) as never;
    const rows = await c.var.db
      .select()
      .from(resources)
      .where(inArray(resources.id, query.resourceIds));
    if (
      rows.length !== query.resourceIds.length ||
      rows.some((r) => r.centreId !== found.centreId)
    ) {
      return problemResponse(c, 422, 'Choisissez des salles du centre du dossier.') as never;
    }
    const busy = await facilitatorsBusy(c.var.db, id, new Date(query.from), new Date(query.to));
    const items = [];
    for (const resourceId of query.resourceIds) {
      const resource = await findResource(c.var.db, resourceId);
      if (resource)
        items.push({ resourceId, slots: await slotsOf(c.var.db, resource, query, busy) });
    }
    return c.json({ items }, 200);
  })
  .openapi(listRoute, async (c) => {
    const { id } = c.req.valid('param');
    const found = await findCase(c.var.db, id);
    if (!found) return problemResponse(c, 404, HIDDEN_NOT_FOUND) as never;
    const items = await sessionsOf(c.var.db, id);
    await recordAudit(c.var.db, c, {
      action: 'circle.sessions.read',
      entity: 'circle_case',
      entityId: id,
      after: { reference: found.reference, count: items.length },
    });
    return c.json({ items }, 200);
  })
  .openapi(createRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const { found, problem } = await openCase(c, id);
    if (!found) return problem as never;
    const notNow = sessionAllowed(found.stage, input.kind);
    if (notNow) return problemResponse(c, 422, notNow) as never;
    const resource = await findResource(c.var.db, input.resourceId);
    if (!resource || resource.centreId !== found.centreId) {
      return problemResponse(c, 422, 'Choisissez une salle du centre du dossier.', {
        errors: [{ field: 'resourceId', message: 'Salle d’un autre centre, ou inconnue.' }],
      }) as never;
    }
    const people = await participantsOf(c.var.db, id);
    const strangers = input.participantIds.filter((p) => !people.some((x) => x.id === p));
    if (strangers.length) {
      return problemResponse(c, 422, 'Une des personnes choisies ne fait pas partie du dossier.', {
        errors: [{ field: 'participantIds', message: 'Personne inconnue dans ce dossier.' }],
      }) as never;
    }
    const headcount = Math.max(
      2,
      (input.kind === 'pre_circle' ? input.participantIds.length : people.length) +
        found.facilitators.length,
    );
    const bookingInput = {
      resourceId: resource.id,
      start: input.start,
      end: input.end,
      organiser: { kind: 'user' as const, name: CONFIDENTIAL_PURPOSE },
      purpose: CONFIDENTIAL_PURPOSE,
      headcount,
      basicNeeds: [],
      audience: 'centre_programme' as const,
    };
    const problems = await bookingRuleProblems(c.var.db, resource, bookingInput);
    if (problems.length) {
      return problemResponse(c, 422, problems.map((p) => p.message).join(' '), {
        errors: problems,
      }) as never;
    }
    const actor = c.var.actor;
    const status =
      actor && can(actor, 'booking.approve', { centreId: resource.centreId })
        ? 'confirmed'
        : initialStatus(resource);
    try {
      const sessionId = await c.var.db.transaction(async (tx) => {
        // One facilitator's sessions are decided one at a time, across their cases.
        for (const f of found.facilitators) {
          await tx.execute(
            sql`select pg_advisory_xact_lock(hashtext(${`lakou:facilitator:${f.id}`}))`,
          );
        }
        const busy = await facilitatorsBusy(tx, id, new Date(input.start), new Date(input.end));
        if (busy.length) throw new FacilitatorBusy();
        const made = await insertBooking(tx, c, resource, bookingInput, status);
        const [row] = await tx
          .insert(circleSessions)
          .values({
            caseId: id,
            kind: input.kind,
            bookingId: made.id,
            resourceId: resource.id,
            startsAt: new Date(input.start),
            endsAt: new Date(input.end),
            participantIds: input.kind === 'pre_circle' ? input.participantIds : [],
          })
          .returning({ id: circleSessions.id });
        if (!row) throw new Error('session insert returned no row');
        await recordAudit(tx, c, {
          action: `circle.session.schedule`,
          entity: 'circle_case',
          entityId: id,
          after: { reference: found.reference, kind: input.kind, start: input.start },
        });
        return row.id;
      });
      const all = await sessionsOf(c.var.db, id);
      return c.json(all.find((s) => s.id === sessionId) as z.infer<typeof circleSession>, 201);
    } catch (error) {
      if (error instanceof FacilitatorBusy) return problemResponse(c, 409, BUSY) as never;
      if (error instanceof SlotTaken) return conflictResponse(c, error.conflicts) as never;
      if (sqlState(error) === '23P01') return conflictResponse(c, []) as never;
      throw error;
    }
  })
  .openapi(moveRoute, async (c) => {
    const { id, sessionId } = c.req.valid('param');
    const move = c.req.valid('json');
    const { found, problem } = await openCase(c, id);
    if (!found) return problem as never;
    const session = (await sessionsOf(c.var.db, id)).find((s) => s.id === sessionId);
    if (!session) return problemResponse(c, 404, 'Cette séance n’existe pas.') as never;
    if (session.status !== 'scheduled' || !session.bookingId) {
      return problemResponse(c, 422, 'Seule une séance prévue peut être déplacée.') as never;
    }
    const booking = await findBooking(c.var.db, session.bookingId);
    const resource = await findResource(c.var.db, session.resourceId);
    if (!booking || !resource)
      return problemResponse(c, 422, 'Sa réservation n’existe plus.') as never;
    const problems = await bookingRuleProblems(c.var.db, resource, {
      ...move,
      headcount: booking.headcount,
    });
    if (problems.length) {
      return problemResponse(c, 422, problems.map((p) => p.message).join(' '), {
        errors: problems,
      }) as never;
    }
    try {
      await c.var.db.transaction(async (tx) => {
        for (const f of found.facilitators) {
          await tx.execute(
            sql`select pg_advisory_xact_lock(hashtext(${`lakou:facilitator:${f.id}`}))`,
          );
        }
        const busy = await facilitatorsBusy(
          tx,
          id,
          new Date(move.start),
          new Date(move.end),
          sessionId,
        );
        if (busy.length) throw new FacilitatorBusy();
        await moveBookingInTransaction(tx, c, resource, booking, move);
        await tx
          .update(circleSessions)
          .set({ startsAt: new Date(move.start), endsAt: new Date(move.end) })
          .where(eq(circleSessions.id, sessionId));
        await recordAudit(tx, c, {
          action: 'circle.session.move',
          entity: 'circle_case',
          entityId: id,
          after: { reference: found.reference, kind: session.kind, start: move.start },
        });
      });
    } catch (error) {
      if (error instanceof FacilitatorBusy) return problemResponse(c, 409, BUSY) as never;
      if (error instanceof SlotTaken) return conflictResponse(c, error.conflicts) as never;
      if (sqlState(error) === '23P01') return conflictResponse(c, []) as never;
      throw error;
    }
    const all = await sessionsOf(c.var.db, id);
    return c.json(all.find((s) => s.id === sessionId) as z.infer<typeof circleSession>, 200);
  })
  .openapi(statusRoute, async (c) => {
    const { id, sessionId, action } = c.req.valid('param');
    const { found, problem } = await openCase(c, id);
    if (!found) return problem as never;
    const session = (await sessionsOf(c.var.db, id)).find((s) => s.id === sessionId);
    if (!session) return problemResponse(c, 404, 'Cette séance n’existe pas.') as never;
    if (session.status !== 'scheduled') {
      return problemResponse(
        c,
        422,
        session.status === 'held' ? 'Cette séance a déjà eu lieu.' : 'Cette séance est annulée.',
      ) as never;
    }
    await c.var.db.transaction(async (tx) => {
      if (action === 'cancel' && session.bookingId) {
        await lockResource(tx, session.resourceId);
        await tx
          .update(bookings)
          .set({
            status: 'cancelled',
            cancelReason: 'Séance de cercle annulée',
            updatedAt: sql`now()`,
          })
          .where(
            and(
              eq(bookings.id, session.bookingId),
              inArray(bookings.status, ['requested', 'confirmed']),
            ),
          );
      }
      await tx
        .update(circleSessions)
        .set({ status: action === 'cancel' ? 'cancelled' : 'held' })
        .where(eq(circleSessions.id, sessionId));
      await recordAudit(tx, c, {
        action: `circle.session.${action}`,
        entity: 'circle_case',
        entityId: id,
        after: { reference: found.reference, kind: session.kind },
      });
    });
    const all = await sessionsOf(c.var.db, id);
    return c.json(all.find((s) => s.id === sessionId) as z.infer<typeof circleSession>, 200);
  });

class FacilitatorBusy extends Error {}
