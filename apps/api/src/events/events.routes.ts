import { z } from '@hono/zod-openapi';
import type { CustomFieldDefinition } from '@lakou/domain/config';
import {
  describeEventTime,
  event,
  eventCancel,
  eventExportQuery,
  eventInput,
  eventKind,
  eventListQuery,
  eventPatch,
} from '@lakou/domain/events';
import { can, centreScope } from '@lakou/domain/identity';
import { idParam, paginated } from '@lakou/domain/shared';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { recordAudit } from '../audit/record.ts';
import { LIVE_STATUSES } from '../booking/bookings.queries.ts';
import { networkOrganisation, organisationOfCentre } from '../config/custom-fields.queries.ts';
import {
  activeDefinitionsOf,
  checkCustomValues,
  customValuesProblem,
  definitionsFor,
  storeCustomValues,
} from '../config/custom-values.ts';
import { itemAccepted } from '../config/lists.queries.ts';
import type { Db } from '../db/client.ts';
import { sqlState } from '../db/errors.ts';
import {
  bookings,
  centres,
  eventBookings,
  eventKinds,
  eventRegistrations,
  events,
  partners,
} from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, PUBLIC, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { type ApiEnv, contextRouter } from '../http/router.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { eventCancelledEmail } from '../mail/templates.ts';
import { eventsCsv } from './events.files.ts';
import {
  type CustomListQuery,
  centreOfEvent,
  eventsStartingIn,
  findEvent,
  listEvents,
} from './events.queries.ts';
import { lockEvent, settleWaitingList } from './registrations.queries.ts';

const TAGS = ['Événements'];
const denied = DENIED_RESPONSES;

export async function pathEventCentre(c: Context<ApiEnv>) {
  const id = c.req.param('id') ?? '';
  return {
    centreId: z.uuid().safeParse(id).success ? await centreOfEvent(c.var.db, id) : undefined,
  };
}

/**
 * The centre of the first booking named in the body. When the body names no valid booking, a
 * centre the asker works in stands in, so that the team gets a 400 for bad input and others a 403;
 * the handler checks the real centre of every booking again.
 */
async function bodyBookingCentre(c: Context<ApiEnv>) {
  const fallback = {
    centreId:
      c.var.actor?.assignments.find(
        (a) => a.centreId !== null && (a.role === 'manager' || a.role === 'staff'),
      )?.centreId ?? undefined,
  };
  try {
    const body = (await c.req.json()) as { bookingIds?: unknown };
    const id = Array.isArray(body.bookingIds) ? body.bookingIds[0] : undefined;
    if (typeof id !== 'string' || !z.uuid().safeParse(id).success) return fallback;
    const [row] = await c.var.db
      .select({ centreId: bookings.centreId })
      .from(bookings)
      .where(eq(bookings.id, id));
    return row ? { centreId: row.centreId } : fallback;
  } catch {
    return fallback;
  }
}

/** Whether the asker may see an event that is not public: the people of its centre. */
export function seesInternal(c: Context<ApiEnv>, centreId: string): boolean {
  const actor = c.var.actor;
  return actor !== null && can(actor, 'booking.read', { centreId });
}

/** The centre's name and address, for emails. Pass `tx` when inside a transaction (PGlite has one connection). */
export const eventWhere = async (db: Pick<Db, 'select'>, ev: { centreId: string }) => {
  const [centre] = await db
    .select({ name: centres.name, street: centres.street, city: centres.city })
    .from(centres)
    .where(eq(centres.id, ev.centreId));
  return centre ? `${centre.name}, ${centre.street}, ${centre.city}` : '';
};

/** The event's kind was merged or retired while the event was being created. */
class KindWithdrawn extends Error {}

const kindsRoute = guardedRoute({
  policy: PUBLIC,
  method: 'get',
  path: '/event-kinds',
  tags: TAGS,
  summary: 'The kinds of events of the network (data, not code)',
  responses: {
    200: {
      description: 'Kinds, by name',
      content: { 'application/json': { schema: z.object({ items: z.array(eventKind) }) } },
    },
  },
});

const listRoute = guardedRoute({
  policy: PUBLIC,
  method: 'get',
  path: '/events',
  tags: TAGS,
  summary:
    'Upcoming events by start: the public ones for everyone, and the internal ones of the reader’s centres',
  request: { query: eventListQuery },
  responses: {
    200: {
      description: 'A page of events',
      content: { 'application/json': { schema: paginated(event) } },
    },
    400: problemContent('Invalid filter'),
  },
});

