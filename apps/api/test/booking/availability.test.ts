import { FREE_TARIFF } from '@lakou/domain/booking';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { call, engines, json, seededApp, signIn } from '../harness.ts';

const at = (hhmm: string) => `2026-12-08T${hhmm}:00-03:00`;
const utc = (hhmmInCayenne: string) => new Date(at(hhmmInCayenne)).toISOString();

describe.each(engines)('availability (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let manager: string;
  let room: string;

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
            name: 'Salle Awara',
            capacity: 10,
            bufferMinutes: 15,
            tariff: FREE_TARIFF,
          },
        }),
      )
    ).id;
    const booked = await call(ctx.app, 'POST', '/api/bookings', {
      cookie: manager,
      body: {
        resourceId: room,
        start: at('09:00'),
        end: at('10:00'),
        organiser: { kind: 'user', name: 'Georges' },
        purpose: 'Permanence CAF',
        headcount: 2,
        audience: 'centre_programme',
      },
    });
    expect(booked.status).toBe(201);
  });
  afterAll(() => ctx.database.dispose());

  const ask = (query: string, cookie = manager) =>
    call(ctx.app, 'GET', `/api/availability?${query}`, { cookie });

  it('offers the hour-long slots of a Tuesday: within opening hours, clear of the booking and its 15-minute buffer', async () => {
    const res = await ask(
      `resourceIds=${room}&from=${encodeURIComponent(at('00:00'))}&to=${encodeURIComponent(at('23:55'))}&duration=60`,
    );
    expect(res.status).toBe(200);
    const body = await json<{
      items: { resourceId: string; slots: { start: string; end: string }[] }[];
    }>(res);
    expect(body.items).toHaveLength(1);
    const starts = body.items[0]?.slots.map((s) => new Date(s.start).toISOString());
    // Opening 08:00–12:30 and 14:00–19:30; booked 09:00–10:00 (+15 min buffer on both sides).
    expect(starts).toEqual(
      [
        '10:30',
        '11:00',
        '11:30',
        '14:00',
        '14:30',
        '15:00',
        '15:30',
        '16:00',
        '16:30',
        '17:00',
        '17:30',
        '18:00',
        '18:30',
      ].map(utc),
    );
  });

  it('refuses a bad query in French, an unknown resource and a centre the reader does not work in', async () => {
    const bad = await ask(
      `resourceIds=${room}&from=${encodeURIComponent(at('10:00'))}&to=${encodeURIComponent(at('09:00'))}&duration=60`,
    );
    expect(bad.status).toBe(400);
    const unknown = await ask(
      `resourceIds=11111111-2222-4333-8444-555555555555&from=${encodeURIComponent(at('08:00'))}&to=${encodeURIComponent(at('12:00'))}&duration=60`,
    );
    expect(unknown.status).toBe(404);
    const staff = await signIn(ctx.app, 'accueil.kourou@lakou.test', DEMO_PASSWORD);
    const other = await ask(
      `resourceIds=${room}&from=${encodeURIComponent(at('08:00'))}&to=${encodeURIComponent(at('12:00'))}&duration=60`,
      staff,
    );
    expect(other.status).toBe(403);
  });
});
