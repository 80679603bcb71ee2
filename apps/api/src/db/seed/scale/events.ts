import type { Db } from '../../client.ts';
import type { EventCandidate } from './bookings.ts';
import { at, BatchWriter, type Column, type Progress, type Rng } from './random.ts';

const EVENT_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['centre_id', 'uuid'],
  ['kind_id', 'uuid'],
  ['title', 'text'],
  ['capacity', 'integer'],
  ['public', 'boolean'],
  ['registration_open', 'boolean'],
  ['basic_needs', 'text[]'],
  ['anonymous_headcount', 'integer'],
  ['starts_at', 'timestamptz'],
  ['ends_at', 'timestamptz'],
  ['status', 'text'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];
const LINK_COLUMNS: Column[] = [
  ['event_id', 'uuid'],
  ['booking_id', 'uuid'],
];
const REGISTRATION_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['event_id', 'uuid'],
  ['name', 'text'],
  ['email', 'text'],
  ['seats', 'integer'],
  ['status', 'text'],
  ['attendance', 'text'],
  ['source', 'text'],
  ['requested_at', 'timestamptz'],
  ['cancelled_at', 'timestamptz'],
];

const KIND_OF_PURPOSE: Record<string, string> = {
  'Atelier numérique': 'atelier',
  'Café de rencontre': 'cafe-rencontre',
  'Repair café': 'atelier',
  Formation: 'formation',
};
const FIRST = [
  'Marie',
  'Jean',
  'Nadia',
  'Wilson',
  'Sonia',
  'Kévin',
  'Aïcha',
  'Rudy',
  'Léa',
  'Yann',
];
const INITIALS = ['A.', 'B.', 'C.', 'D.', 'E.', 'F.', 'G.', 'H.'];

export function eventWriters(db: Db, progress: Progress) {
  const events = new BatchWriter(db, 'events', EVENT_COLUMNS, progress);
  return {
    events,
    links: new BatchWriter(db, 'event_bookings', LINK_COLUMNS, progress, { parents: [events] }),
    registrations: new BatchWriter(db, 'event_registrations', REGISTRATION_COLUMNS, progress, {
      parents: [events],
    }),
  };
}

/**
 * An event on each programme booking of a workshop, a café or a training (written after the
 * bookings). Cafés count their public anonymously; workshops and trainings take registrations
 * up to their capacity, then a waiting list; past registrations are marked present or absent.
 */
export async function writeEvents(
  w: ReturnType<typeof eventWriters>,
  candidates: EventCandidate[],
  kinds: Map<string, string>,
  r: Rng,
) {
  for (const c of candidates) {
    const kindKey = KIND_OF_PURPOSE[c.purpose] ?? 'atelier';
    const kindId = kinds.get(kindKey);
    if (!kindId) continue;
    const id = r.uuid();
    const cafe = kindKey === 'cafe-rencontre';
    const created = at(c.date, -r.int(7, 40) * 1440);
    w.events.push([
      id,
      c.centreId,
      kindId,
      c.purpose,
      c.capacity,
      r.chance(0.7),
      !cafe,
      cafe ? '{food}' : '{education}',
      cafe ? r.int(5, 30) : 0,
      c.startsAt,
      c.endsAt,
      'scheduled',
      created,
      created,
    ]);
    w.links.push([id, c.bookingId]);
    if (cafe) continue;
    const wanted = r.int(2, Math.min(14, c.capacity + 3));
    let seats = 0;
    for (let k = 0; k < wanted; k++) {
      const name = `${r.pick(FIRST)} ${r.pick(INITIALS)}`;
      const requested = at(c.date, -r.int(1, 20) * 1440 + r.int(0, 600));
      const cancelled = r.chance(0.08);
      const n = r.chance(0.8) ? 1 : r.int(2, 3);
      const fits = seats + n <= c.capacity;
      const status = cancelled ? 'cancelled' : fits ? 'registered' : 'waitlisted';
      if (status === 'registered') seats += n;
      w.registrations.push([
        r.uuid(),
        id,
        name,
        r.chance(0.5) ? `${name.split(' ')[0]?.toLowerCase()}.${k}@example.org` : null,
        n,
        status,
        status === 'registered' ? (r.chance(0.85) ? 'present' : 'absent') : null,
        r.chance(0.6) ? 'public' : 'staff',
        requested,
        cancelled ? at(c.date, -1440) : null,
      ]);
    }
    await w.registrations.drainIfFull();
  }
}