const exportRoute = guardedRoute({
  policy: requires('booking.read', (c) => ({ centreId: c.req.query('centreId') })),
  method: 'get',
  path: '/events/export.csv',
  tags: TAGS,
  summary: 'The events of a period, as CSV (UTF-8 with BOM, `;`), with one column per custom field',
  description:
    'Events starting between `from` and `to` (days in the centre’s time, both included) in the centres the reader works in, or in `centreId`. The custom field columns are those that apply in `centreId` (without it: every active event field of the network), headed by their French label. Content-Disposition: attachment `evenements-<from>-<to>.csv`.',
  request: { query: eventExportQuery },
  responses: {
    200: { description: 'The events', content: { 'text/csv': { schema: z.string() } } },
    400: problemContent('Missing or invalid dates'),
    ...denied,
  },
});

const getRoute = guardedRoute({
  policy: PUBLIC,
  method: 'get',
  path: '/events/{id}',
  tags: TAGS,
  summary: 'One event (an internal one only for the people of its centre)',
  request: { params: idParam },
  responses: {
    200: { description: 'The event', content: { 'application/json': { schema: event } } },
    400: problemContent('The id is not a UUID'),
    404: problemContent('No such event, or not visible to you'),
  },
});

const createRoute = guardedRoute({
  policy: requires('booking.write', bodyBookingCentre),
  method: 'post',
  path: '/events',
  tags: TAGS,
  summary: 'Create an event on bookings already made in one centre',
  request: { body: { required: true, content: { 'application/json': { schema: eventInput } } } },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: event } } },
    400: problemContent('Invalid input'),
    409: problemContent('A booking already serves another event'),
    422: problemContent('Bookings of several centres, cancelled, or an unknown kind or partner'),
    ...denied,
  },
});

const patchRoute = guardedRoute({
  policy: requires('booking.write', pathEventCentre),
  method: 'patch',
  path: '/events/{id}',
  tags: TAGS,
  summary:
    'Change an event: title, capacity (a larger one promotes the waiting list), visibility, anonymous headcount …',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: eventPatch } } },
  },
  responses: {
    200: { description: 'The event', content: { 'application/json': { schema: event } } },
    400: problemContent('Invalid input'),
    404: problemContent('No such event'),
    422: problemContent('Capacity below the seats already given, or the event is cancelled'),
    ...denied,
  },
});

const cancelRoute = guardedRoute({
  policy: requires('booking.write', pathEventCentre),
  method: 'post',
  path: '/events/{id}/cancel',
  tags: TAGS,
  summary: 'Cancel an event (its registrants with an email are told); its bookings stay',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: eventCancel } } },
  },
  responses: {
    200: { description: 'The event', content: { 'application/json': { schema: event } } },
    400: problemContent('Invalid input'),
    404: problemContent('No such event'),
    422: problemContent('Already cancelled'),
    ...denied,
  },
});

class Refusal extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    message: string,
    /** The input field the refusal is about, for the form to show it there. */
    readonly field?: string,
  ) {
    super(message);
  }
}

const CUSTOM_PARAM = /^custom\.([a-z][a-z0-9_]{0,39})$/;

/**
 * The `sort=custom.<key>` and `custom.<key>=<value>` parameters of the list, checked against the
 * active event fields of the network: an unknown key, or a value of the wrong form, is a 400.
 * They only look at the events of the reader's centres (the values of others are not theirs to
 * see): a filter keeps none of the others, a sort puts them with the events without a value.
 */
async function customListQuery(
  c: Context<ApiEnv>,
  sort: string | undefined,
  order: 'asc' | 'desc',
): Promise<
  { ok: true; query: CustomListQuery } | { ok: false; errors: { field: string; message: string }[] }
> {
  const raw = c.req.query();
  const params = Object.entries(raw).filter(([name]) => name.startsWith('custom.'));
  const sortKey = sort?.startsWith('custom.') ? sort.slice('custom.'.length) : undefined;
  if (!params.length && !sortKey) return { ok: true, query: { filters: [] } };
  const organisationId = await networkOrganisation(c.var.db);
  const defs = organisationId ? await activeDefinitionsOf(c.var.db, organisationId, 'event') : [];
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const errors: { field: string; message: string }[] = [];
  const query: CustomListQuery = { filters: [] };
  const unknown = (key: string) => `Champ personnalisé inconnu : ${key}.`;
  if (sortKey) {
    const def = byKey.get(sortKey);
    if (def) query.sort = { def, order };
    else errors.push({ field: 'sort', message: unknown(sortKey) });
  }
  for (const [name, value] of params) {
    const key = CUSTOM_PARAM.exec(name)?.[1];
    const def = key ? byKey.get(key) : undefined;
    if (!def) {
      errors.push({ field: name, message: unknown(name.slice('custom.'.length)) });
      continue;
    }
    const problem = filterProblem(def, value);
    if (problem) errors.push({ field: name, message: problem });
    else query.filters.push({ def, value });
  }
  return errors.length ? { ok: false, errors } : { ok: true, query };
}

