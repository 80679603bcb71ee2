import type { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { expandOccurrences, RecurrenceError } from './occurrences.ts';
import {
  formatRecurrence,
  MAX_OCCURRENCES,
  parseRecurrence,
  recurrenceInput,
} from './recurrence.ts';

const NY = 'America/New_York';

/** Local start of each occurrence, as `YYYY-MM-DDTHH:MM±HH:MM` in `zone`. */
function localStarts(occurrences: { start: Temporal.Instant }[], zone: string): string[] {
  return occurrences.map((o) => {
    const z = o.start.toZonedDateTimeISO(zone);
    return `${z.toPlainDateTime().toString({ smallestUnit: 'minute' })}${z.offset}`;
  });
}

/** Dates typed from the RFC's own lists: `days(1997, 9, [2, 3])`. */
function days(year: number, month: number, list: number[], time: string): string[] {
  return list.map(
    (day) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${time}`,
  );
}

describe('parseRecurrence', () => {
  it('reads the supported parts, in any case and with the RRULE: prefix', () => {
    const parsed = parseRecurrence('rrule:freq=monthly;interval=2;count=10;byday=1SU,-1SU');
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual({
      freq: 'MONTHLY',
      interval: 2,
      byDay: [
        { weekday: 'SU', ordinal: 1 },
        { weekday: 'SU', ordinal: -1 },
      ],
      byMonthDay: [],
      count: 10,
      until: null,
      wkst: null,
    });
    expect(
      parseRecurrence('FREQ=WEEKLY;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR').data,
    ).toMatchObject({ until: '1997-12-24T00:00:00Z', wkst: 'SU' });
    expect(parseRecurrence('FREQ=DAILY;UNTIL=20261231').data?.until).toBe('2026-12-31');
  });

  it('writes a rule back as canonical RRULE text that reads the same', () => {
    const text = 'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;UNTIL=20271231';
    const rule = parseRecurrence(text).data;
    if (!rule) throw new Error('expected a rule');
    expect(formatRecurrence(rule)).toBe('FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;UNTIL=20271231');
    expect(parseRecurrence(formatRecurrence(rule)).data).toEqual(rule);
  });

  it('refuses what Lakou does not support, saying why in French', () => {
    const messages = (text: string) =>
      parseRecurrence(text).error?.issues.map((i) => i.message) ?? [];
    expect(messages('FREQ=YEARLY;COUNT=3')).toEqual([
      'La fréquence YEARLY n’est pas prise en charge (DAILY, WEEKLY ou MONTHLY seulement).',
    ]);
    expect(messages('FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1')[0]).toMatch(
      /La partie BYSETPOS n’est pas prise en charge/,
    );
    expect(messages('FREQ=DAILY;COUNT=5;UNTIL=20261231')).toEqual([
      'COUNT et UNTIL ne peuvent pas figurer ensemble : choisissez l’un des deux.',
    ]);
    expect(messages('FREQ=WEEKLY;BYDAY=1MO')[0]).toMatch(/ne vaut qu’avec FREQ=MONTHLY/);
    expect(messages('FREQ=MONTHLY;BYDAY=6FR')[0]).toMatch(/de 1 à 5/);
    expect(messages('FREQ=WEEKLY;BYMONTHDAY=2')[0]).toMatch(/ne s’emploie pas avec FREQ=WEEKLY/);
    expect(messages('FREQ=MONTHLY;BYMONTHDAY=32')[0]).toMatch(/n’est pas un jour du mois/);
    expect(messages('FREQ=DAILY;COUNT=501')[0]).toMatch(/entre 1 et 500/);
    expect(messages('FREQ=DAILY;INTERVAL=0')[0]).toMatch(/INTERVAL est un entier/);
    expect(messages('FREQ=DAILY;UNTIL=20260231')[0]).toMatch(/UNTIL s’écrit/);
    expect(messages('FREQ=DAILY;UNTIL=20261231T180000')[0]).toMatch(/heure UTC/);
    expect(messages('INTERVAL=2')).toEqual([
      'Indiquez la fréquence (FREQ=DAILY, WEEKLY ou MONTHLY).',
    ]);
    expect(messages('FREQ=DAILY;FREQ=WEEKLY')[0]).toMatch(/figure deux fois/);
    expect(messages('FREQ=DAILY;COLOR=RED')[0]).toBe('Partie de règle inconnue : COLOR.');
    expect(messages('')[0]).toMatch(/Indiquez une règle/);
  });
});

describe('recurrenceInput', () => {
  it('checks the rule, the local first start and the exceptions', () => {
    expect(
      recurrenceInput.parse({
        rule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=4',
        firstStart: '2026-11-23T18:00',
        durationMinutes: 90,
      }),
    ).toMatchObject({ exceptions: [] });
    const result = recurrenceInput.safeParse({
      rule: 'FREQ=HOURLY',
      firstStart: '2026-11-23T18:00:00-03:00',
      durationMinutes: 7,
      exceptions: ['23/11/2026'],
    });
    const fields = Object.fromEntries(
      result.error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [],
    );
    expect(fields.rule).toMatch(/HOURLY n’est pas prise en charge/);
    expect(fields.firstStart).toMatch(/sans décalage/);
    expect(fields.durationMinutes).toMatch(/multiple de 5/);
    expect(fields['exceptions.0']).toMatch(/AAAA-MM-JJ/);
  });
});

describe('expandOccurrences: RFC 5545 §3.8.5.3 examples, in America/New_York', () => {
  const expand = (rule: string, firstStart: string, to?: string) =>
    localStarts(
      expandOccurrences({
        rule,
        firstStart,
        durationMinutes: 60,
        timeZone: NY,
        ...(to ? { to } : {}),
      }),
      NY,
    );

  it('Daily for 10 occurrences', () => {
    expect(expand('FREQ=DAILY;COUNT=10', '1997-09-02T09:00')).toEqual(
      days(1997, 9, [2, 3, 4, 5, 6, 7, 8, 9, 10, 11], '09:00-04:00'),
    );
  });

  it('Every 10 days, 5 occurrences', () => {
    expect(expand('FREQ=DAILY;INTERVAL=10;COUNT=5', '1997-09-02T09:00')).toEqual([
      ...days(1997, 9, [2, 12, 22], '09:00-04:00'),
      ...days(1997, 10, [2, 12], '09:00-04:00'),
    ]);
  });

  it('Weekly for 10 occurrences, across the end of daylight saving', () => {
    expect(expand('FREQ=WEEKLY;COUNT=10', '1997-09-02T09:00')).toEqual([
      ...days(1997, 9, [2, 9, 16, 23, 30], '09:00-04:00'),
      ...days(1997, 10, [7, 14, 21], '09:00-04:00'),
      ...days(1997, 10, [28], '09:00-05:00'),
      ...days(1997, 11, [4], '09:00-05:00'),
    ]);
  });

  it('Every other week on Monday, Wednesday and Friday until December 24, 1997', () => {
    expect(
      expand(
        'FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR',
        '1997-09-01T09:00',
      ),
    ).toEqual([
      ...days(1997, 9, [1, 3, 5, 15, 17, 19, 29], '09:00-04:00'),
      ...days(1997, 10, [1, 3, 13, 15, 17], '09:00-04:00'),
      ...days(1997, 10, [27, 29, 31], '09:00-05:00'),
      ...days(1997, 11, [10, 12, 14, 24, 26, 28], '09:00-05:00'),
      ...days(1997, 12, [8, 10, 12, 22], '09:00-05:00'),
    ]);
  });

  it('Weekly on Tuesday and Thursday for five weeks', () => {
    expect(
      expand('FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH', '1997-09-02T09:00'),
    ).toEqual([
      ...days(1997, 9, [2, 4, 9, 11, 16, 18, 23, 25, 30], '09:00-04:00'),
      ...days(1997, 10, [2], '09:00-04:00'),
    ]);
  });

  it('Monthly on the first Friday for 10 occurrences', () => {
    expect(expand('FREQ=MONTHLY;COUNT=10;BYDAY=1FR', '1997-09-05T09:00')).toEqual([
      ...days(1997, 9, [5], '09:00-04:00'),
      ...days(1997, 10, [3], '09:00-04:00'),
      ...days(1997, 11, [7], '09:00-05:00'),
      ...days(1997, 12, [5], '09:00-05:00'),
      ...days(1998, 1, [2], '09:00-05:00'),
      ...days(1998, 2, [6], '09:00-05:00'),
      ...days(1998, 3, [6], '09:00-05:00'),
      ...days(1998, 4, [3], '09:00-05:00'),
      ...days(1998, 5, [1], '09:00-04:00'),
      ...days(1998, 6, [5], '09:00-04:00'),
    ]);
  });

  it('Every other month on the first and last Sunday of the month for 10 occurrences', () => {
    expect(expand('FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU', '1997-09-07T09:00')).toEqual([
      ...days(1997, 9, [7, 28], '09:00-04:00'),
      ...days(1997, 11, [2, 30], '09:00-05:00'),
      ...days(1998, 1, [4, 25], '09:00-05:00'),
      ...days(1998, 3, [1, 29], '09:00-05:00'),
      ...days(1998, 5, [3, 31], '09:00-04:00'),
    ]);
  });

  it('Monthly on the second-to-last Monday of the month for 6 months', () => {
    expect(expand('FREQ=MONTHLY;COUNT=6;BYDAY=-2MO', '1997-09-22T09:00')).toEqual([
      ...days(1997, 9, [22], '09:00-04:00'),
      ...days(1997, 10, [20], '09:00-04:00'),
      ...days(1997, 11, [17], '09:00-05:00'),
      ...days(1997, 12, [22], '09:00-05:00'),
      ...days(1998, 1, [19], '09:00-05:00'),
      ...days(1998, 2, [16], '09:00-05:00'),
    ]);
  });

  it('Monthly on the 2nd and 15th of the month for 10 occurrences', () => {
    expect(expand('FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15', '1997-09-02T09:00')).toEqual([
      ...days(1997, 9, [2, 15], '09:00-04:00'),
      ...days(1997, 10, [2, 15], '09:00-04:00'),
      ...days(1997, 11, [2, 15], '09:00-05:00'),
      ...days(1997, 12, [2, 15], '09:00-05:00'),
      ...days(1998, 1, [2, 15], '09:00-05:00'),
    ]);
  });

  it('Monthly on the first and last day of the month for 10 occurrences', () => {
    expect(expand('FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1', '1997-09-30T09:00')).toEqual([
      ...days(1997, 9, [30], '09:00-04:00'),
      ...days(1997, 10, [1], '09:00-04:00'),
      ...days(1997, 10, [31], '09:00-05:00'),
      ...days(1997, 11, [1, 30], '09:00-05:00'),
      ...days(1997, 12, [1, 31], '09:00-05:00'),
      ...days(1998, 1, [1, 31], '09:00-05:00'),
      ...days(1998, 2, [1], '09:00-05:00'),
    ]);
  });

  it('Monthly on the third-to-the-last day of the month, forever (seen through a window)', () => {
    expect(
      expand('FREQ=MONTHLY;BYMONTHDAY=-3', '1997-09-28T09:00', '1998-03-01T00:00:00Z'),
    ).toEqual([
      ...days(1997, 9, [28], '09:00-04:00'),
      ...days(1997, 10, [29], '09:00-05:00'),
      ...days(1997, 11, [28], '09:00-05:00'),
      ...days(1997, 12, [29], '09:00-05:00'),
      ...days(1998, 1, [29], '09:00-05:00'),
      ...days(1998, 2, [26], '09:00-05:00'),
    ]);
  });

  it('Every Friday the 13th, forever (seen through a window)', () => {
    // DTSTART 1997-09-02 is not a Friday the 13th: RFC 5545 excludes it with an EXDATE; Lakou
    // never counts a first start that does not match its rule.
    expect(
      expand('FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13', '1997-09-02T09:00', '2001-01-01T00:00:00Z'),
    ).toEqual([
      ...days(1998, 2, [13], '09:00-05:00'),
      ...days(1998, 3, [13], '09:00-05:00'),
      ...days(1998, 11, [13], '09:00-05:00'),
      ...days(1999, 8, [13], '09:00-04:00'),
      ...days(2000, 10, [13], '09:00-04:00'),
    ]);
  });
});

describe('expandOccurrences in the centres’ time zones', () => {
  it('keeps 18:00 on the wall clock when Paris changes clocks, both ways', () => {
    const occurrences = expandOccurrences({
      rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3',
      firstStart: '2026-03-24T18:00',
      durationMinutes: 90,
      timeZone: 'Europe/Paris',
    });
    expect(occurrences.map((o) => [o.start.toString(), o.end.toString()])).toEqual([
      ['2026-03-24T17:00:00Z', '2026-03-24T18:30:00Z'], // 18:00 winter time, UTC+1
      ['2026-03-31T16:00:00Z', '2026-03-31T17:30:00Z'], // 18:00 summer time, UTC+2
      ['2026-04-07T16:00:00Z', '2026-04-07T17:30:00Z'],
    ]);
    const autumn = expandOccurrences({
      rule: 'FREQ=DAILY;UNTIL=20261026',
      firstStart: '2026-10-24T18:00',
      durationMinutes: 60,
      timeZone: 'Europe/Paris',
    });
    expect(localStarts(autumn, 'Europe/Paris')).toEqual([
      '2026-10-24T18:00+02:00',
      '2026-10-25T18:00+01:00',
      '2026-10-26T18:00+01:00',
    ]);
  });

  it('is UTC-3 all year in Cayenne, skips the exception dates, and counts them in COUNT', () => {
    // Café de rencontre every weekday at 18:00, for two weeks, not on 11 November.
    const occurrences = expandOccurrences({
      rule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=10',
      firstStart: '2026-11-09T18:00',
      durationMinutes: 90,
      timeZone: 'America/Cayenne',
      exceptions: ['2026-11-11'],
    });
    expect(occurrences.map((o) => o.start.toString())).toEqual([
      '2026-11-09T21:00:00Z',
      '2026-11-10T21:00:00Z',
      '2026-11-12T21:00:00Z',
      '2026-11-13T21:00:00Z',
      '2026-11-16T21:00:00Z',
      '2026-11-17T21:00:00Z',
      '2026-11-18T21:00:00Z',
      '2026-11-19T21:00:00Z',
      '2026-11-20T21:00:00Z',
    ]);
    // In June too: no daylight saving in French Guiana.
    const june = expandOccurrences({
      rule: 'FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20270630',
      firstStart: '2027-01-29T18:00',
      durationMinutes: 60,
      timeZone: 'America/Cayenne',
    });
    expect(localStarts(june, 'America/Cayenne')).toEqual([
      '2027-01-29T18:00-03:00',
      '2027-02-26T18:00-03:00',
      '2027-03-26T18:00-03:00',
      '2027-04-30T18:00-03:00',
      '2027-05-28T18:00-03:00',
      '2027-06-25T18:00-03:00',
    ]);
  });

  it('keeps the occurrences that meet the window [from, to)', () => {
    const occurrences = expandOccurrences({
      rule: 'FREQ=DAILY',
      firstStart: '2026-11-01T18:00',
      durationMinutes: 120,
      timeZone: 'America/Cayenne',
      // 19:00 on the 3rd is inside the 3rd's occurrence; the 6th at 18:00 is excluded (half-open).
      from: '2026-11-03T19:00:00-03:00',
      to: '2026-11-06T18:00:00-03:00',
    });
    expect(localStarts(occurrences, 'America/Cayenne')).toEqual([
      '2026-11-03T18:00-03:00',
      '2026-11-04T18:00-03:00',
      '2026-11-05T18:00-03:00',
    ]);
  });

  it('refuses, in French, endless rules without a window and series that are too long', () => {
    const base = {
      firstStart: '2026-11-01T18:00',
      durationMinutes: 60,
      timeZone: 'America/Cayenne',
    };
    expect(() => expandOccurrences({ ...base, rule: 'FREQ=DAILY' })).toThrow(/sans fin/);
    expect(() =>
      expandOccurrences({ ...base, rule: 'FREQ=DAILY', to: '2029-01-01T00:00:00Z' }),
    ).toThrow(
      new RecurrenceError(
        `La série compte plus de ${MAX_OCCURRENCES} occurrences : raccourcissez-la (COUNT, UNTIL) ou la période.`,
      ),
    );
    expect(() => expandOccurrences({ ...base, rule: 'FREQ=DAILY;COUNT=20', max: 10 })).toThrow(
      /plus de 10 occurrences/,
    );
    expect(
      expandOccurrences({ ...base, rule: `FREQ=DAILY;COUNT=${MAX_OCCURRENCES}` }),
    ).toHaveLength(MAX_OCCURRENCES);
    expect(() => expandOccurrences({ ...base, rule: 'FREQ=YEARLY;COUNT=2' })).toThrow(
      RecurrenceError,
    );
    expect(() =>
      expandOccurrences({ ...base, rule: 'FREQ=DAILY;COUNT=2', firstStart: '2026-11-01T18:00Z' }),
    ).toThrow(/sans décalage/);
  });
});
