import { createHash, randomBytes } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import {
  describeEventTime,
  placeRequest,
  registration,
  registrationCancelByToken,
  registrationInput,
  registrationListQuery,
  registrationPatch,
  waitingLine,
} from '@lakou/domain/events';
import { can } from '@lakou/domain/identity';
import { pageOffset, paginated, uuid } from '@lakou/domain/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { recordAudit } from '../audit/record.ts';
import { customValuesProblem, definitionsAt, storeCustomValues } from '../config/custom-values.ts';
import { checkNewRow, checkPatch } from '../config/row-custom.ts';
import { eventRegistrations } from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, PUBLIC, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { type ApiEnv, contextRouter } from '../http/router.ts';
import { countAttempt } from '../identity/auth-throttle.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { registrationEmail } from '../mail/templates.ts';
import { findEvent } from './events.queries.ts';
import { eventWhere, pathEventCentre, seesInternal } from './events.routes.ts';
import {
  asSeat,
  lockEvent,
  registrationsOf,
  settleWaitingList,
  toRegistration,
} from './registrations.queries.ts';

const TAGS = ['Événements'];
const denied = DENIED_RESPONSES;
const TOKEN_PREFIX = 'lkr_';
const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');
const regParams = z.object({ id: uuid, registrationId: uuid });

const listRoute = guardedRoute({
  policy: requires('booking.read', pathEventCentre),
  method: 'get',
  path: '/events/{id}/registrations',
  tags: TAGS,
  summary: 'Registrations of an event in the order people asked, with waiting-list positions',
  request: { params: z.object({ id: uuid }), query: registrationListQuery },
  responses: {
    200: {
      description: 'A page of registrations',
      content: { 'application/json': { schema: paginated(registration) } },
    },
    400: problemContent('Invalid input'),
    404: problemContent('No such event'),
    ...denied,
  },
});

const registered = registration
  .extend({
    cancelUrl: z.string().describe('Secret link to cancel; shown once, also sent by email.'),
  })
  .meta({ id: 'RegistrationReceipt' });

const createRoute = guardedRoute({
  policy: PUBLIC,
  method: 'post',
  path: '/events/{id}/registrations',
  tags: TAGS,
  summary:
    'Ask for places: anyone for a public event (no account), the centre’s team for any. Full → waiting list.',
  request: {
    params: z.object({ id: uuid }),
    body: { required: true, content: { 'application/json': { schema: registrationInput } } },
  },
  responses: {
    201: {
      description: 'Registered or waitlisted (see status and position)',
      content: { 'application/json': { schema: registered } },
    },
    400: problemContent('Invalid input'),
    404: problemContent('No such event, or not visible to you'),
    409: problemContent('This email is already registered for the event'),
    422: problemContent('Registrations closed, event cancelled or over'),
    429: problemContent('Too many registrations from this address'),
  },
});

const cancelRoute = guardedRoute({
  policy: requires('booking.write', pathEventCentre),
  method: 'post',
  path: '/events/{id}/registrations/{registrationId}/cancel',
  tags: TAGS,
  summary: 'Cancel a registration; the waiting list moves up at once (and is told by email)',
  request: { params: regParams },
  responses: {
    200: {
      description: 'The registration',
      content: { 'application/json': { schema: registration } },
    },
    400: problemContent('Invalid input'),
    404: problemContent('No such registration'),
    ...denied,
  },
});

const attendanceRoute = guardedRoute({
  policy: requires('booking.write', pathEventCentre),
  method: 'patch',
  path: '/events/{id}/registrations/{registrationId}',
  tags: TAGS,
  summary:
    'Mark attendance (present, absent, or null to clear) of a registered person, and/or change the registration’s custom values (only the keys sent; null erases)',
  request: {
    params: regParams,
    body: { required: true, content: { 'application/json': { schema: registrationPatch } } },
  },
  responses: {
    200: {
      description: 'The registration',
      content: { 'application/json': { schema: registration } },
    },
    400: problemContent('Invalid input, or a custom value the centre’s fields refuse'),
    404: problemContent('No such registration'),
    422: problemContent('Only a registered person (not waiting, not cancelled) is marked'),
    ...denied,
  },
});

const cancelByTokenRoute = guardedRoute({
  policy: PUBLIC,
  method: 'post',
  path: '/registrations/cancel',
  tags: TAGS,
  summary: 'A visitor frees their place with the secret link they were given',
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: registrationCancelByToken } },
    },
  },
  responses: {
    200: {
      description: 'Cancelled (or already so)',
      content: {
        'application/json': {
          schema: z.object({ registration, eventTitle: z.string(), eventId: uuid }),
        },
      },
    },
    400: problemContent('Invalid input'),
    404: problemContent('Unknown link'),
  },
});