/** Why a filter value does not suit its field, or null. */
function filterProblem(def: CustomFieldDefinition, value: string): string | null {
  const label = `« ${def.labelFr} »`;
  switch (def.type) {
    case 'single_choice':
    case 'multiple_choice':
      return def.options.some((o) => o.key === value)
        ? null
        : `${label} : choix inconnu (${def.options.map((o) => o.key).join(', ')}).`;
    case 'yes_no':
      return value === 'true' || value === 'false' ? null : `${label} : true ou false attendu.`;
    case 'number':
      return value.trim() !== '' && Number.isFinite(Number(value))
        ? null
        : `${label} : nombre attendu.`;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : `${label} : date AAAA-MM-JJ attendue.`;
    default:
      return value.length > 0 && value.length <= 200
        ? null
        : `${label} : texte de 1 à 200 caractères attendu.`;
  }
}

export const eventsRoutes = contextRouter()
  .openapi(kindsRoute, async (c) => {
    const rows = await c.var.db
      .select({
        id: eventKinds.id,
        key: eventKinds.key,
        label: eventKinds.label,
        active: eventKinds.active,
      })
      .from(eventKinds)
      .orderBy(asc(eventKinds.position), asc(eventKinds.label));
    return c.json({ items: rows }, 200);
  })
  .openapi(exportRoute, async (c) => {
    const query = c.req.valid('query');
    const actor = c.var.actor;
    const db = c.var.db;
    const scope = actor ? centreScope(actor, 'booking.read') : [];
    const organisationId = query.centreId
      ? await organisationOfCentre(db, query.centreId)
      : await networkOrganisation(db);
    const fields = !organisationId
      ? []
      : query.centreId
        ? await definitionsFor(db, organisationId, 'event', query.centreId)
        : await activeDefinitionsOf(db, organisationId, 'event');
    const { items } = await eventsStartingIn(db, { ...query, scope });
    await recordAudit(db, c, {
      action: 'event.export',
      entity: 'event',
      entityId: query.centreId ?? null,
      after: { ...query, centreId: query.centreId ?? null, format: 'csv', lines: items.length },
    });
    return c.body(eventsCsv(items, fields), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="evenements-${query.from}-${query.to}.csv"`,
    });
  })
  .openapi(listRoute, async (c) => {
    const actor = c.var.actor;
    const query = c.req.valid('query');
    const scope = actor ? centreScope(actor, 'booking.read') : [];
    const custom = await customListQuery(c, query.sort, query.order ?? 'asc');
    if (!custom.ok) {
      return problemResponse(c, 400, 'Certaines valeurs envoyées sont invalides.', {
        type: 'urn:lakou:problem:validation',
        errors: custom.errors,
      }) as never;
    }
    const page = await listEvents(c.var.db, query, { scope }, new Date(), custom.query);
    // Custom values are the centre's notes: shown to its people only.
    const sees = (centreId: string) => scope === 'all' || scope.includes(centreId);
    return c.json(
      { ...page, items: page.items.map((e) => (sees(e.centreId) ? e : { ...e, custom: {} })) },
      200,
    );
  })
  .openapi(getRoute, async (c) => {
    const found = await findEvent(c.var.db, c.req.valid('param').id);
    if (!found || (!found.public && !seesInternal(c, found.centreId))) {
      return problemResponse(c, 404, 'Cet événement n’existe pas.') as never;
    }
    // Custom values are the centre's notes: visitors of the public agenda do not see them.
    return c.json(seesInternal(c, found.centreId) ? found : { ...found, custom: {} }, 200);
  })
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    const db = c.var.db;
    const rows = await db
      .select({
        id: bookings.id,
        centreId: bookings.centreId,
        status: bookings.status,
        start: bookings.startsAt,
        end: bookings.endsAt,
        organisationId: centres.organisationId,
      })
      .from(bookings)
      .innerJoin(centres, eq(centres.id, bookings.centreId))
      .where(inArray(bookings.id, input.bookingIds));
    const missing = input.bookingIds.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length) {
      return problemResponse(c, 422, 'Une des réservations choisies n’existe pas.', {
        errors: [{ field: 'bookingIds', message: `Réservation inconnue : ${missing.join(', ')}.` }],
      }) as never;
    }
    const centreIds = new Set(rows.map((r) => r.centreId));
    if (centreIds.size > 1) {
      return problemResponse(
        c,
        422,
        'Les réservations d’un événement sont toutes dans le même centre.',
        {
          errors: [{ field: 'bookingIds', message: 'Réservations de plusieurs centres.' }],
        },
      ) as never;
    }
    const dead = rows.filter((r) => !(LIVE_STATUSES as readonly string[]).includes(r.status));
    if (dead.length) {
      return problemResponse(
        c,
        422,
        'Une réservation annulée ou passée ne peut pas porter un événement.',
        {
          errors: [{ field: 'bookingIds', message: 'Réservation annulée ou non venue.' }],
        },
      ) as never;
    }
    const first = rows[0];
    if (!first) throw new Error('no booking row');
    const centreId = first.centreId;
    const actor = c.var.actor;
    if (!actor || !can(actor, 'booking.write', { centreId })) {
      return problemResponse(c, 403, 'Votre rôle ne permet pas cette action.', {
        code: 'FORBIDDEN',
      }) as never;
    }
    const [kind] = await db
      .select()
      .from(eventKinds)
      .where(
        and(eq(eventKinds.id, input.kindId), eq(eventKinds.organisationId, first.organisationId)),
      );
    if (!kind?.active) {
      return problemResponse(c, 422, 'Ce type d’événement n’existe pas ou n’est plus proposé.', {
        errors: [{ field: 'kindId', message: 'Type d’événement inconnu.' }],
      }) as never;
    }
    if (input.partnerId) {
      const [partner] = await db
        .select({ id: partners.id })
        .from(partners)
        .where(eq(partners.id, input.partnerId));
      if (!partner) {
        return problemResponse(c, 422, 'Ce partenaire n’existe pas.', {
          errors: [{ field: 'partnerId', message: 'Partenaire inconnu.' }],
        }) as never;
      }
    }
    const custom = checkCustomValues(
      await definitionsFor(db, first.organisationId, 'event', centreId),
      input.custom,
      'create',
    );
    if (!custom.ok) return customValuesProblem(c, custom) as never;
    const startsAt = new Date(Math.min(...rows.map((r) => r.start.getTime())));
    const endsAt = new Date(Math.max(...rows.map((r) => r.end.getTime())));
    try {
      const id = await db.transaction(async (tx) => {
        // The kind, locked FOR SHARE until the event is written: a merge of it waits, then
        // moves this event too; a kind merged or retired meanwhile is refused.
        if (!(await itemAccepted(tx, 'event_kind', kind.key))) throw new KindWithdrawn();
        const [row] = await tx
          .insert(events)
          .values({
            centreId,
            kindId: kind.id,
            title: input.title,
            description: input.description,
            capacity: input.capacity,
            public: input.public,
            registrationOpen: input.registrationOpen,
            partnerId: input.partnerId,
            basicNeeds: input.basicNeeds,
            custom: custom.values,
            startsAt,
            endsAt,
            createdBy: c.var.principal?.id ?? null,
          })
          .returning({ id: events.id });
        if (!row) throw new Error('event insert returned no row');
        await tx
          .insert(eventBookings)
          .values(input.bookingIds.map((bookingId) => ({ eventId: row.id, bookingId })));
        const made = await findEvent(tx, row.id);
        await recordAudit(tx, c, {
          action: 'event.create',
          entity: 'event',
          entityId: row.id,
          after: made,
        });
        return row.id;
      });
      const made = await findEvent(db, id);
      return c.json(made as z.infer<typeof event>, 201);
    } catch (error) {
      if (error instanceof KindWithdrawn) {
        return problemResponse(c, 422, 'Ce type d’événement n’existe pas ou n’est plus proposé.', {
          errors: [{ field: 'kindId', message: 'Type d’événement inconnu.' }],
        }) as never;
      }
      if (sqlState(error) === '23505') {
        return problemResponse(c, 409, 'Une des réservations porte déjà un autre événement.', {
          errors: [{ field: 'bookingIds', message: 'Réservation déjà utilisée.' }],
        }) as never;
      }
      throw error;
    }
  })
  .openapi(patchRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { custom: customSent, ...patch } = c.req.valid('json');
    const before = await findEvent(c.var.db, id);
    if (!before) return problemResponse(c, 404, 'Cet événement n’existe pas.') as never;
    let accepted: Record<string, unknown> | undefined;
    if (customSent !== undefined) {
      const organisationId = await organisationOfCentre(c.var.db, before.centreId);
      const checked = checkCustomValues(
        organisationId
          ? await definitionsFor(c.var.db, organisationId, 'event', before.centreId)
          : [],
        customSent,
        'update',
      );
      if (!checked.ok) return customValuesProblem(c, checked) as never;
      accepted = checked.values;
    }
    const where = await eventWhere(c.var.db, before);
    try {
      await c.var.db.transaction(async (tx) => {
        const locked = await lockEvent(tx, id);
        if (!locked) throw new Refusal(404, 'Cet événement n’existe pas.');
        if (
          locked.status === 'cancelled' &&
          (accepted !== undefined || Object.keys(patch).some((k) => k !== 'anonymousHeadcount'))
        ) {
          throw new Refusal(422, 'Cet événement est annulé : il ne se modifie plus.');
        }
        if (patch.capacity !== undefined) {
          const [taken] = await tx
            .select({
              seats: sql<number>`coalesce(sum(${eventRegistrations.seats}), 0)`.mapWith(Number),
            })
            .from(eventRegistrations)
            .where(
              and(eq(eventRegistrations.eventId, id), eq(eventRegistrations.status, 'registered')),
            );
          if ((taken?.seats ?? 0) > patch.capacity) {
            throw new Refusal(
              422,
              `${taken?.seats} places sont déjà attribuées : la capacité ne peut pas descendre en dessous. Annulez d’abord des inscriptions.`,
              'capacity',
            );
          }
        }
        if (patch.partnerId) {
          const [partner] = await tx
            .select({ id: partners.id })
            .from(partners)
            .where(eq(partners.id, patch.partnerId));
          if (!partner) throw new Refusal(422, 'Ce partenaire n’existe pas.', 'partnerId');
        }
        const [updated] = await tx
          .update(events)
          .set({
            ...patch,
            ...(accepted !== undefined
              ? { custom: storeCustomValues(locked.custom, accepted) }
              : {}),
            updatedAt: sql`now()`,
          })
          .where(eq(events.id, id))
          .returning();
        if (!updated) throw new Refusal(404, 'Cet événement n’existe pas.');
        await settleWaitingList(tx, updated, {
          when: describeEventTime(before.start, before.end, before.timeZone),
          where,
        });
        await recordAudit(tx, c, {
          action: 'event.update',
          entity: 'event',
          entityId: id,
          before,
          after: await findEvent(tx, id),
        });
      });
    } catch (error) {
      if (error instanceof Refusal) {
        return problemResponse(c, error.status, error.message, {
          ...(error.field ? { errors: [{ field: error.field, message: error.message }] } : {}),
        }) as never;
      }
      throw error;
    }
    c.var.onEmailQueued();
    return c.json((await findEvent(c.var.db, id)) as z.infer<typeof event>, 200);
  })
  .openapi(cancelRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    const before = await findEvent(c.var.db, id);
    if (!before) return problemResponse(c, 404, 'Cet événement n’existe pas.') as never;
    if (before.status === 'cancelled') {
      return problemResponse(c, 422, 'Cet événement est déjà annulé.') as never;
    }
    const where = await eventWhere(c.var.db, before);
    await c.var.db.transaction(async (tx) => {
      await lockEvent(tx, id);
      await tx
        .update(events)
        .set({ status: 'cancelled', cancelReason: reason, updatedAt: sql`now()` })
        .where(eq(events.id, id));
      const people = await tx
        .select({ name: eventRegistrations.name, email: eventRegistrations.email })
        .from(eventRegistrations)
        .where(
          and(
            eq(eventRegistrations.eventId, id),
            inArray(eventRegistrations.status, ['registered', 'waitlisted']),
          ),
        );
      for (const p of people) {
        if (p.email) {
          await enqueueEmail(
            tx,
            eventCancelledEmail(
              { email: p.email, name: p.name },
              {
                title: before.title,
                when: describeEventTime(before.start, before.end, before.timeZone),
                where,
              },
              reason,
            ),
          );
        }
      }
      await recordAudit(tx, c, {
        action: 'event.cancel',
        entity: 'event',
        entityId: id,
        before,
        after: { ...before, status: 'cancelled', cancelReason: reason },
      });
    });
    c.var.onEmailQueued();
    return c.json((await findEvent(c.var.db, id)) as z.infer<typeof event>, 200);
  });
