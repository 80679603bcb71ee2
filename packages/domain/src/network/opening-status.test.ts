import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { OpeningWindow } from './opening-hours.ts';
import { minutesOfDay } from './opening-hours.ts';
import { openingStatusAt } from './opening-status.ts';

const week: OpeningWindow[] = [
  { weekday: 1, opens: '08:00', closes: '12:30' },
  { weekday: 1, opens: '14:00', closes: '19:30' },
  { weekday: 3, opens: '14:00', closes: '19:30' },
];

describe('openingStatusAt', () => {
  it('judges by the centre’s wall clock: 21:00 UTC on a Monday is 18:00 in Cayenne (open)', () => {
    // 2026-11-23 is a Monday.
    expect(openingStatusAt(week, [], '2026-11-23T21:00:00Z', 'America/Cayenne')).toEqual({
      state: 'open',
      closesAt: '19:30',
    });
    // The same instant is 22:00 in Paris: closed, next opening Wednesday 14:00.
    expect(openingStatusAt(week, [], '2026-11-23T21:00:00Z', 'Europe/Paris')).toEqual({
      state: 'closed',
      nextOpening: { date: '2026-11-25', weekday: 3, opens: '14:00' },
    });
  });

  it('treats windows as half-open: open at opening time, closed at closing time', () => {
    expect(openingStatusAt(week, [], '2026-11-23T11:00:00Z', 'America/Cayenne').state).toBe('open'); // 08:00
    const atClose = openingStatusAt(week, [], '2026-11-23T15:30:00Z', 'America/Cayenne'); // 12:30
    expect(atClose).toEqual({
      state: 'closed',
      nextOpening: { date: '2026-11-23', weekday: 1, opens: '14:00' },
    });
  });

  it('follows daylight saving in Paris (UTC+2 in summer)', () => {
    // 2027-06-07 is a Monday; 06:30 UTC = 08:30 in Paris summer time.
    expect(openingStatusAt(week, [], '2027-06-07T06:30:00Z', 'Europe/Paris').state).toBe('open');
    // In winter the same UTC time is 07:30 in Paris: not yet open.
    expect(openingStatusAt(week, [], '2026-11-23T06:30:00Z', 'Europe/Paris').state).toBe('closed');
  });

  it('is closed during a declared closure and names it, reopening after', () => {
    const closures = [{ startsOn: '2026-12-24', endsOn: '2027-01-01', reason: 'Fin d’année' }];
    // 2026-12-28 is a Monday, 10:00 in Cayenne.
    expect(openingStatusAt(week, closures, '2026-12-28T13:00:00Z', 'America/Cayenne')).toEqual({
      state: 'closed',
      closureReason: 'Fin d’année',
      nextOpening: { date: '2027-01-04', weekday: 1, opens: '08:00' },
    });
  });

  it('has no next opening for a centre without hours', () => {
    expect(openingStatusAt([], [], '2026-11-23T12:00:00Z', 'America/Cayenne')).toEqual({
      state: 'closed',
      nextOpening: null,
    });
  });

  it('is open exactly when the local time falls inside a window of that weekday', () => {
    const start = Temporal.Instant.from('2026-01-01T00:00:00Z').epochMilliseconds;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 24 * 60 }),
        fc.constantFrom('America/Cayenne', 'Europe/Paris', 'Pacific/Noumea'),
        (minute, zone) => {
          const instant = Temporal.Instant.fromEpochMilliseconds(start + minute * 60_000);
          const local = instant.toZonedDateTimeISO(zone);
          const m = local.hour * 60 + local.minute;
          const inside = week.some(
            (w) =>
              w.weekday === local.dayOfWeek &&
              minutesOfDay(w.opens) <= m &&
              m < minutesOfDay(w.closes),
          );
          const status = openingStatusAt(week, [], instant, zone);
          expect(status.state === 'open').toBe(inside);
          if (status.state === 'closed' && status.nextOpening) {
            expect(status.nextOpening.date >= local.toPlainDate().toString()).toBe(true);
          }
        },
      ),
    );
  });
});