class Refusal extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    message: string,
  ) {
    super(message);
  }
}

async function cancelRegistration(
  c: Context<ApiEnv>,
  where: { id: string } | { tokenHash: string },
) {
  return c.var.db.transaction(async (tx) => {
    const [target] = await tx
      .select()
      .from(eventRegistrations)
      .where(
        'id' in where
          ? eq(eventRegistrations.id, where.id)
          : eq(eventRegistrations.cancelTokenHash, where.tokenHash),
      );
    if (!target) throw new Refusal(404, 'Cette inscription n’existe pas.');
    const locked = await lockEvent(tx, target.eventId);
    if (!locked) throw new Refusal(404, 'Cet événement n’existe pas.');
    if (target.status === 'cancelled') return { row: target, event: locked };
    const [row] = await tx
      .update(eventRegistrations)
      .set({ status: 'cancelled', attendance: null, cancelledAt: sql`now()` })
      .where(eq(eventRegistrations.id, target.id))
      .returning();
    if (!row) throw new Error('registration vanished');
    const ev = await findEvent(tx, locked.id);
    const promoted = await settleWaitingList(tx, locked, {
      when: ev ? describeEventTime(ev.start, ev.end, ev.timeZone) : '',
      where: ev ? await eventWhere(tx, ev) : '',
    });
    await recordAudit(tx, c, {
      action: 'registration.cancel',
      entity: 'registration',
      entityId: row.id,
      before: toRegistration(target, null),
      after: { ...toRegistration(row, null), promoted },
    });
    return { row, event: locked };
  });
}

