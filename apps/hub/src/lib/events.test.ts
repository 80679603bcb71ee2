import type { Registration } from '@lakou/domain/events';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  agendaFeedUrls,
  availabilityOf,
  cancelPath,
  formatHours,
  groupByDay,
  periodBounds,
  placesLeft,
  promotedBetween,
  todayIn,
  waitingListOf,
  wholeNumberOrNull,
} from './events.ts';

const base = { capacity: 10, seatsTaken: 4, waiting: 0, registrationOpen: true } as const;
const reg = (id: string, status: Registration['status'], position: number | null = null) =>
  ({ id, status, position }) as Registration;

describe('periodBounds', () => {
  it('starts at midnight of the centre’s day and ends after the period', () => {
    expect(periodBounds('week', '2027-03-09', 'America/Cayenne')).toEqual({
      from: '2027-03-09T00:00:00-03:00',
      to: '2027-03-16T00:00:00-03:00',
    });
    expect(periodBounds('all', '2027-03-09', 'Europe/Paris')).toEqual({
      from: '2027-03-09T00:00:00+01:00',
    });
  });

  it('says today in the centre’s zone, not the reader’s', () => {
    // 02:00 UTC on the 10th is still the 9th in Cayenne (UTC−3).
    const now = Temporal.Instant.from('2027-03-10T02:00:00Z');
    expect(todayIn('America/Cayenne', now)).toBe('2027-03-09');
    expect(todayIn('Europe/Paris', now)).toBe('2027-03-10');
  });
});

describe('availabilityOf', () => {
  it('offers places while some remain and nobody waits', () => {
    expect(placesLeft(base)).toBe(6);
    expect(availabilityOf({ ...base, status: 'scheduled' })).toBe('open');
  });

  it('is full when the seats are taken or people wait already', () => {
    expect(availabilityOf({ ...base, seatsTaken: 10, status: 'scheduled' })).toBe('full');
    expect(availabilityOf({ ...base, seatsTaken: 12, status: 'scheduled' })).toBe('full');
    expect(availabilityOf({ ...base, waiting: 1, status: 'scheduled' })).toBe('full');
  });

  it('says when registration is closed or the event cancelled', () => {
    expect(availabilityOf({ ...base, registrationOpen: false, status: 'scheduled' })).toBe(
      'closed',
    );
    expect(availabilityOf({ ...base, status: 'cancelled' })).toBe('cancelled');
  });
});

describe('groupByDay', () => {
  it('groups by the day in the centre’s zone', () => {
    const events = [
      { id: 'b', start: '2027-03-10T01:00:00Z' }, // 9 March, 22:00 in Cayenne
      { id: 'a', start: '2027-03-09T21:00:00Z' }, // 9 March, 18:00
      { id: 'c', start: '2027-03-10T12:00:00Z' }, // 10 March
    ];
    expect(
      groupByDay(events, 'America/Cayenne').map((d) => [d.date, d.events.map((e) => e.id)]),
    ).toEqual([
      ['2027-03-09', ['a', 'b']],
      ['2027-03-10', ['c']],
    ]);
  });
});

describe('formatHours', () => {
  it('gives the hours in the centre’s zone', () => {
    expect(
      formatHours('2027-03-09T21:00:00Z', '2027-03-09T22:30:00Z', 'America/Cayenne', 'fr-FR'),
    ).toBe('18:00 – 19:30');
  });

  it('gives both days when the event runs over midnight', () => {
    expect(
      formatHours('2027-03-09T21:00:00Z', '2027-03-10T12:00:00Z', 'America/Cayenne', 'fr-FR'),
    ).toBe('mardi 9 mars 2027, 18:00 – mercredi 10 mars 2027, 09:00');
  });
});

describe('waiting list', () => {
  it('lists the people waiting by position', () => {
    const list = waitingListOf([
      reg('x', 'registered'),
      reg('w2', 'waitlisted', 2),
      reg('w1', 'waitlisted', 1),
      reg('c', 'cancelled'),
    ]);
    expect(list.map((r) => r.id)).toEqual(['w1', 'w2']);
  });

  it('names who was promoted between two readings', () => {
    const before = [reg('a', 'registered'), reg('w1', 'waitlisted', 1), reg('w2', 'waitlisted', 2)];
    const after = [reg('a', 'cancelled'), reg('w1', 'registered'), reg('w2', 'waitlisted', 1)];
    expect(promotedBetween(before, after).map((r) => r.id)).toEqual(['w1']);
  });
});

describe('links', () => {
  it('keeps the cancel link on this site', () => {
    expect(cancelPath('http://localhost:3001/inscriptions/annuler?jeton=lkr_abc')).toBe(
      '/inscriptions/annuler?jeton=lkr_abc',
    );
  });

  it('gives the feed over https and webcal', () => {
    expect(agendaFeedUrls('https://lakou.example.org', 'c1')).toEqual({
      https: 'https://lakou.example.org/api/centres/c1/agenda.ics',
      webcal: 'webcal://lakou.example.org/api/centres/c1/agenda.ics',
    });
  });

  it('reads whole numbers only', () => {
    expect(wholeNumberOrNull(' 12 ')).toBe(12);
    expect(wholeNumberOrNull('1,5')).toBeNull();
    expect(wholeNumberOrNull('')).toBeNull();
  });
});
