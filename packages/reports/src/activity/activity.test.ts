import type { OpeningWindow } from '@lakou/domain/network';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { granularities, type ReportFilters, reportModel } from '../model/index.ts';
import { type ActivityData, activityReport } from './activity.ts';
import { bookableMinutesByBucket, bookableMinutesPerWeekday, occupancyRate } from './bookable.ts';

const weekdays = (opens: string, closes: string): OpeningWindow[] =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens, closes }));

/** Monday to Friday, 08:00–12:00 and 14:00–18:00: 8 hours (480 minutes) a day. */
const SPLIT_DAYS = [...weekdays('08:00', '12:00'), ...weekdays('14:00', '18:00')];

describe('bookable minutes', () => {
  it('counts each weekday once, touching and overlapping windows as their union', () => {
    const perDay = bookableMinutesPerWeekday([
      { weekday: 1, opens: '08:00', closes: '12:00' },
      { weekday: 1, opens: '12:00', closes: '13:30' }, // touches: 08:00–13:30 = 330
      { weekday: 3, opens: '09:00', closes: '11:00' },
      { weekday: 3, opens: '10:00', closes: '12:00' }, // overlaps: 09:00–12:00 = 180
      { weekday: 3, opens: '14:00', closes: '15:00' }, // + 60
      { weekday: 7, opens: '10:00', closes: '10:45' },
    ]);
    expect(perDay).toEqual([0, 330, 0, 240, 0, 0, 0, 45]);
  });

  it('sums March 2026 by ISO week, without the two closed days', () => {
    // March 2026 starts on a Sunday. Weekdays: Mon 2, 9, 16, 23, 30; Tue 3, 10, 17, 24, 31;
    // Wed 4, 11, 18, 25; Thu 5, 12, 19, 26; Fri 6, 13, 20, 27 = 22 days. Closed Tue 10 and
    // Wed 11: 20 days × 480 = 9 600 minutes (160 hours).
    const byWeek = bookableMinutesByBucket({
      from: '2026-03-01',
      to: '2026-03-31',
      granularity: 'week',
      windows: SPLIT_DAYS,
      closures: [{ startsOn: '2026-03-10', endsOn: '2026-03-11' }],
    });
    expect(Object.fromEntries(byWeek)).toEqual({
      '2026-W10': 2_400, // 2–6 March: 5 days
      '2026-W11': 1_440, // 9, 12, 13 March: 3 days
      '2026-W12': 2_400,
      '2026-W13': 2_400,
      '2026-W14': 960, // 30–31 March: 2 days
    });
    const byMonth = bookableMinutesByBucket({
      from: '2026-03-01',
      to: '2026-03-31',
      granularity: 'month',
      windows: SPLIT_DAYS,
      closures: [{ startsOn: '2026-03-10', endsOn: '2026-03-11' }],
    });
    expect(Object.fromEntries(byMonth)).toEqual({ '2026-03': 9_600 });
  });

  it('gives nothing without windows, and no made-up rate without bookable time', () => {
    expect(
      bookableMinutesByBucket({
        from: '2026-01-01',
        to: '2026-12-31',
        granularity: 'month',
        windows: [],
        closures: [],
      }).size,
    ).toBe(0);
    expect(occupancyRate(60, 0)).toBeNull();
    expect(occupancyRate(60, 240)).toBe(0.25);
  });

  const day = fc
    .integer({ min: 0, max: 800 })
    .map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const window = fc
    .record({
      weekday: fc.integer({ min: 1, max: 7 }),
      from: fc.integer({ min: 0, max: 22 }),
      length: fc.integer({ min: 1, max: 6 }),
    })
    .map(
      ({ weekday, from, length }): OpeningWindow => ({
        weekday,
        opens: `${String(from).padStart(2, '0')}:00`,
        closes: `${String(Math.min(23, from + length)).padStart(2, '0')}:${from + length > 23 ? '59' : '00'}`,
      }),
    );

  it('sums to the same total whatever the buckets, and closures only take time away', () => {
    fc.assert(
      fc.property(
        day,
        day,
        fc.array(window, { maxLength: 8 }),
        fc.array(fc.tuple(day, day), { maxLength: 3 }),
        (a, b, windows, closurePairs) => {
          const [from, to] = a <= b ? [a, b] : [b, a];
          const closures = closurePairs.map(([x, y]) =>
            x <= y ? { startsOn: x, endsOn: y } : { startsOn: y, endsOn: x },
          );
          const total = (g: (typeof granularities)[number], cs = closures) =>
            [
              ...bookableMinutesByBucket({
                from,
                to,
                granularity: g,
                windows,
                closures: cs,
              }).values(),
            ].reduce((s, m) => s + m, 0);
          const byDay = total('day');
          for (const g of granularities) expect(total(g)).toBe(byDay);
          expect(byDay).toBeLessThanOrEqual(total('day', []));
        },
      ),
      { numRuns: 60 },
    );
  });
});