export const registrationsRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    const ev = await findEvent(c.var.db, id);
    if (!ev) return problemResponse(c, 404, 'Cet événement n’existe pas.') as never;
    const defs = await definitionsAt(c.var.db, 'registration', ev.centreId);
    const all = (await registrationsOf(c.var.db, id, defs)).filter(
      (r) => !query.status || r.status === query.status,
    );
    const offset = pageOffset(query);
    return c.json(
      {
        items: all.slice(offset, offset + query.pageSize),
        page: query.page,
        pageSize: query.pageSize,
        total: all.length,
      },
      200,
    );
  })
  .openapi(createRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const ev = await findEvent(c.var.db, id);
    if (!ev || (!ev.public && !seesInternal(c, ev.centreId))) {
      return problemResponse(c, 404, 'Cet événement n’existe pas.') as never;
    }
    const actor = c.var.actor;
    const staff = actor !== null && can(actor, 'booking.write', { centreId: ev.centreId });
    if (ev.status === 'cancelled') {
      return problemResponse(c, 422, 'Cet événement est annulé.') as never;
    }
    if (new Date(ev.end).getTime() <= Date.now()) {
      return problemResponse(c, 422, 'Cet événement est terminé.') as never;
    }
    if (!ev.registrationOpen && !staff) {
      return problemResponse(c, 422, 'Les inscriptions à cet événement sont fermées.') as never;
    }
    // The public form asks the same fields as the team's: the centre's registration fields.
    const { defs, check } = await checkNewRow(c.var.db, 'registration', ev.centreId, input.custom);
    if (!check.ok) return customValuesProblem(c, check) as never;
    if (!staff) {
      const verdict = await countAttempt(
        c.var.db,
        `register:${c.var.clientAddress}`,
        c.var.authLimits.registrationPerAddress,
      );
      if (!verdict.allowed) {
        c.header('Retry-After', String(verdict.retryAfter));
        return problemResponse(
          c,
          429,
          `Trop d’inscriptions depuis cette adresse. Réessayez dans ${Math.ceil(verdict.retryAfter / 60)} min.`,
        ) as never;
      }
    }
    const secret = `${TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`;
    const cancelUrl = `${c.var.publicUrl}/inscriptions/annuler?jeton=${secret}`;
    try {
      const made = await c.var.db.transaction(async (tx) => {
        const locked = await lockEvent(tx, id);
        if (!locked) throw new Refusal(404, 'Cet événement n’existe pas.');
        const live = await tx
          .select()
          .from(eventRegistrations)
          .where(
            and(
              eq(eventRegistrations.eventId, id),
              inArray(eventRegistrations.status, ['registered', 'waitlisted']),
            ),
          );
        if (
          input.email &&
          live.some((r) => r.email?.toLowerCase() === input.email?.toLowerCase())
        ) {
          throw new Refusal(
            409,
            'Cette adresse e-mail est déjà inscrite à cet événement. Pour changer le nombre de places, annulez puis inscrivez-vous à nouveau.',
          );
        }
        const status = placeRequest(locked.capacity, live.map(asSeat), input.seats);
        const [row] = await tx
          .insert(eventRegistrations)
          .values({
            eventId: id,
            name: input.name,
            email: input.email?.toLowerCase() ?? null,
            phone: input.phone,
            seats: input.seats,
            status,
            source: staff ? 'staff' : 'public',
            cancelTokenHash: hash(secret),
            custom: check.values,
          })
          .returning();
        if (!row) throw new Error('registration insert returned no row');
        const position =
          status === 'waitlisted' ? waitingLine([...live, row].map(asSeat)).length : null;
        const made = toRegistration(row, position, defs);
        if (row.email) {
          await enqueueEmail(
            tx,
            registrationEmail(
              { email: row.email, name: row.name },
              {
                title: ev.title,
                when: describeEventTime(ev.start, ev.end, ev.timeZone),
                where: await eventWhere(tx, ev),
              },
              { status, position, cancelLink: cancelUrl },
            ),
          );
        }
        await recordAudit(tx, c, {
          action: 'registration.create',
          entity: 'registration',
          entityId: row.id,
          after: made,
        });
        return made;
      });
      c.var.onEmailQueued();
      return c.json({ ...made, cancelUrl }, 201);
    } catch (error) {
      if (error instanceof Refusal) return problemResponse(c, error.status, error.message) as never;
      throw error;
    }
  })
  .openapi(cancelRoute, async (c) => {
    const { id, registrationId } = c.req.valid('param');
    try {
      const [found] = await c.var.db
        .select({ eventId: eventRegistrations.eventId })
        .from(eventRegistrations)
        .where(eq(eventRegistrations.id, registrationId));
      if (!found || found.eventId !== id) throw new Refusal(404, 'Cette inscription n’existe pas.');
      const { row, event } = await cancelRegistration(c, { id: registrationId });
      c.var.onEmailQueued();
      const defs = await definitionsAt(c.var.db, 'registration', event.centreId);
      const all = await registrationsOf(c.var.db, id, defs);
      return c.json(all.find((r) => r.id === row.id) ?? toRegistration(row, null, defs), 200);
    } catch (error) {
      if (error instanceof Refusal) return problemResponse(c, error.status, error.message) as never;
      throw error;
    }
  })
  .openapi(attendanceRoute, async (c) => {
    const { id, registrationId } = c.req.valid('param');
    const patch = c.req.valid('json');
    const [before] = await c.var.db
      .select()
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.id, registrationId), eq(eventRegistrations.eventId, id)));
    if (!before) return problemResponse(c, 404, 'Cette inscription n’existe pas.') as never;
    if (patch.attendance !== undefined && before.status !== 'registered') {
      return problemResponse(
        c,
        422,
        before.status === 'waitlisted'
          ? 'Cette personne est sur la liste d’attente : inscrivez-la d’abord (augmentez la capacité).'
          : 'Cette inscription est annulée.',
      ) as never;
    }
    const ev = await findEvent(c.var.db, id);
    if (!ev) return problemResponse(c, 404, 'Cet événement n’existe pas.') as never;
    const { defs, check } = await checkPatch(
      c.var.db,
      'registration',
      ev.centreId,
      patch.custom ?? {},
    );
    if (!check.ok) return customValuesProblem(c, check) as never;
    const after = await c.var.db.transaction(async (tx) => {
      const [stored] = await tx
        .select({ custom: eventRegistrations.custom })
        .from(eventRegistrations)
        .where(eq(eventRegistrations.id, registrationId))
        .for('update');
      const [row] = await tx
        .update(eventRegistrations)
        .set({
          ...(patch.attendance !== undefined ? { attendance: patch.attendance } : {}),
          ...(patch.custom !== undefined
            ? { custom: storeCustomValues(stored?.custom, check.values) }
            : {}),
        })
        .where(eq(eventRegistrations.id, registrationId))
        .returning();
      if (!row) throw new Error('registration vanished');
      await recordAudit(tx, c, {
        action: patch.attendance !== undefined ? 'registration.attendance' : 'registration.custom',
        entity: 'registration',
        entityId: row.id,
        before: toRegistration(before, null, defs),
        after: toRegistration(row, null, defs),
      });
      return toRegistration(row, null, defs);
    });
    return c.json(after, 200);
  })
  .openapi(cancelByTokenRoute, async (c) => {
    const { token } = c.req.valid('json');
    try {
      const { row, event } = await cancelRegistration(c, { tokenHash: hash(token) });
      c.var.onEmailQueued();
      return c.json(
        { registration: toRegistration(row, null), eventTitle: event.title, eventId: event.id },
        200,
      );
    } catch (error) {
      if (error instanceof Refusal) {
        return problemResponse(
          c,
          404,
          'Ce lien d’annulation n’est pas reconnu. Vérifiez qu’il est complet, ou contactez le centre.',
        ) as never;
      }
      throw error;
    }
  });
