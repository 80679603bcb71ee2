import { describe, expect, it } from 'vitest';
import {
  type BookingInput,
  bookingInput,
  bookingSeriesInput,
  validateAgainstResource,
} from './booking.ts';

const valid = {
  resourceId: '6f1c1f55-1c1e-4a36-9a55-2f0cbbd3c002',
  start: '2026-11-23T18:00:00-03:00',
  end: '2026-11-23T19:30:00-03:00',
  organiser: { kind: 'partner', id: '6f1c1f55-1c1e-4a36-9a55-2f0cbbd3c003', name: 'Kaz à vélo' },
  purpose: 'Atelier réparation de vélos',
  headcount: 8,
  basicNeeds: ['mobility'],
  audience: 'association',
};

const byField = (issues: readonly { path: PropertyKey[]; message: string }[] = []) =>
  Object.fromEntries(issues.map((i) => [i.path.join('.'), i.message]));

describe('booking input', () => {
  it('accepts instants with an offset or Z, and defaults the needs served to none', () => {
    expect(bookingInput.parse(valid).basicNeeds).toEqual(['mobility']);
    const { basicNeeds: _, ...withoutNeeds } = valid;
    expect(
      bookingInput.parse({
        ...withoutNeeds,
        start: '2026-11-23T21:00:00Z',
        end: '2026-11-23T22:00:00Z',
      }).basicNeeds,
    ).toEqual([]);
  });

  it('refuses a local time without offset', () => {
    const result = bookingInput.safeParse({ ...valid, start: '2026-11-23T18:00:00' });
    expect(byField(result.error?.issues).start).toMatch(/avec décalage/);
  });

  it('refuses an end that does not follow the start, comparing instants not texts', () => {
    const same = bookingInput.safeParse({ ...valid, end: '2026-11-23T21:00:00Z' }); // = 18:00 -03:00
    expect(byField(same.error?.issues).end).toBe('La fin de la réservation doit suivre son début.');
    // 20:00 in Paris is 16:00 in Cayenne: before the start, though the text sorts after.
    const before = bookingInput.safeParse({ ...valid, end: '2026-11-23T20:00:00+01:00' });
    expect(byField(before.error?.issues).end).toMatch(/suivre son début/);
  });

  it('checks organiser, headcount, needs and audience with French messages', () => {
    const result = bookingInput.safeParse({
      ...valid,
      organiser: { kind: 'voisin', name: 'A' },
      headcount: 0,
      basicNeeds: ['numérique'],
      audience: 'public',
    });
    const fields = byField(result.error?.issues);
    expect(fields['organiser.kind']).toMatch(/Type d’organisateur/);
    expect(fields['organiser.name']).toMatch(/au moins 2 caractères/);
    expect(fields.headcount).toMatch(/Au moins 1 personne/);
    expect(fields['basicNeeds.0']).toMatch(/Besoin de base attendu/);
    expect(fields.audience).toMatch(/Public attendu/);
  });
});

describe('validateAgainstResource', () => {
  const room = {
    name: 'Salle Kaz',
    active: true,
    capacity: 10,
    minDurationMinutes: 30,
    maxDurationMinutes: 240,
    bookableHours: [
      { weekday: 1, opens: '08:00', closes: '12:30' },
      { weekday: 1, opens: '14:00', closes: '20:00' },
    ],
  };
  const input = (start: string, end: string, headcount = 8): BookingInput =>
    bookingInput.parse({ ...valid, start, end, headcount });

  it('finds nothing wrong with a booking that fits', () => {
    expect(validateAgainstResource(input(valid.start, valid.end), room)).toEqual([]);
  });

  it('names every rule broken, on its field', () => {
    const tooMany = input('2026-11-23T18:00:00-03:00', '2026-11-23T18:17:00-03:00', 12);
    expect(validateAgainstResource(tooMany, room)).toEqual([
      { field: 'headcount', message: '12 personnes, pour une capacité de 10.' },
      { field: 'end', message: 'La durée de la réservation est un multiple de 5 minutes.' },
      { field: 'end', message: 'Durée trop courte : au moins 30 min pour cette ressource.' },
    ]);
    const tooLong = input('2026-11-23T14:00:00-03:00', '2026-11-23T18:30:00-03:00');
    expect(validateAgainstResource(tooLong, room)).toEqual([
      { field: 'end', message: 'Durée trop longue : au plus 4 h pour cette ressource.' },
    ]);
    expect(validateAgainstResource(tooLong, { ...room, active: false })[0]?.message).toMatch(
      /n’est plus proposée/,
    );
  });

  it('checks bookable hours and closures on the centre’s wall clock when given its calendar', () => {
    const calendar = {
      timeZone: 'America/Cayenne',
      openingHours: [],
      closures: [{ startsOn: '2026-12-24', endsOn: '2027-01-01', reason: 'Fin d’année' }],
    };
    expect(validateAgainstResource(input(valid.start, valid.end), room, calendar)).toEqual([]);
    // 12:00–13:00 runs into the lunch break.
    const lunch = input('2026-11-23T12:00:00-03:00', '2026-11-23T13:00:00-03:00');
    expect(validateAgainstResource(lunch, room, calendar)).toEqual([
      {
        field: 'start',
        message: 'En dehors des heures réservables du lundi (08:00–12:30, 14:00–20:00).',
      },
    ]);
    // 2026-12-28 is a Monday, within the closure.
    const closed = input('2026-12-28T09:00:00-03:00', '2026-12-28T10:00:00-03:00');
    expect(validateAgainstResource(closed, room, calendar)[0]?.message).toBe(
      'Fermé le 28/12/2026 : Fin d’année.',
    );
    // Without its own hours, the resource follows the centre's (none on Mondays here).
    expect(
      validateAgainstResource(
        input(valid.start, valid.end),
        { ...room, bookableHours: null },
        calendar,
      ),
    ).toEqual([{ field: 'start', message: 'Pas de réservation possible le lundi.' }]);
  });
});

describe('booking series input', () => {
  it('takes the booking without its times, and a recurrence', () => {
    const { start: _s, end: _e, ...rest } = valid;
    const parsed = bookingSeriesInput.parse({
      ...rest,
      recurrence: {
        rule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=10',
        firstStart: '2026-11-23T18:00',
        durationMinutes: 90,
        exceptions: ['2026-12-28'],
      },
    });
    expect(parsed.recurrence).toMatchObject({ durationMinutes: 90, exceptions: ['2026-12-28'] });
    const bad = bookingSeriesInput.safeParse({
      ...rest,
      recurrence: {
        rule: 'FREQ=WEEKLY;BYSETPOS=1',
        firstStart: '2026-11-23T18:00',
        durationMinutes: 90,
      },
    });
    expect(bad.error?.issues[0]?.path).toEqual(['recurrence', 'rule']);
  });
});
