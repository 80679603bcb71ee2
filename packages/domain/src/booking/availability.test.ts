import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { OpeningWindow } from '../network/opening-hours.ts';
import { availabilityQuery, freeSlots, outsideBookableHours } from './availability.ts';

const at = (local: string, zone = 'America/Cayenne') =>
  Temporal.ZonedDateTime.from(`${local}[${zone}]`).toInstant();
const localTimes = (slots: { start: Temporal.Instant; end: Temporal.Instant }[], zone: string) =>
  slots.map(
    (s) =>
      `${s.start.toZonedDateTimeISO(zone).toPlainTime().toString({ smallestUnit: 'minute' })}–${s.end
        .toZonedDateTimeISO(zone)
        .toPlainTime()
        .toString({ smallestUnit: 'minute' })}`,
  );

/**
 * The wall clock in Cayenne (UTC-3 all year) or Paris (UTC+1, UTC+2 from the last Sunday of March
 * to the last Sunday of October, changing at 01:00 UTC), worked out from those rules alone.
 */
function wallClock(zone: 'America/Cayenne' | 'Europe/Paris', ms: number) {
  let offsetHours = -3;
  if (zone === 'Europe/Paris') {
    const year = new Date(ms).getUTCFullYear();
    const lastSunday = (month: number) => {
      const lastDay = new Date(Date.UTC(year, month + 1, 0));
      return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
    };
    offsetHours = ms >= lastSunday(2) && ms < lastSunday(9) ? 2 : 1;
  }
  const local = new Date(ms + offsetHours * 3_600_000);
  return {
    date: local.toISOString().slice(0, 10),
    weekday: local.getUTCDay() || 7,
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

const mondayMorning: OpeningWindow[] = [{ weekday: 1, opens: '08:00', closes: '12:00' }];

describe('freeSlots', () => {
  it('steps from the opening and keeps the buffer around busy bookings', () => {
    // 2026-11-23 is a Monday; 09:00–10:00 is taken, with a 15-minute buffer.
    const slots = freeSlots({
      window: { from: at('2026-11-23T00:00'), to: at('2026-11-24T00:00') },
      durationMinutes: 60,
      stepMinutes: 30,
      timeZone: 'America/Cayenne',
      bookableHours: mondayMorning,
      closures: [],
      bufferMinutes: 15,
      busy: [{ start: '2026-11-23T09:00:00-03:00', end: '2026-11-23T10:00:00-03:00' }],
    });
    expect(localTimes(slots, 'America/Cayenne')).toEqual(['10:30–11:30', '11:00–12:00']);
  });

  it('lets a slot run across touching windows, skips closures and respects the window', () => {
    const week: OpeningWindow[] = [
      { weekday: 1, opens: '08:00', closes: '10:00' },
      { weekday: 1, opens: '10:00', closes: '11:00' },
      { weekday: 2, opens: '08:00', closes: '09:00' },
      { weekday: 3, opens: '08:00', closes: '09:00' },
    ];
    const slots = freeSlots({
      window: { from: at('2026-11-23T09:00'), to: at('2026-11-25T08:30') },
      durationMinutes: 120,
      stepMinutes: 60,
      timeZone: 'America/Cayenne',
      bookableHours: week,
      closures: [{ startsOn: '2026-11-24', endsOn: '2026-11-24', reason: 'Travaux' }],
      bufferMinutes: 0,
      busy: [],
    });
    expect(localTimes(slots, 'America/Cayenne')).toEqual(['09:00–11:00']);
    const withStep = freeSlots({
      window: { from: at('2026-11-23T00:00'), to: at('2026-11-26T00:00') },
      durationMinutes: 60,
      stepMinutes: 60,
      timeZone: 'America/Cayenne',
      bookableHours: week,
      closures: [{ startsOn: '2026-11-24', endsOn: '2026-11-24', reason: 'Travaux' }],
      bufferMinutes: 0,
      busy: [],
    });
    expect(withStep.map((s) => s.start.toZonedDateTimeISO('America/Cayenne').toString())).toEqual([
      '2026-11-23T08:00:00-03:00[America/Cayenne]',
      '2026-11-23T09:00:00-03:00[America/Cayenne]',
      '2026-11-23T10:00:00-03:00[America/Cayenne]',
      '2026-11-25T08:00:00-03:00[America/Cayenne]',
    ]);
  });

  it('keeps the wall clock across the change to summer time in Paris', () => {
    // Sunday 2026-03-29: clocks jump from 02:00 to 03:00 in Paris.
    const sunday: OpeningWindow[] = [{ weekday: 7, opens: '17:00', closes: '20:00' }];
    const slots = freeSlots({
      window: {
        from: at('2026-03-22T00:00', 'Europe/Paris'),
        to: at('2026-03-30T00:00', 'Europe/Paris'),
      },
      durationMinutes: 180,
      stepMinutes: 30,
      timeZone: 'Europe/Paris',
      bookableHours: sunday,
      closures: [],
      bufferMinutes: 0,
      busy: [],
    });
    expect(slots.map((s) => s.start.toString())).toEqual([
      '2026-03-22T16:00:00Z', // 17:00 winter time (UTC+1)
      '2026-03-29T15:00:00Z', // 17:00 summer time (UTC+2)
    ]);
  });

  it('never offers a start twice in a spring-forward gap', () => {
    const night: OpeningWindow[] = [{ weekday: 7, opens: '01:00', closes: '04:00' }];
    const slots = freeSlots({
      window: {
        from: at('2026-03-29T00:00', 'Europe/Paris'),
        to: at('2026-03-30T00:00', 'Europe/Paris'),
      },
      durationMinutes: 60,
      stepMinutes: 30,
      timeZone: 'Europe/Paris',
      bookableHours: night,
      closures: [],
      bufferMinutes: 0,
      busy: [],
    });
    // 02:00 and 02:30 do not exist that night: 02:00 would be 03:00, already offered.
    expect(localTimes(slots, 'Europe/Paris')).toEqual([
      '01:00–03:00',
      '01:30–03:30',
      '03:00–04:00',
    ]);
  });

  it('refuses a non-positive duration or step', () => {
    const base = {
      window: { from: at('2026-11-23T00:00'), to: at('2026-11-24T00:00') },
      timeZone: 'America/Cayenne',
      bookableHours: mondayMorning,
      closures: [],
      bufferMinutes: 0,
      busy: [],
    };
    expect(() => freeSlots({ ...base, durationMinutes: 0, stepMinutes: 30 })).toThrow(/positifs/);
    expect(() => freeSlots({ ...base, durationMinutes: 30, stepMinutes: 0 })).toThrow(/positifs/);
  });

  it('only offers slots inside the hours, outside closures, clear of busy time, sorted once', () => {
    const zones = ['America/Cayenne', 'Europe/Paris'] as const;
    const windowArb = fc
      .tuple(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 22 * 12 }),
        fc.integer({ min: 1, max: 10 * 12 }),
      )
      .map(([weekday, start5, length5]) => {
        const opens = start5 * 5;
        const closes = Math.min(opens + length5 * 5, 23 * 60 + 55);
        const hhmm = (m: number) =>
          `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        return { weekday, opens: hhmm(opens), closes: hhmm(closes) };
      })
      .filter((w) => w.opens < w.closes);
    // Around the Paris change of clocks (2026-03-29) and an ordinary week.
    const origin = fc.constantFrom('2026-03-26', '2026-10-22', '2026-11-23');
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        origin,
        fc.array(windowArb, { maxLength: 6 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 2 })), {
          maxLength: 2,
        }),
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 6 * 24 * 12 }), fc.integer({ min: 1, max: 48 })),
          { maxLength: 8 },
        ),
        fc.integer({ min: 1, max: 36 }),
        fc.constantFrom(5, 15, 30, 60),
        fc.integer({ min: 0, max: 60 }),
        (zone, first, windows, closureSpecs, busySpecs, duration5, step, buffer) => {
          const day0 = Temporal.PlainDate.from(first);
          const start = day0.toZonedDateTime({ timeZone: zone }).toInstant();
          const busy = busySpecs.map(([s5, l5]) => ({
            start: start.add({ minutes: s5 * 5 }),
            end: start.add({ minutes: (s5 + l5) * 5 }),
          }));
          const closures = closureSpecs.map(([d, len]) => ({
            startsOn: day0.add({ days: d }).toString(),
            endsOn: day0.add({ days: d + len }).toString(),
            reason: 'Fermé',
          }));
          const durationMinutes = duration5 * 5;
          const slots = freeSlots({
            window: { from: start, to: start.add({ hours: 24 * 5 }) },
            durationMinutes,
            stepMinutes: step,
            timeZone: zone,
            bookableHours: windows,
            closures,
            bufferMinutes: buffer,
            busy,
          });

          const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
          let previous = Number.NEGATIVE_INFINITY;
          for (const slot of slots) {
            const s = slot.start.epochMilliseconds;
            const e = slot.end.epochMilliseconds;
            // Sorted, no duplicates, the asked duration, inside the search window.
            expect(s).toBeGreaterThan(previous);
            previous = s;
            expect(e - s).toBe(durationMinutes * 60_000);
            expect(s).toBeGreaterThanOrEqual(start.epochMilliseconds);
            expect(e).toBeLessThanOrEqual(start.add({ hours: 120 }).epochMilliseconds);
            // Every 5-minute step of the slot (slots and windows lie on a 5-minute grid) falls in a
            // window of its local weekday, on the slot's local day.
            const day = wallClock(zone, s).date;
            for (let t = s; t < e; t += 5 * 60_000) {
              const wall = wallClock(zone, t);
              expect(wall.date).toBe(day);
              expect(
                windows.some(
                  (w) =>
                    w.weekday === wall.weekday &&
                    toMin(w.opens) <= wall.minutes &&
                    wall.minutes < toMin(w.closes),
                ),
              ).toBe(true);
            }
            // Not on a closure day.
            expect(closures.some((c) => c.startsOn <= day && day <= c.endsOn)).toBe(false);
            // At least the buffer away from every busy interval.
            for (const b of busy) {
              const bs = b.start.epochMilliseconds;
              const be = b.end.epochMilliseconds;
              expect(e + buffer * 60_000 <= bs || be + buffer * 60_000 <= s).toBe(true);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('freeSlots, every slot it should offer', () => {
  it('offers each step of a merged window that fits, in Cayenne and around the change of clocks in Paris', () => {
    const zones = ['America/Cayenne', 'Europe/Paris'] as const;
    const windowArb = fc
      .tuple(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 287 }),
        fc.integer({ min: 1, max: 10 * 12 }),
      )
      .map(([weekday, start5, length5]) => {
        const opens = start5 * 5;
        const closes = Math.min(opens + length5 * 5, 24 * 60 - 5);
        const hhmm = (m: number) =>
          `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        return { weekday, opens: hhmm(opens), closes: hhmm(closes) };
      })
      .filter((w) => w.opens < w.closes);
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom('2026-03-26', '2026-10-22', '2026-11-23'),
        fc.array(windowArb, { maxLength: 6 }),
        fc.integer({ min: 1, max: 36 }),
        fc.constantFrom(5, 15, 30, 60),
        (zone, first, windows, duration5, step) => {
          const durationMinutes = duration5 * 5;
          const day0 = Temporal.PlainDate.from(first);
          const from = day0.toZonedDateTime({ timeZone: zone }).toInstant();
          const to = day0.add({ days: 5 }).toZonedDateTime({ timeZone: zone }).toInstant();
          const offered = new Set(
            freeSlots({
              window: { from, to },
              durationMinutes,
              stepMinutes: step,
              timeZone: zone,
              bookableHours: windows,
              closures: [],
              bufferMinutes: 0,
              busy: [],
            }).map((s) => s.start.epochMilliseconds),
          );
          // The expected starts of each day whose clocks do not change, worked out minute by minute
          // from the rules of the zones (wallClock): a minute is open when a window of its weekday
          // covers it; a merged window starts at an open minute after a closed one; a slot starts
          // there plus steps, every minute from the window's start to the slot's end open (a slot
          // stays in its window), ending before midnight.
          for (let d = 0; d < 5; d++) {
            const midnight = day0.add({ days: d }).toZonedDateTime({ timeZone: zone });
            const ms0 = midnight.epochMilliseconds;
            const wall0 = wallClock(zone, ms0);
            const wallEnd = wallClock(zone, ms0 + 86_400_000);
            if (wall0.minutes !== 0 || wallEnd.minutes !== 0 || wallEnd.date === wall0.date)
              continue;
            const open = Array.from({ length: 24 * 60 }, (_, m) =>
              windows.some((w) => {
                const [oh, om] = w.opens.split(':').map(Number);
                const [ch, cm] = w.closes.split(':').map(Number);
                return (
                  w.weekday === wall0.weekday &&
                  (oh ?? 0) * 60 + (om ?? 0) <= m &&
                  m < (ch ?? 0) * 60 + (cm ?? 0)
                );
              }),
            );
            const expected: number[] = [];
            for (let s = 0; s < 24 * 60; s++) {
              if (!open[s] || (s > 0 && open[s - 1])) continue;
              for (let m = s; m + durationMinutes < 24 * 60; m += step) {
                if (!open.slice(s, m + durationMinutes).every(Boolean)) break;
                expected.push(ms0 + m * 60_000);
              }
            }
            const actual = [...offered].filter((ms) => ms >= ms0 && ms < ms0 + 86_400_000);
            expect(actual.sort((a, b) => a - b)).toEqual(expected);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('outsideBookableHours', () => {
  it('accepts what fits and explains what does not', () => {
    const interval = (a: string, b: string) => ({ start: at(a), end: at(b) });
    expect(
      outsideBookableHours(
        interval('2026-11-23T08:00', '2026-11-23T12:00'),
        mondayMorning,
        [],
        'America/Cayenne',
      ),
    ).toBeNull();
    expect(
      outsideBookableHours(
        interval('2026-11-23T11:30', '2026-11-23T12:30'),
        mondayMorning,
        [],
        'America/Cayenne',
      ),
    ).toBe('En dehors des heures réservables du lundi (08:00–12:00).');
    expect(
      outsideBookableHours(
        interval('2026-11-24T08:00', '2026-11-24T09:00'),
        mondayMorning,
        [],
        'America/Cayenne',
      ),
    ).toBe('Pas de réservation possible le mardi.');
  });
});

describe('availability query', () => {
  it('coerces URL strings, defaults the step and bounds the period', () => {
    expect(
      availabilityQuery.parse({
        from: '2026-11-23T00:00:00-03:00',
        to: '2026-11-30T00:00:00-03:00',
        durationMinutes: '90',
      }),
    ).toMatchObject({ durationMinutes: 90, stepMinutes: 30 });
    const tooLong = availabilityQuery.safeParse({
      from: '2026-01-01T00:00:00Z',
      to: '2026-06-01T00:00:00Z',
      durationMinutes: '60',
    });
    expect(tooLong.error?.issues[0]?.message).toMatch(/62 jours au plus/);
  });
});
