import { expandOccurrences } from '@lakou/domain/booking/occurrences';
import { parseRecurrence } from '@lakou/domain/booking/rules';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import {
  describeSeries,
  endTime,
  firstStartOf,
  monthDayOf,
  ruleProblems,
  ruleText,
  type SeriesRuleSpec,
  skipList,
  startFromSlot,
  unresolvedConflicts,
  weekdayOf,
} from './series.ts';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: 'fr',
    fallbackLng: 'fr',
    interpolation: { escapeValue: false },
  });
});
const inFrench = () => i18n.getFixedT('fr');
const inEnglish = () => i18n.getFixedT('en');

const weekly: SeriesRuleSpec = {
  freq: 'WEEKLY',
  interval: 1,
  weekdays: ['TH', 'TU'],
  monthDay: 9,
  end: { kind: 'count', count: 10 },
};
const first = { date: '2027-03-09', time: '18:00', durationMinutes: 90 };

describe('ruleText', () => {
  it('writes a weekly rule with its weekdays in calendar order, which the domain reads back', () => {
    const text = ruleText(weekly);
    expect(text).toBe('FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10');
    expect(parseRecurrence(text).success).toBe(true);
  });

  it('writes the interval, a day of the month, and an end date as RFC 5545 wants them', () => {
    expect(
      ruleText({
        ...weekly,
        freq: 'MONTHLY',
        interval: 2,
        monthDay: 15,
        end: { kind: 'until', until: '2027-12-31' },
      }),
    ).toBe('FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15;UNTIL=20271231');
    expect(ruleText({ ...weekly, freq: 'DAILY' })).toBe('FREQ=DAILY;COUNT=10');
  });

  it('gives occurrences on the chosen weekdays when the domain expands it', () => {
    const occurrences = expandOccurrences({
      rule: ruleText({ ...weekly, end: { kind: 'count', count: 4 } }),
      firstStart: firstStartOf(first.date, first.time),
      durationMinutes: first.durationMinutes,
      timeZone: 'America/Cayenne',
    });
    expect(occurrences.map((o) => o.start.toString())).toEqual([
      '2027-03-09T21:00:00Z',
      '2027-03-11T21:00:00Z',
      '2027-03-16T21:00:00Z',
      '2027-03-18T21:00:00Z',
    ]);
  });
});

describe('describeSeries', () => {
  it('says a weekly series in French', () => {
    expect(describeSeries(weekly, first, inFrench(), 'fr-FR')).toBe(
      'Chaque semaine, le mardi et le jeudi, de 18:00 à 19:30, à partir du mardi 9 mars 2027, 10 fois.',
    );
  });

  it('says intervals, days of the month and end dates', () => {
    expect(
      describeSeries(
        {
          ...weekly,
          freq: 'MONTHLY',
          interval: 2,
          monthDay: 1,
          end: { kind: 'until', until: '2027-12-31' },
        },
        first,
        inFrench(),
        'fr-FR',
      ),
    ).toBe(
      'Tous les 2 mois, le 1er, de 18:00 à 19:30, à partir du mardi 9 mars 2027, jusqu’au vendredi 31 décembre 2027 inclus.',
    );
    expect(
      describeSeries(
        { ...weekly, freq: 'DAILY', end: { kind: 'count', count: 1 } },
        { ...first, time: '23:30', durationMinutes: 60 },
        inFrench(),
        'fr-FR',
      ),
    ).toBe('Tous les jours, de 23:30 à 00:30, à partir du mardi 9 mars 2027, une seule fois.');
    expect(
      describeSeries(
        { ...weekly, interval: 3, weekdays: ['MO', 'WE', 'FR'] },
        first,
        inFrench(),
        'fr-FR',
      ),
    ).toBe(
      'Toutes les 3 semaines, le lundi, le mercredi et le vendredi, de 18:00 à 19:30, à partir du mardi 9 mars 2027, 10 fois.',
    );
  });

  it('says it in English too', () => {
    expect(describeSeries(weekly, first, inEnglish(), 'en-GB')).toBe(
      'Every week on Tuesday and Thursday, from 18:00 to 19:30, starting Tuesday, 9 March 2027, 10 times.',
    );
  });
});

describe('ruleProblems', () => {
  it('accepts a complete weekly series', () => {
    expect(ruleProblems(weekly, first)).toEqual([]);
  });

  it('names what is missing or out of range', () => {
    expect(
      ruleProblems(
        { ...weekly, interval: 0, weekdays: [], end: { kind: 'count', count: 501 } },
        { date: '2027-02-30', time: '25:00', durationMinutes: 42 },
      ),
    ).toEqual(['date', 'time', 'duration', 'interval', 'weekdays', 'count']);
    expect(ruleProblems({ ...weekly, end: { kind: 'until', until: '2027-03-01' } }, first)).toEqual(
      ['untilBeforeStart'],
    );
    expect(
      ruleProblems(
        { ...weekly, freq: 'MONTHLY', monthDay: 32, end: { kind: 'until', until: '' } },
        first,
      ),
    ).toEqual(['monthDay', 'until']);
  });
});

describe('helpers', () => {
  it('reads a slot of the calendar on the centre’s clock, whatever zone the instants carry', () => {
    expect(
      startFromSlot(
        {
          resourceId: 'r',
          start: '2027-03-09T22:00:00+01:00',
          end: '2027-03-09T23:30:00+01:00',
        },
        'America/Cayenne',
      ),
    ).toEqual({ resourceId: 'r', date: '2027-03-09', time: '18:00', durationMinutes: 90 });
  });

  it('reads weekdays and end times', () => {
    expect(weekdayOf('2027-03-09')).toBe('TU');
    expect(weekdayOf('2027-03-14')).toBe('SU');
    expect(weekdayOf('2027-02-30')).toBeNull();
    expect(monthDayOf('2027-03-14')).toBe(14);
    expect(monthDayOf('')).toBeNull();
    expect(endTime('18:00', 90)).toBe('19:30');
  });

  it('skips the ticked conflicts and every unavailable occurrence, and names the others', () => {
    const occurrences = [
      { date: '2027-03-09', verdict: 'free' as const },
      { date: '2027-03-16', verdict: 'conflict' as const },
      { date: '2027-03-23', verdict: 'conflict' as const },
      { date: '2027-03-30', verdict: 'unavailable' as const },
    ];
    const ticked = new Set(['2027-03-16', '2027-03-09']);
    expect(skipList(occurrences, ticked)).toEqual(['2027-03-16', '2027-03-30']);
    expect(unresolvedConflicts(occurrences, ticked).map((o) => o.date)).toEqual(['2027-03-23']);
  });
});