const VC = '00000000-0000-4000-8000-00000000000a';
const KO = '00000000-0000-4000-8000-00000000000b';
const centres = [
  { id: VC, name: 'Village Chinois' },
  { id: KO, name: 'Kourou' },
];

const filters = (over: Partial<ReportFilters> = {}): ReportFilters => ({
  from: '2026-03-01',
  to: '2026-04-30',
  centreIds: [],
  streamIds: [],
  granularity: 'month',
  compare: 'none',
  ...over,
});

/**
 * March–April 2026. VC rooms: 30 h booked of 120 h in March, 18 h of 120 h in April; VC desks:
 * 40 of 160 h in March; KO rooms: 12 of 80 h in March, none of 80 h in April.
 * Events: VC March 2 (10 registered places, 2 absent, 15 anonymous), KO April 1 (4, 0, 6).
 * Check-ins: VC 7 in March, 3 in April.
 */
const CURRENT: ActivityData = {
  occupancy: [
    { centreId: VC, kind: 'room', bucket: '2026-03', bookedMinutes: 1_800, bookableMinutes: 7_200 },
    { centreId: VC, kind: 'room', bucket: '2026-04', bookedMinutes: 1_080, bookableMinutes: 7_200 },
    { centreId: VC, kind: 'desk', bucket: '2026-03', bookedMinutes: 2_400, bookableMinutes: 9_600 },
    { centreId: KO, kind: 'room', bucket: '2026-03', bookedMinutes: 720, bookableMinutes: 4_800 },
    { centreId: KO, kind: 'room', bucket: '2026-04', bookedMinutes: 0, bookableMinutes: 4_800 },
  ],
  events: [
    {
      centreId: VC,
      bucket: '2026-03',
      events: 2,
      registeredSeats: 10,
      absentSeats: 2,
      anonymous: 15,
    },
    {
      centreId: KO,
      bucket: '2026-04',
      events: 1,
      registeredSeats: 4,
      absentSeats: 0,
      anonymous: 6,
    },
  ],
  needs: [
    { need: 'income', activities: 5, people: 40 },
    { need: 'food', activities: 1, people: 12 },
  ],
  checkIns: [
    { centreId: VC, bucket: '2026-03', checkIns: 7 },
    { centreId: VC, bucket: '2026-04', checkIns: 3 },
  ],
};

/** January–February 2026: VC rooms 60 of 120 h in January; one event (5 places, 5 anonymous). */
const PREVIOUS: ActivityData = {
  occupancy: [
    { centreId: VC, kind: 'room', bucket: '2026-01', bookedMinutes: 3_600, bookableMinutes: 7_200 },
  ],
  events: [
    {
      centreId: VC,
      bucket: '2026-02',
      events: 1,
      registeredSeats: 5,
      absentSeats: 0,
      anonymous: 5,
    },
  ],
  needs: [{ need: 'income', activities: 2, people: 10 }],
  checkIns: [],
};

