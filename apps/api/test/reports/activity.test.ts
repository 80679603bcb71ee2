import type { ReportModel } from '@lakou/reports/model';
import { and, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bookings,
  centreClosures,
  centreOpeningHours,
  coworkingCheckIns,
  coworkingPasses,
  eventBookings,
  eventKinds,
  eventRegistrations,
  events,
  resourceClosures,
  resources,
} from '../../src/db/schema/index.ts';
import { activitySource } from '../../src/reports/activity.source.ts';
import { reportSources } from '../../src/reports/registry.ts';
import { call, engines, freshDatabase, seededApp, type TestDatabase } from '../harness.ts';
import {
  type App,
  appWithDemoUsers,
  first,
  getReport,
  signInAs,
  twoCentres,
} from './report-test-setup.ts';

const report = (app: App, query: Record<string, string>, cookie: string) =>
  getReport(app, 'activity', query, cookie);

/** A local time in Cayenne (UTC−3 all year) as an instant. */
const cayenne = (local: string) => new Date(`${local}:00-03:00`);

describe.each(engines)('activity report on a hand-made fixture (%s)', (kind) => {
  let ctx: TestDatabase;
  let app: App;
  let admin: string;
  let alpha: { id: string; name: string };
  let beta: { id: string; name: string };

  beforeAll(async () => {
    ctx = await freshDatabase(kind);
    const db = ctx.db;
    const network = await twoCentres(db, {
      organisation: { slug: 'reseau', name: 'Réseau' },
      names: ['Alpha', 'Beta'],
      address: { commune: 'Cayenne', street: '1 rue', postalCode: '97300', city: 'Cayenne' },
    });
    alpha = network.a;
    beta = network.b;
    // Alpha: Monday to Friday, 08:00–12:00 and 14:00–17:00 (7 h a day), closed 16–20 March.
    // Beta: Saturdays 09:00–13:00 (4 h).
    await db.insert(centreOpeningHours).values([
      ...[1, 2, 3, 4, 5].flatMap((weekday) => [
        { centreId: alpha.id, weekday, opens: '08:00', closes: '12:00' },
        { centreId: alpha.id, weekday, opens: '14:00', closes: '17:00' },
      ]),
      { centreId: beta.id, weekday: 6, opens: '09:00', closes: '13:00' },
    ]);
    await db.insert(centreClosures).values({
      centreId: alpha.id,
      startsOn: '2026-03-16',
      endsOn: '2026-03-20',
      reason: 'Travaux',
    });

    const resource = async (
      centreId: string,
      kind: 'room' | 'desk' | 'equipment',
      name: string,
      extra: { bookableHours?: unknown; active?: boolean } = {},
    ) => {
      return first(
        await db
          .insert(resources)
          .values({
            centreId,
            kind,
            name,
            searchKey: name.toLowerCase(),
            capacity: 4,
            tariff: { rates: {} },
            ...extra,
          })
          .returning({ id: resources.id }),
      ).id;
    };
    const r1 = await resource(alpha.id, 'room', 'Salle 1');
    // Salle 2 is bookable on Mondays 10:00–12:00 only, and closed on Monday 2 March.
    const r2 = await resource(alpha.id, 'room', 'Salle 2', {
      bookableHours: [{ weekday: 1, opens: '10:00', closes: '12:00' }],
    });
    await db
      .insert(resourceClosures)
      .values({ resourceId: r2, startsOn: '2026-03-02', endsOn: '2026-03-02', reason: 'Peinture' });
    // Inactive and never booked: not counted.
    await resource(alpha.id, 'room', 'Ancienne salle', { active: false });
    const d1 = await resource(alpha.id, 'desk', 'Poste 1');
    const e1 = await resource(alpha.id, 'equipment', 'Vidéoprojecteur');
    const r5 = await resource(beta.id, 'room', 'Carbet');

    const booking = async (
      resourceId: string,
      centreId: string,
      from: string,
      to: string,
      status: string,
      basicNeeds: string[] = [],
      headcount = 1,
    ) => {
      return first(
        await db
          .insert(bookings)
          .values({
            resourceId,
            centreId,
            startsAt: cayenne(from),
            endsAt: cayenne(to),
            blockedUntil: cayenne(to),
            status,
            organiser: { kind: 'member', name: 'Test' },
            purpose: 'Test',
            headcount,
            basicNeeds,
            audience: 'member',
            cancelReason: status === 'cancelled' ? 'Annulée' : null,
          })
          .returning({ id: bookings.id }),
      ).id;
    };
    await booking(r1, alpha.id, '2026-03-03T09:00', '2026-03-03T11:00', 'confirmed', ['income'], 6);
    await booking(
      r1,
      alpha.id,
      '2026-03-04T14:00',
      '2026-03-04T17:00',
      'checked_in',
      ['income', 'housing'],
      4,
    );
    await booking(r1, alpha.id, '2026-03-05T09:00', '2026-03-05T10:00', 'cancelled', ['food'], 10);
    await booking(r1, alpha.id, '2026-03-06T08:00', '2026-03-06T09:30', 'no_show', ['health'], 3);
    const r1Event = await booking(
      r1,
      alpha.id,
      '2026-03-25T14:00',
      '2026-03-25T16:00',
      'confirmed',
      ['education'],
      5,
    );
    await booking(r2, alpha.id, '2026-03-09T10:00', '2026-03-09T12:00', 'requested');
    await booking(d1, alpha.id, '2026-03-10T08:00', '2026-03-10T12:00', 'confirmed');
    await booking(d1, alpha.id, '2026-03-11T14:00', '2026-03-11T17:00', 'confirmed');
    await booking(
      e1,
      alpha.id,
      '2026-03-10T09:00',
      '2026-03-10T10:00',
      'confirmed',
      ['mobility'],
      2,
    );
    // 28 February 21:00–23:00 in Cayenne is 1 March 00:00–02:00 UTC: a February booking.
    await booking(r5, beta.id, '2026-02-28T21:00', '2026-02-28T23:00', 'confirmed');
    const r5Event = await booking(
      r5,
      beta.id,
      '2026-03-07T09:00',
      '2026-03-07T13:00',
      'confirmed',
      ['clothing'],
      20,
    );
    await booking(r5, beta.id, '2026-03-14T10:00', '2026-03-14T12:00', 'confirmed');

    const kindRow = first(
      await db
        .insert(eventKinds)
        .values({ organisationId: network.organisationId, key: 'cafe', label: 'Café' })
        .returning(),
    );
    const event = async (
      centreId: string,
      from: string,
      to: string,
      extra: { basicNeeds: string[]; anonymousHeadcount: number; status?: string },
    ) => {
      return first(
        await db
          .insert(events)
          .values({
            centreId,
            kindId: kindRow.id,
            title: 'Événement',
            capacity: 30,
            startsAt: cayenne(from),
            endsAt: cayenne(to),
            cancelReason: extra.status === 'cancelled' ? 'Annulé' : null,
            ...extra,
          })
          .returning({ id: events.id }),
      ).id;
    };
    const cafe = await event(beta.id, '2026-03-07T09:00', '2026-03-07T13:00', {
      basicNeeds: ['food'],
      anonymousHeadcount: 12,
    });
    const atelier = await event(alpha.id, '2026-03-25T14:00', '2026-03-25T16:00', {
      basicNeeds: ['education', 'income'],
      anonymousHeadcount: 0,
    });
    await event(alpha.id, '2026-03-12T14:00', '2026-03-12T16:00', {
      basicNeeds: ['food'],
      anonymousHeadcount: 40,
      status: 'cancelled',
    });
    await db.insert(eventBookings).values([
      { eventId: cafe, bookingId: r5Event },
      { eventId: atelier, bookingId: r1Event },
    ]);
    const registration = (
      eventId: string,
      seats: number,
      status: string,
      attendance: string | null = null,
    ) => ({ eventId, name: 'X', seats, status, attendance, source: 'staff' });
    await db
      .insert(eventRegistrations)
      .values([
        registration(cafe, 3, 'registered', 'present'),
        registration(cafe, 2, 'registered', 'absent'),
        registration(cafe, 1, 'waitlisted'),
        registration(cafe, 4, 'cancelled'),
        registration(atelier, 2, 'registered'),
        registration(atelier, 1, 'registered', 'present'),
      ]);

    const pass = async (holderName: string) => {
      return first(
        await db
          .insert(coworkingPasses)
          .values({
            centreId: alpha.id,
            kind: 'carnet10',
            holderName,
            searchKey: holderName,
            validFrom: '2026-01-01',
            validUntil: '2026-12-31',
            daysTotal: 10,
            priceCents: 5_000,
          })
          .returning({ id: coworkingPasses.id }),
      ).id;
    };
    const p1 = await pass('Ana');
    const p2 = await pass('Bo');
    await db.insert(coworkingCheckIns).values([
      { passId: p1, centreId: alpha.id, resourceId: d1, day: '2026-02-27' },
      { passId: p1, centreId: alpha.id, resourceId: d1, day: '2026-03-02' },
      { passId: p1, centreId: alpha.id, resourceId: d1, day: '2026-03-03' },
      { passId: p2, centreId: alpha.id, resourceId: d1, day: '2026-03-02' },
    ]);
    app = await appWithDemoUsers(ctx);
    admin = await signInAs(app, 'admin');
  }, 180_000);
  afterAll(() => ctx?.dispose());

  const load = (query: Record<string, string>, cookie = admin) =>
    report(app, { from: '2026-03-01', to: '2026-03-31', ...query }, cookie);
  const kpis = (m: ReportModel) => Object.fromEntries(m.kpis.map((k) => [k.key, k]));

  it('is served by the registry', () => {
    expect(reportSources.activity).toBe(activitySource);
  });

  it('equals the hand-computed figures for March, with February beside them', async () => {
    const model = await load({ compare: 'previous' });
    const k = kpis(model);
    // Bookable rooms in March. March 2026 has 22 weekdays; Alpha is closed 16–20 March: 17 days.
    //   Salle 1 (Alpha's hours, 7 h): 17 × 7 = 119 h. Salle 2 (Mondays 10–12): 9, 23, 30 March
    //   (2 March closed, 16 March in the closure) = 3 × 2 = 6 h. Carbet (Saturdays 9–13): 7, 14,
    //   21, 28 March = 16 h. The inactive room does not count. Total 119 + 6 + 16 = 141 h.
    // Booked rooms: Salle 1 2 + 3 + 1.5 (no-show) + 2 (the atelier) = 8.5 h (the cancelled hour
    //   does not count); Salle 2 2 h (requested); Carbet 4 + 2 = 6 h. Total 16.5 h.
    expect(k.roomOccupancy?.value).toBeCloseTo(16.5 / 141, 10);
    // Desk: 4 + 3 = 7 h of 119 h. The projector is not a room nor a desk.
    expect(k.deskOccupancy?.value).toBeCloseTo(7 / 119, 10);
    expect(k.bookedHours?.value).toBe(23.5);
    // Two events (the cancelled one does not count): the café (5 places registered, 2 absent,
    // 12 anonymous) and the atelier (3 places, none absent).
    expect(k.events?.value).toBe(2);
    expect(k.registeredSeats?.value).toBe(8);
    expect(k.anonymous?.value).toBe(12);
    // (8 − 2) + 12 = 18.
    expect(k.attendance?.value).toBe(18);
    // Check-ins: 2 March twice, 3 March once.
    expect(k.checkIns?.value).toBe(3);

    // February: rooms Salle 1 20 weekdays × 7 = 140 h, Salle 2 Mondays 2, 9, 16, 23 = 8 h,
    // Carbet Saturdays 7, 14, 21, 28 = 16 h: 164 h, of which 2 h booked (Saturday 28 at 21:00
    // in Cayenne, already 1 March in UTC). Desk 0 of 140 h. One check-in (27 February).
    expect(model.comparison).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(k.roomOccupancy?.previous).toBeCloseTo(2 / 164, 10);
    expect(k.deskOccupancy?.previous).toBe(0);
    expect(k.bookedHours?.previous).toBe(2);
    expect(k.events?.previous).toBe(0);
    expect(k.checkIns?.previous).toBe(1);

    const byCentre = model.tables.find((t) => t.id === 'by-centre');
    const row = (name: string) => byCentre?.rows.find((r) => r.cells.centre === name);
    // Alpha rooms: (8.5 + 2) h of (119 + 6) h.
    expect(row('Alpha')?.cells).toMatchObject({
      roomBookedHours: 10.5,
      roomBookableHours: 125,
      deskBookedHours: 7,
      deskBookableHours: 119,
      events: 1,
      registeredSeats: 3,
      absentSeats: 0,
      anonymous: 0,
      attendance: 3,
      checkIns: 3,
    });
    expect(row('Alpha')?.cells.roomOccupancy).toBeCloseTo(10.5 / 125, 10);
    expect(row('Alpha')?.drill).toEqual({ centreId: alpha.id });
    // Beta: 6 h of 16 h; no desk, so no rate.
    expect(row('Beta')?.cells).toMatchObject({
      roomOccupancy: 0.375,
      deskOccupancy: null,
      events: 1,
      registeredSeats: 5,
      absentSeats: 2,
      anonymous: 12,
      attendance: 15,
      checkIns: 0,
    });

    const needs = Object.fromEntries(
      (model.tables.find((t) => t.id === 'basic-needs')?.rows ?? []).map((r) => [
        r.cells.need,
        [r.cells.activities, r.cells.people],
      ]),
    );
    // Food: the café (participation 3 + 12 = 15; its booking's « clothing » is not counted
    // twice). Income: the atelier (3) + bookings of 3 March (6) and 4 March (4) = 3 activities,
    // 13 people. Housing: 4 March (4). Education: the atelier (3). Mobility: the projector (2).
    // Cancelled (food) and no-show (health) bookings serve nobody.
    expect(needs).toEqual({
      'Se nourrir': [1, 15],
      'Se loger': [1, 4],
      'Se vêtir': [0, 0],
      'Se déplacer': [1, 2],
      'Se financer': [3, 13],
      'Se soigner': [0, 0],
      'S’éduquer': [1, 3],
    });
  });

  it('cuts March by ISO week on the local calendar', async () => {
    const model = await load({ granularity: 'week' });
    const occupancy = model.charts.find((c) => c.id === 'occupancy');
    expect(occupancy?.buckets).toEqual([
      '2026-W09',
      '2026-W10',
      '2026-W11',
      '2026-W12',
      '2026-W13',
      '2026-W14',
    ]);
    const rooms = occupancy?.series.find((s) => s.key === 'room')?.values ?? [];
    // W09 (Sunday 1 March): nothing bookable. W10 (2–8): Salle 1 5 × 7 = 35 h, Salle 2 0 h
    // (closed 2 March), Carbet 4 h = 39 h; booked 2 + 3 + 1.5 + 4 = 10.5 h.
    expect(rooms[0]).toBeNull();
    expect(rooms[1]).toBeCloseTo(10.5 / 39, 10);
    // W12 (16–22): Alpha closed, Carbet 4 h, nothing booked.
    expect(rooms[3]).toBe(0);
    const checkIns = model.charts.find((c) => c.id === 'check-ins')?.series[0]?.values;
    expect(checkIns).toEqual([0, 3, 0, 0, 0, 0]);
  });

  it('keeps to the reader’s centres: a manager reads theirs, a staff member none', async () => {
    const manager = await signInAs(app, 'manager');
    const mine = await load({}, manager);
    expect(mine.centres).toEqual([{ id: alpha.id, name: 'Alpha' }]);
    // Alpha alone: (8.5 + 2) h of 125 h.
    expect(kpis(mine).roomOccupancy?.value).toBeCloseTo(10.5 / 125, 10);
    expect(kpis(mine).events?.value).toBe(1);
    const staff = await signInAs(app, 'staff');
    const denied = await call(app, 'GET', '/api/reports/activity?from=2026-03-01&to=2026-03-31', {
      cookie: staff,
    });
    expect(denied.status).toBe(403);
  });

  it('narrows to the centres asked for', async () => {
    const model = await load({ centreIds: beta.id });
    const k = kpis(model);
    expect(k.roomOccupancy?.value).toBe(0.375);
    expect(k.deskOccupancy?.value).toBeNull();
    expect(k.events?.value).toBe(1);
    expect(k.checkIns?.value).toBe(0);
    expect(model.tables.find((t) => t.id === 'by-centre')?.rows).toHaveLength(1);
  });

  it('counts a booking whose event starts outside the period as a booking of the period', async () => {
    const needsOf = (m: ReportModel) =>
      Object.fromEntries(
        (m.tables.find((t) => t.id === 'basic-needs')?.rows ?? []).map((r) => [
          r.cells.need,
          [r.cells.activities, r.cells.people],
        ]),
      );
    const atelier = and(
      eq(events.centreId, alpha.id),
      eq(events.startsAt, cayenne('2026-03-25T14:00')),
    );
    // The atelier now starts on 24 February; its room stays booked on 25 March.
    const moved = await ctx.db
      .update(events)
      .set({ startsAt: cayenne('2026-02-24T14:00') })
      .where(atelier)
      .returning({ id: events.id });
    expect(moved).toHaveLength(1);
    try {
      for (const granularity of ['month', 'week', 'year']) {
        const march = needsOf(await load({ granularity }));
        // March: the booking of 25 March counts (education 5 people), the atelier does not
        // (income: the two bookings of 3 and 4 March, nothing else).
        expect(march['S’éduquer'], granularity).toEqual([1, 5]);
        expect(march['Se financer'], granularity).toEqual([2, 10]);
      }
      // February: the atelier counts with its 3 participants; its booking is not in February.
      const february = needsOf(await load({ from: '2026-02-01', to: '2026-02-28' }));
      expect(february['S’éduquer']).toEqual([1, 3]);
      expect(february['Se financer']).toEqual([1, 3]);
    } finally {
      await ctx.db
        .update(events)
        .set({ startsAt: cayenne('2026-03-25T14:00') })
        .where(eq(events.id, moved[0]?.id ?? ''));
    }
  });
});

describe.each(engines)('activity report on the demo network (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp(kind);
  }, 180_000);
  afterAll(() => ctx.database.dispose());

  it('reads a year of the demo centres with something in every part', async () => {
    const today = Temporal.Now.plainDateISO('America/Cayenne');
    const board = await signInAs(ctx.app, 'board');
    const m = await report(
      ctx.app,
      { from: today.subtract({ years: 1 }).toString(), to: today.toString(), compare: 'previous' },
      board,
    );
    const k = Object.fromEntries(m.kpis.map((x) => [x.key, x.value]));
    expect(k.roomOccupancy).toBeGreaterThan(0);
    expect(k.roomOccupancy).toBeLessThanOrEqual(1);
    expect(k.bookedHours).toBeGreaterThan(0);
    expect(k.events).toBeGreaterThan(0);
    expect(k.attendance).toBeGreaterThan(0);
    const needs = m.tables.find((t) => t.id === 'basic-needs')?.rows ?? [];
    expect(needs.some((r) => Number(r.cells.activities) > 0)).toBe(true);
    expect(m.tables.find((t) => t.id === 'by-centre')?.rows.length).toBeGreaterThan(1);
  });
});
