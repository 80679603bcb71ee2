import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { call, engines, json, seededApp, signIn } from '../harness.ts';

interface Booking {
  id: string;
  start: string;
  end: string;
  status: string;
  priceCents: number;
  cancelReason: string | null;
}
interface Problem {
  detail: string;
  code?: string;
  conflicts?: Booking[];
  errors?: { field: string; message: string }[];
}

/** Tuesday 8 December 2026 in Cayenne (UTC−3), inside the centre's morning opening. */
const at = (hhmm: string, day = '2026-12-08') => `${day}T${hhmm}:00-03:00`;

describe.each(engines)('bookings (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let manager: string;
  let staff: string;
  let room: string;
  let approvalRoom: string;

  const booking = (start: string, end: string, extra: Record<string, unknown> = {}) => ({
    resourceId: room,
    start,
    end,
    organiser: { kind: 'partner', name: 'Mission Locale' },
    purpose: 'Atelier CV',
    headcount: 8,
    basicNeeds: [],
    audience: 'association',
    ...extra,
  });

  beforeAll(async () => {
    ctx = await seededApp(kind);
    manager = await signIn(ctx.app, 'gestion@lakou.test', DEMO_PASSWORD);
    staff = await signIn(ctx.app, 'accueil.kourou@lakou.test', DEMO_PASSWORD);
    const centres = await json<{ items: { id: string; slug: string }[] }>(
      await call(ctx.app, 'GET', '/api/centres'),
    );
    const villageChinois = centres.items.find((c) => c.slug === 'cayenne-village-chinois')?.id;
    const tariff = {
      hourlyCents: { member: 500, qpv_resident: 200, association: 1500, company: 4000 },
      flatFeeCents: 0,
    };
    const create = async (name: string, extra: Record<string, unknown>) =>
      (
        await json<{ id: string }>(
          await call(ctx.app, 'POST', '/api/resources', {
            cookie: manager,
            body: { centreId: villageChinois, kind: 'room', name, capacity: 12, tariff, ...extra },
          }),
        )
      ).id;
    room = await create('Salle Maripa', { bufferMinutes: 15 });
    approvalRoom = await create('Salle du conseil', { requiresApproval: true });
  });
  afterAll(() => ctx.database.dispose());

  it('books a slot, priced by the domain from the tariff and the audience', async () => {
    const res = await call(ctx.app, 'POST', '/api/bookings', {
      cookie: manager,
      body: booking(at('08:00'), at('09:30')),
    });
    expect(res.status).toBe(201);
    const made = await json<Booking>(res);
    expect(made.status).toBe('confirmed');
    expect(new Date(made.start).toISOString()).toBe('2026-12-08T11:00:00.000Z');
    // 1 h 30 for an association at 15 €/h.
    expect(made.priceCents).toBe(2250);
  });

  it('answers 409 naming the booking that holds the slot, buffer included, and stores nothing', async () => {
    const overlapping = await call(ctx.app, 'POST', '/api/bookings', {
      cookie: manager,
      body: booking(at('09:00'), at('10:00')),
    });
    expect(overlapping.status).toBe(409);
    const problem = await json<Problem>(overlapping);
    expect(problem.code).toBe('BOOKING_CONFLICT');
    expect(problem.conflicts?.map((b) => b.start)).toEqual(['2026-12-08T11:00:00.000Z']);
    expect(problem.detail).toContain('déjà pris');
    const inBuffer = await call(ctx.app, 'POST', '/api/bookings', {
      cookie: manager,
      body: booking(at('09:40'), at('10:30')),
    });
    expect(inBuffer.status).toBe(409);
    const afterBuffer = await call(ctx.app, 'POST', '/api/bookings', {
      cookie: manager,
      body: booking(at('09:45'), at('10:30')),
    });
    expect(afterBuffer.status).toBe(201);
    const list = await json<{ total: number }>(
      await call(ctx.app, 'GET', `/api/bookings?resourceId=${room}`, { cookie: manager }),
    );
    expect(list.total).toBe(2);
  });

  it('refuses what breaks the resource’s rules with French reasons: capacity, closed hours, closures', async () => {
    const crowded = await call(ctx.app, 'POST', '/api/bookings', {
      cookie: manager,
      body: booking(at('11:00'), at('12:00'), { headcount: 30 }),
    });
    expect(crowded.status).toBe(422);
    expect((await json<Problem>(crowded)).errors?.[0]).toEqual({
      field: 'headcount',
      message: '30 personnes, pour une capacité de 12.',
    });
    const lunch = await call(ctx.app, 'POST', '/api/bookings', {
      cookie: manager,
      body: booking(at('12:30'), at('13:30')),
    });
    expect(lunch.status).toBe(422);
    const christmas = await call(ctx.app, 'POST', '/api/bookings', {
      cookie: manager,
      body: booking(at('09:00', '2026-12-28'), at('10:00', '2026-12-28')),
    });
    expect(christmas.status).toBe(422);
    expect((await json<Problem>(christmas)).detail).toMatch(/fin d’année/);
  });

  it('keeps a request waiting for a manager’s approval, and only a manager may approve it', async () => {
    // The facilitator of the centre may read but not book; staff of another centre may do neither.
    const fromStaff = await call(ctx.app, 'POST', '/api/bookings', {
      cookie: staff,
      body: booking(at('15:00'), at('16:00'), { resourceId: approvalRoom }),
    });
    expect(fromStaff.status).toBe(403);
    const made = await json<Booking>(
      await call(ctx.app, 'POST', '/api/bookings', {
        cookie: manager,
        body: booking(at('15:00'), at('16:00'), { resourceId: approvalRoom }),
      }),
    );
    // The manager approves by booking: no need to wait for themself.
    expect(made.status).toBe('confirmed');
    const cancelled = await call(ctx.app, 'POST', `/api/bookings/${made.id}/events`, {
      cookie: manager,
      body: { type: 'cancel' },
    });
    expect(cancelled.status).toBe(400);
    const withReason = await json<Booking>(
      await call(ctx.app, 'POST', `/api/bookings/${made.id}/events`, {
        cookie: manager,
        body: { type: 'cancel', reason: 'Salle inondée' },
      }),
    );
    expect(withReason.status).toBe('cancelled');
    expect(withReason.cancelReason).toBe('Salle inondée');
    const again = await call(ctx.app, 'POST', `/api/bookings/${made.id}/events`, {
      cookie: manager,
      body: { type: 'check_in' },
    });
    expect(again.status).toBe(422);
    expect((await json<Problem>(again)).detail).toContain('annulée');
    // The cancelled booking frees its slot.
    const rebook = await call(ctx.app, 'POST', '/api/bookings', {
      cookie: manager,
      body: booking(at('15:00'), at('16:00'), { resourceId: approvalRoom }),
    });
    expect(rebook.status).toBe(201);
  });

  it('lets exactly one of 50 concurrent requests for the same slot through: one 201, 49 409', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        call(ctx.app, 'POST', '/api/bookings', {
          cookie: manager,
          body: booking(at('17:00'), at('18:00')),
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const page = await json<{ items: Booking[] }>(
      await call(
        ctx.app,
        'GET',
        `/api/bookings?resourceId=${room}&from=${encodeURIComponent(at('16:59'))}&to=${encodeURIComponent(at('18:01'))}`,
        { cookie: manager },
      ),
    );
    expect(page.items).toHaveLength(1);
  });

  it('moves a booking with the same checks as a new one, and the price follows', async () => {
    const made = await json<Booking>(
      await call(ctx.app, 'POST', '/api/bookings', {
        cookie: manager,
        body: booking(at('08:00', '2026-12-09'), at('09:00', '2026-12-09')),
      }),
    );
    await call(ctx.app, 'POST', '/api/bookings', {
      cookie: manager,
      body: booking(at('10:00', '2026-12-09'), at('11:00', '2026-12-09')),
    });
    const onto = await call(ctx.app, 'PATCH', `/api/bookings/${made.id}`, {
      cookie: manager,
      body: { start: at('09:30', '2026-12-09'), end: at('10:30', '2026-12-09') },
    });
    expect(onto.status).toBe(409);
    const longer = await call(ctx.app, 'PATCH', `/api/bookings/${made.id}`, {
      cookie: manager,
      body: { start: at('08:00', '2026-12-09'), end: at('09:45', '2026-12-09') },
    });
    expect(longer.status).toBe(200);
    const moved = await json<Booking>(longer);
    expect(moved.end).toBe('2026-12-09T12:45:00.000Z');
    // 1 h 45 is billed as 2 h (per started half hour) at 15 €/h.
    expect(moved.priceCents).toBe(3000);
    await call(ctx.app, 'POST', `/api/bookings/${made.id}/events`, {
      cookie: manager,
      body: { type: 'cancel', reason: 'Report' },
    });
    const cancelledMove = await call(ctx.app, 'PATCH', `/api/bookings/${made.id}`, {
      cookie: manager,
      body: { start: at('08:00', '2026-12-10'), end: at('09:00', '2026-12-10') },
    });
    expect(cancelledMove.status).toBe(422);
  });
});