describe('activity report', () => {
  it('computes occupancy, attendance, needs and check-ins as hand-computed', () => {
    const model = activityReport({ filters: filters(), centres, current: CURRENT, previous: null });
    expect(reportModel.parse(model)).toEqual(model);
    const kpi = Object.fromEntries(model.kpis.map((k) => [k.key, k.value]));
    // Rooms: (30 + 18 + 12 + 0) h ÷ (120 + 120 + 80 + 80) h = 60 ÷ 400 = 0.15.
    expect(kpi.roomOccupancy).toBeCloseTo(0.15);
    // Desks: 40 ÷ 160 = 0.25.
    expect(kpi.deskOccupancy).toBeCloseTo(0.25);
    // 60 h of rooms + 40 h of desks.
    expect(kpi.bookedHours).toBe(100);
    expect(kpi.events).toBe(3);
    // (10 − 2) + 15 + 4 + 6 = 33.
    expect(kpi.attendance).toBe(33);
    expect(kpi.registeredSeats).toBe(14);
    expect(kpi.anonymous).toBe(21);
    expect(kpi.checkIns).toBe(10);
    expect(model.kpis.every((k) => k.previous === undefined)).toBe(true);

    const occupancy = model.charts.find((c) => c.id === 'occupancy');
    expect(occupancy?.buckets).toEqual(['2026-03', '2026-04']);
    // March rooms: (30 + 12) ÷ (120 + 80) = 0.21; April: 18 ÷ 200 = 0.09.
    expect(occupancy?.series[0]?.values[0]).toBeCloseTo(0.21);
    expect(occupancy?.series[0]?.values[1]).toBeCloseTo(0.09);
    // Desks: March 40 ÷ 160; April nothing bookable: no rate.
    expect(occupancy?.series[1]?.values).toEqual([0.25, null]);

    const byCentre = model.tables.find((t) => t.id === 'by-centre');
    expect(byCentre?.rows.map((r) => r.drill)).toEqual([{ centreId: VC }, { centreId: KO }]);
    const vc = byCentre?.rows[0]?.cells;
    // VC rooms: 48 ÷ 240 = 0.2.
    expect(vc?.roomOccupancy).toBeCloseTo(0.2);
    expect(vc?.roomBookedHours).toBe(48);
    expect(vc?.roomBookableHours).toBe(240);
    expect(vc?.attendance).toBe(23);
    const ko = byCentre?.rows[1]?.cells;
    // KO rooms: 12 ÷ 160 = 0.075; no desk.
    expect(ko?.roomOccupancy).toBeCloseTo(0.075);
    expect(ko?.deskOccupancy).toBeNull();
    expect(byCentre?.totals?.checkIns).toBe(10);

    const perPeriod = model.tables.find((t) => t.id === 'occupancy-by-period');
    expect(perPeriod?.rows.map((r) => [r.cells.centre, r.cells.period])).toEqual([
      ['Village Chinois', 'mars 2026'],
      ['Village Chinois', 'avril 2026'],
      ['Kourou', 'mars 2026'],
      ['Kourou', 'avril 2026'],
    ]);

    const needs = model.tables.find((t) => t.id === 'basic-needs');
    expect(needs?.rows).toHaveLength(7);
    expect(needs?.rows.find((r) => r.cells.need === 'Se financer')?.cells).toMatchObject({
      activities: 5,
      people: 40,
    });
    expect(needs?.rows.find((r) => r.cells.need === 'Se loger')?.cells.activities).toBe(0);
  });

  it('sets the previous period beside each figure when asked', () => {
    const model = activityReport({
      filters: filters({ compare: 'previous' }),
      centres,
      current: CURRENT,
      previous: PREVIOUS,
    });
    expect(model.comparison).toMatchObject({ from: '2026-01-01', to: '2026-02-28' });
    const kpi = Object.fromEntries(model.kpis.map((k) => [k.key, k]));
    // January: 60 ÷ 120 = 0.5; no desk bookable: no rate.
    expect(kpi.roomOccupancy?.previous).toBe(0.5);
    expect(kpi.deskOccupancy?.previous).toBeNull();
    expect(kpi.attendance?.previous).toBe(10);
    expect(kpi.checkIns?.previous).toBe(0);
    const occupancy = model.charts.find((c) => c.id === 'occupancy');
    // March is set against January, April against February.
    expect(occupancy?.series[0]?.previous).toEqual([0.5, null]);
    const events = model.charts.find((c) => c.id === 'events');
    expect(events?.series[0]?.previous).toEqual([0, 1]);
  });
});
