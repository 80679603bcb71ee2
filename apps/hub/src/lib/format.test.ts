import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  dayBounds,
  formatClockTime,
  formatDate,
  formatInstant,
  formatWindows,
  relativeDay,
  timeZoneLabel,
  timeZoneOffsetLabel,
  weekdayName,
  weeklySchedule,
} from './format.ts';

const MINUS = '\u2212';

describe('opening hours display', () => {
  const windows = [
    { weekday: 1, opens: '14:00', closes: '19:30' },
    { weekday: 1, opens: '08:00', closes: '12:00' },
    { weekday: 3, opens: '09:00', closes: '17:00' },
    { weekday: 7, opens: '06:30', closes: '10:00' },
  ];

  it('lists the seven days Monday first with French day names', () => {
    const week = weeklySchedule(windows, 'fr-FR');
    expect(week.map((d) => d.dayName)).toEqual([
      'Lundi',
      'Mardi',
      'Mercredi',
      'Jeudi',
      'Vendredi',
      'Samedi',
      'Dimanche',
    ]);
    expect(week.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('sorts and joins the windows of a day, null for a closed day', () => {
    const week = weeklySchedule(windows, 'fr-FR');
    expect(week[0]?.hours).toBe('08:00 – 12:00, 14:00 – 19:30');
    expect(week[0]?.windows).toEqual(['08:00 – 12:00', '14:00 – 19:30']);
    expect(week[1]?.hours).toBeNull();
    expect(week[1]?.windows).toEqual([]);
    expect(week[2]?.hours).toBe('09:00 – 17:00');
    expect(week[6]?.hours).toBe('06:30 – 10:00');
  });

  it('uses English day names and 24-hour times in en-GB', () => {
    const week = weeklySchedule(windows, 'en-GB');
    expect(week[0]?.dayName).toBe('Monday');
    expect(week[6]?.dayName).toBe('Sunday');
    expect(week[0]?.hours).toBe('08:00 – 12:00, 14:00 – 19:30');
  });

  it('formats wall-clock times without shifting them by any zone', () => {
    expect(formatClockTime('00:00', 'fr-FR')).toBe('00:00');
    expect(formatClockTime('23:59', 'fr-FR')).toBe('23:59');
    expect(formatClockTime('08:05', 'en-GB')).toBe('08:05');
    expect(formatWindows([], 'fr-FR')).toBe('');
  });

  it('names weekdays in lower case unless asked', () => {
    expect(weekdayName(1, 'fr-FR')).toBe('lundi');
    expect(weekdayName(7, 'fr-FR', { capitalised: true })).toBe('Dimanche');
  });

  it('formats calendar dates as given', () => {
    expect(formatDate('2025-12-24', 'fr-FR')).toBe('mercredi 24 décembre 2025');
    expect(formatDate('2026-01-01', 'en-GB', { withWeekday: false })).toBe('1 January 2026');
  });
});

describe('time-zone labels', () => {
  const winter = Temporal.Instant.from('2025-01-15T12:00:00Z');
  const summer = Temporal.Instant.from('2025-07-15T12:00:00Z');

  it('gives French Guiana UTC−3 all year (no daylight saving)', () => {
    expect(timeZoneOffsetLabel('America/Cayenne', winter)).toBe(`UTC${MINUS}3`);
    expect(timeZoneOffsetLabel('America/Cayenne', summer)).toBe(`UTC${MINUS}3`);
  });

  it('follows daylight saving in Paris: UTC+1 in winter, UTC+2 in summer', () => {
    expect(timeZoneOffsetLabel('Europe/Paris', winter)).toBe('UTC+1');
    expect(timeZoneOffsetLabel('Europe/Paris', summer)).toBe('UTC+2');
  });

  it('switches offset at the exact instant of the Paris spring change', () => {
    // 2025-03-30 01:00 UTC: clocks go from 02:00 (UTC+1) to 03:00 (UTC+2).
    expect(timeZoneOffsetLabel('Europe/Paris', Temporal.Instant.from('2025-03-30T00:59:59Z'))).toBe(
      'UTC+1',
    );
    expect(timeZoneOffsetLabel('Europe/Paris', Temporal.Instant.from('2025-03-30T01:00:00Z'))).toBe(
      'UTC+2',
    );
  });

  it('writes minutes and zero offsets', () => {
    expect(timeZoneOffsetLabel('Asia/Kolkata', winter)).toBe('UTC+5:30');
    expect(timeZoneOffsetLabel('UTC', winter)).toBe('UTC');
  });

  it('names the zone in the reader’s language with the offset', () => {
    expect(timeZoneLabel('America/Cayenne', winter, 'fr-FR')).toBe(
      `Heure de la Guyane française (UTC${MINUS}3)`,
    );
    expect(timeZoneLabel('America/Cayenne', winter, 'en-GB')).toBe(
      `French Guiana Time (UTC${MINUS}3)`,
    );
    expect(timeZoneLabel('Europe/Paris', summer, 'fr-FR')).toMatch(
      /^Heure d’été d’Europe centrale \(UTC\+2\)$/,
    );
    expect(timeZoneLabel('Europe/Paris', winter, 'en-GB')).toBe(
      'Central European Standard Time (UTC+1)',
    );
  });
});

describe('relative days', () => {
  it('tells today, tomorrow, this week and later apart', () => {
    expect(relativeDay('2025-06-02', '2025-06-02')).toBe('today');
    expect(relativeDay('2025-06-03', '2025-06-02')).toBe('tomorrow');
    expect(relativeDay('2025-06-08', '2025-06-02')).toBe('thisWeek');
    expect(relativeDay('2025-06-09', '2025-06-02')).toBe('later');
    expect(relativeDay('2026-01-01', '2025-12-31')).toBe('tomorrow');
  });
});

describe('instants', () => {
  it('are read in French Guiana time, whatever the browser zone', () => {
    // 02:30 UTC on 1 March is still 28 February in Cayenne (UTC−3).
    expect(formatInstant('2026-03-01T02:30:00Z', 'fr-FR', 'dateTime')).toBe('28/02/2026 23:30');
    expect(formatInstant('2026-03-01T02:30:05Z', 'fr-FR', 'dateTimeSeconds')).toBe(
      '28/02/2026 23:30:05',
    );
    expect(formatInstant('2026-03-01T02:30:00Z', 'fr-FR', 'date')).toBe('28 février 2026');
    expect(formatInstant('2026-03-01T02:30:00Z', 'en-GB', 'date')).toBe('28 February 2026');
  });

  it('can be read in another zone, with its daylight saving', () => {
    expect(formatInstant('2026-07-01T10:00:00Z', 'fr-FR', 'dateTime', 'Europe/Paris')).toBe(
      '01/07/2026 12:00',
    );
  });

  it('bound whole days in the network zone for the API', () => {
    expect(dayBounds('2026-03-01', '2026-03-31')).toEqual({
      from: '2026-03-01T00:00:00-03:00',
      to: '2026-03-31T23:59:59.999-03:00',
    });
    expect(dayBounds(undefined, '2026-03-31')).toEqual({ to: '2026-03-31T23:59:59.999-03:00' });
    expect(dayBounds('not a date', undefined)).toEqual({});
  });
});
