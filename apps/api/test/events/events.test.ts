import { FREE_TARIFF } from '@lakou/domain/booking';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEmails } from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { call, engines, json, seededApp, signIn } from '../harness.ts';

interface Reg {
  id: string;
  name: string;
  status: string;
  position: number | null;
  attendance: string | null;
  cancelUrl?: string;
}

describe.each(engines)('events, registrations and the waiting list (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let manager: string;
  let kourouStaff: string;
  let centreId: string;
  let room: string;
  let kindId: string;
  let slot = 0;

  /** A new booking of the test room, one hour on its own day in 2027 (Cayenne time). */
  async function book(): Promise<string> {
    // Weekdays only: the room keeps the centre's opening hours.
    slot++;
    let date = new Date(Date.UTC(2027, 2, 1 + slot));
    while (date.getUTCDay() === 0 || date.getUTCDay() === 6) {
      slot++;
      date = new Date(Date.UTC(2027, 2, 1 + slot));
    }
    const day = date.toISOString().slice(0, 10);
    const res = await call(ctx.app, 'POST', '/api/bookings', {
      cookie: manager,
      body: {
        resourceId: room,
        start: `${day}T10:00:00-03:00`,
        end: `${day}T11:00:00-03:00`,
        organiser: { kind: 'user', name: 'Georges' },
        purpose: 'Atelier',
        headcount: 10,
        audience: 'centre_programme',
      },
    });
    expect(res.status).toBe(201);
    return (await json<{ id: string }>(res)).id;
  }

  async function newEvent(extra: Record<string, unknown> = {}) {
    const res = await call(ctx.app, 'POST', '/api/events', {
      cookie: manager,
      body: {
        kindId,
        title: 'Atelier vélo',
        bookingIds: [await book()],
        capacity: 2,
        public: true,
        ...extra,
      },
    });
    expect(res.status).toBe(201);
    return json<{ id: string; capacity: number; seatsTaken: number; start: string }>(res);
  }

  const register = (eventId: string, body: Record<string, unknown>, cookie?: string) =>
    call(ctx.app, 'POST', `/api/events/${eventId}/registrations`, { cookie, body });

  const registrations = async (eventId: string) =>
    (
      await json<{ items: Reg[] }>(
        await call(ctx.app, 'GET', `/api/events/${eventId}/registrations`, { cookie: manager }),
      )
    ).items;

  beforeAll(async () => {
    ctx = await seededApp(kind);
    manager = await signIn(ctx.app, 'gestion@lakou.test', DEMO_PASSWORD);
    kourouStaff = await signIn(ctx.app, 'accueil.kourou@lakou.test', DEMO_PASSWORD);
    const centres = await json<{ items: { id: string; slug: string }[] }>(
      await call(ctx.app, 'GET', '/api/centres'),
    );
    centreId = centres.items.find((c) => c.slug === 'cayenne-village-chinois')?.id ?? '';
    room = (
      await json<{ id: string }>(
        await call(ctx.app, 'POST', '/api/resources', {
          cookie: manager,
          body: { centreId, kind: 'room', name: 'Salle Awara', capacity: 30, tariff: FREE_TARIFF },
        }),
      )
    ).id;
    const kinds = await json<{ items: { id: string; key: string }[] }>(
      await call(ctx.app, 'GET', '/api/event-kinds'),
    );
    expect(kinds.items.map((k) => k.key)).toContain('cafe-rencontre');
    kindId = kinds.items.find((k) => k.key === 'atelier')?.id ?? '';
  });
  afterAll(() => ctx.database.dispose());

  it('fills past capacity into a waiting list, and promotes the next person (with an email) when someone cancels', async () => {
    const event = await newEvent();
    const a = await register(event.id, { name: 'Alix' });
    expect(a.status).toBe(201);
    const first = await json<Reg>(a);
    expect(first).toMatchObject({ status: 'registered', position: null });
    expect(first.cancelUrl).toMatch(/\/inscriptions\/annuler\?jeton=lkr_/);
    await register(event.id, { name: 'Bintou' }, manager);
    const third = await json<Reg>(
      await register(event.id, { name: 'Chloé', email: 'chloe@example.org' }),
    );
    expect(third).toMatchObject({ status: 'waitlisted', position: 1 });
    const fourth = await json<Reg>(await register(event.id, { name: 'Dimitri' }));
    expect(fourth).toMatchObject({ status: 'waitlisted', position: 2 });

    const cancelled = await call(
      ctx.app,
      'POST',
      `/api/events/${event.id}/registrations/${first.id}/cancel`,
      { cookie: manager },
    );
    expect(cancelled.status).toBe(200);
    const after = await registrations(event.id);
    expect(after.map((r) => [r.name, r.status, r.position])).toEqual([
      ['Alix', 'cancelled', null],
      ['Bintou', 'registered', null],
      ['Chloé', 'registered', null],
      ['Dimitri', 'waitlisted', 1],
    ]);
    const mails = await ctx.database.db
      .select({ kind: outboxEmails.kind, subject: outboxEmails.subject })
      .from(outboxEmails)
      .where(eq(outboxEmails.toAddress, 'chloe@example.org'));
    expect(mails.map((m) => m.kind).sort()).toEqual(['registration', 'waitlist-promotion']);
    const shown = await json<{ seatsTaken: number; waiting: number }>(
      await call(ctx.app, 'GET', `/api/events/${event.id}`),
    );
    expect(shown).toMatchObject({ seatsTaken: 2, waiting: 1 });
  });

  it('gives exactly the capacity when many people register at once', async () => {
    const event = await newEvent({ capacity: 5 });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => register(event.id, { name: `Personne ${i}` })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const list = await registrations(event.id);
    expect(list.filter((r) => r.status === 'registered')).toHaveLength(5);
    const positions = list.filter((r) => r.status === 'waitlisted').map((r) => r.position);
    expect(positions).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it('raising the capacity promotes; lowering it under the seats given is refused', async () => {
    const event = await newEvent({ capacity: 1 });
    await register(event.id, { name: 'Un' });
    await register(event.id, { name: 'Deux' });
    const renamed = await call(ctx.app, 'PATCH', `/api/events/${event.id}`, {
      cookie: manager,
      body: { title: 'Atelier vélo (complet)', capacity: 1 },
    });
    expect(renamed.status).toBe(200);
    const raised = await call(ctx.app, 'PATCH', `/api/events/${event.id}`, {
      cookie: manager,
      body: { capacity: 2 },
    });
    expect(raised.status).toBe(200);
    expect((await registrations(event.id)).map((r) => r.status)).toEqual([
      'registered',
      'registered',
    ]);
    const tooLow = await call(ctx.app, 'PATCH', `/api/events/${event.id}`, {
      cookie: manager,
      body: { capacity: 1 },
    });
    expect(tooLow.status).toBe(422);
    const problem = await json<{ detail: string; errors: { field: string }[] }>(tooLow);
    expect(problem.detail).toMatch(/2 places sont déjà/);
    expect(problem.errors.map((e) => e.field)).toEqual(['capacity']);
  });

  it('marks attendance of registered people only, and counts those who came without registering', async () => {
    const event = await newEvent({ capacity: 1 });
    const yes = await json<Reg>(await register(event.id, { name: 'Présente' }));
    const waiting = await json<Reg>(await register(event.id, { name: 'En attente' }));
    const mark = (id: string, attendance: string | null) =>
      call(ctx.app, 'PATCH', `/api/events/${event.id}/registrations/${id}`, {
        cookie: manager,
        body: { attendance },
      });
    expect((await mark(waiting.id, 'present')).status).toBe(422);
    const marked = await mark(yes.id, 'present');
    expect(marked.status).toBe(200);
    expect((await json<Reg>(marked)).attendance).toBe('present');
    expect((await mark(yes.id, 'maybe')).status).toBe(400);
    const counted = await call(ctx.app, 'PATCH', `/api/events/${event.id}`, {
      cookie: manager,
      body: { anonymousHeadcount: 14 },
    });
    expect(await json(counted)).toMatchObject({ anonymousHeadcount: 14, attended: 1 });
    expect(
      (
        await call(ctx.app, 'PATCH', `/api/events/${event.id}`, {
          cookie: manager,
          body: { anonymousHeadcount: -1 },
        })
      ).status,
    ).toBe(400);
  });

  it('lets a visitor free their place with the secret link, once', async () => {
    const event = await newEvent({ capacity: 1 });
    const mine = await json<Reg>(await register(event.id, { name: 'Visiteuse' }));
    await register(event.id, { name: 'Suivant' });
    const token = new URL(mine.cancelUrl ?? '').searchParams.get('jeton');
    const res = await call(ctx.app, 'POST', '/api/registrations/cancel', { body: { token } });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ eventTitle: 'Atelier vélo' });
    expect((await registrations(event.id)).map((r) => r.status)).toEqual([
      'cancelled',
      'registered',
    ]);
    const again = await call(ctx.app, 'POST', '/api/registrations/cancel', { body: { token } });
    expect(again.status).toBe(200);
    const unknown = await call(ctx.app, 'POST', '/api/registrations/cancel', {
      body: { token: `lkr_${'x'.repeat(32)}` },
    });
    expect(unknown.status).toBe(404);
  });

  it('keeps internal events from visitors and other centres, and refuses bad input in French', async () => {
    const internal = await newEvent({ public: false, title: 'Réunion interne' });
    expect((await call(ctx.app, 'GET', `/api/events/${internal.id}`)).status).toBe(404);
    expect((await register(internal.id, { name: 'Intrus' })).status).toBe(404);
    const anonymousList = await json<{ items: { id: string }[] }>(
      await call(
        ctx.app,
        'GET',
        `/api/events?centreId=${centreId}&from=2027-02-01T00:00:00Z&pageSize=100`,
      ),
    );
    expect(anonymousList.items.map((e) => e.id)).not.toContain(internal.id);
    const teamList = await json<{ items: { id: string }[] }>(
      await call(
        ctx.app,
        'GET',
        `/api/events?centreId=${centreId}&from=2027-02-01T00:00:00Z&pageSize=100`,
        {
          cookie: manager,
        },
      ),
    );
    expect(teamList.items.map((e) => e.id)).toContain(internal.id);
    expect(
      (
        await call(ctx.app, 'GET', `/api/events/${internal.id}`, {
          cookie: kourouStaff,
        })
      ).status,
    ).toBe(404);

    const bad = await register(internal.id, { name: 'X', email: 'pas-une-adresse' }, manager);
    expect(bad.status).toBe(400);
    const problem = await json<{ errors: { field: string; message: string }[] }>(bad);
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['email', 'name']);
    const duplicate = await call(ctx.app, 'POST', '/api/events', {
      cookie: manager,
      body: {
        kindId,
        title: 'Doublon',
        bookingIds: ['pas-un-uuid'],
        capacity: 3,
      },
    });
    expect(duplicate.status).toBe(400);
    const otherCentre = await call(ctx.app, 'POST', '/api/events', {
      cookie: kourouStaff,
      body: { kindId, title: 'Pas chez moi', bookingIds: [await book()], capacity: 3 },
    });
    expect(otherCentre.status).toBe(403);
  });

  it('refuses a booking that already serves an event, and cancels an event telling its registrants', async () => {
    const bookingId = await book();
    const body = { kindId, title: 'Concert', bookingIds: [bookingId], capacity: 3, public: true };
    const made = await call(ctx.app, 'POST', '/api/events', { cookie: manager, body });
    expect(made.status).toBe(201);
    const event = await json<{ id: string }>(made);
    const again = await call(ctx.app, 'POST', '/api/events', { cookie: manager, body });
    expect(again.status).toBe(409);
    await register(event.id, { name: 'Fan', email: 'fan@example.org' });
    const cancel = await call(ctx.app, 'POST', `/api/events/${event.id}/cancel`, {
      cookie: manager,
      body: { reason: 'Artiste malade' },
    });
    expect(await json(cancel)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Artiste malade',
    });
    const mails = await ctx.database.db
      .select({ kind: outboxEmails.kind, body: outboxEmails.bodyText })
      .from(outboxEmails)
      .where(eq(outboxEmails.toAddress, 'fan@example.org'));
    expect(mails.find((m) => m.kind === 'event-cancelled')?.body).toContain('Artiste malade');
    expect((await register(event.id, { name: 'Trop tard' })).status).toBe(422);
  });

  it('publishes the public agenda as iCalendar, at the right local times in Cayenne and Paris', async () => {
    const event = await newEvent({ title: 'Soirée contes', capacity: 20 });
    const internal = await newEvent({ title: 'Réunion d’équipe', public: false });
    const res = await call(ctx.app, 'GET', `/api/centres/${centreId}/agenda.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    const vevents = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(vevents.some((v) => v.uid.startsWith(internal.id))).toBe(false);
    const mine = vevents.find((v) => v.uid.startsWith(event.id));
    expect(mine?.summary).toBe('Soirée contes');
    const start = mine?.startDate.toJSDate() ?? new Date(0);
    const local = (timeZone: string) =>
      new Intl.DateTimeFormat('fr-FR', { timeZone, hour: '2-digit', minute: '2-digit' }).format(
        start,
      );
    // Booked 10:00 in Cayenne in March: 14:00 in Paris (UTC+1 until the end of March).
    expect(local('America/Cayenne')).toBe('10:00');
    expect(local('Europe/Paris')).toBe('14:00');
    // The seed's nightly café de rencontre is there too, one VEVENT per evening.
    const cafes = vevents.filter((v) => v.summary === 'Café de rencontre');
    expect(cafes.length).toBeGreaterThan(10);
    expect(
      new Intl.DateTimeFormat('fr-FR', {
        timeZone: 'America/Cayenne',
        hour: '2-digit',
        minute: '2-digit',
      }).format(cafes[0]?.startDate.toJSDate()),
    ).toBe('18:00');
    expect((await call(ctx.app, 'GET', `/api/centres/${room}/agenda.ics`)).status).toBe(404);
  });
});
