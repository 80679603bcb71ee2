import { FREE_TARIFF } from '@lakou/domain/booking';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { call, engines, json, seededApp, signIn } from '../harness.ts';

describe.each(engines)('closures of a centre or a resource (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let manager: string;
  let room: string;
  let bookingId: string;

  const bookOn = (day: string) =>
    call(ctx.app, 'POST', '/api/bookings', {
      cookie: manager,
      body: {
        resourceId: room,
        start: `${day}T09:00:00-03:00`,
        end: `${day}T10:00:00-03:00`,
        organiser: { kind: 'user', name: 'Georges' },
        purpose: 'Atelier numérique',
        headcount: 5,
        audience: 'centre_programme',
      },
    });

  beforeAll(async () => {
    ctx = await seededApp(kind);
    manager = await signIn(ctx.app, 'gestion@lakou.test', DEMO_PASSWORD);
    const centres = await json<{ items: { id: string; slug: string }[] }>(
      await call(ctx.app, 'GET', '/api/centres'),
    );
    const villageChinois = centres.items.find((c) => c.slug === 'cayenne-village-chinois')?.id;
    room = (
      await json<{ id: string }>(
        await call(ctx.app, 'POST', '/api/resources', {
          cookie: manager,
          body: {
            centreId: villageChinois,
            kind: 'room',
            name: 'Salle Wapa',
            capacity: 10,
            tariff: FREE_TARIFF,
          },
        }),
      )
    ).id;
    bookingId = (await json<{ id: string }>(await bookOn('2027-01-12'))).id;
  });
  afterAll(() => ctx.database.dispose());

  it('closes a room for works, names the booking that falls in the period, and then refuses bookings there', async () => {
    const res = await call(ctx.app, 'POST', '/api/closures', {
      cookie: manager,
      body: { resourceId: room, startsOn: '2027-01-11', endsOn: '2027-01-13', reason: 'Peinture' },
    });
    expect(res.status).toBe(201);
    const made = await json<{
      closure: { id: string; resourceId: string };
      bookingsInPeriod: { id: string }[];
    }>(res);
    expect(made.closure.resourceId).toBe(room);
    expect(made.bookingsInPeriod.map((b) => b.id)).toEqual([bookingId]);
    const refused = await bookOn('2027-01-13');
    expect(refused.status).toBe(422);
    expect((await json<{ detail: string }>(refused)).detail).toContain('Peinture');
    const list = await json<{ items: { id: string }[] }>(
      await call(ctx.app, 'GET', `/api/closures?resourceId=${room}`, { cookie: manager }),
    );
    expect(list.items.map((c) => c.id)).toEqual([made.closure.id]);
    const removed = await call(ctx.app, 'DELETE', `/api/closures/${made.closure.id}`, {
      cookie: manager,
    });
    expect(removed.status).toBe(204);
    expect((await bookOn('2027-01-13')).status).toBe(201);
  });

  it('refuses a closure naming both a centre and a resource, and one from another centre’s staff', async () => {
    const both = await call(ctx.app, 'POST', '/api/closures', {
      cookie: manager,
      body: {
        resourceId: room,
        centreId: room,
        startsOn: '2027-02-01',
        endsOn: '2027-02-01',
        reason: 'x',
      },
    });
    expect(both.status).toBe(400);
    const staff = await signIn(ctx.app, 'accueil.kourou@lakou.test', DEMO_PASSWORD);
    const other = await call(ctx.app, 'POST', '/api/closures', {
      cookie: staff,
      body: { resourceId: room, startsOn: '2027-02-01', endsOn: '2027-02-01', reason: 'Travaux' },
    });
    expect(other.status).toBe(403);
  });
});
