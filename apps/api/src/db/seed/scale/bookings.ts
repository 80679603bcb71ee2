import { searchKey } from '@lakou/domain/shared';
import type { Db } from '../../client.ts';
import { resources } from '../../schema/index.ts';
import {
  at,
  type BatchWriter,
  type Column,
  days,
  type Progress,
  pgArray,
  type Rng,
} from './random.ts';

const ROOM = {
  hourlyCents: { member: 500, qpv_resident: 200, association: 1500, company: 4000 },
  flatFeeCents: 0,
};
const DESK = {
  hourlyCents: { member: 150, qpv_resident: 100, association: 300, company: 600 },
  flatFeeCents: 0,
};
const KIT = {
  hourlyCents: { member: 0, qpv_resident: 0, association: 500, company: 2000 },
  flatFeeCents: 0,
};
type Kind = 'room' | 'desk' | 'equipment';
interface Template {
  kind: Kind;
  name: string;
  capacity: number;
  amenities: string[];
  buffer: number;
  tariff: typeof ROOM;
  /** Length of a booking, in half-hours. */
  slots: [number, number];
}

/** Twenty bookable things per centre: four rooms, ten coworking desks, six pieces of equipment. */
const TEMPLATES: Template[] = [
  ...[
    ['Salle polyvalente', 40, ['Vidéoprojecteur', 'Sonorisation', 'Cuisine'], 15],
    ['Salle de réunion', 12, ['Écran', 'Tableau blanc'], 10],
    ['Salle d’atelier', 20, ['Établis', 'Point d’eau'], 15],
    ['Bureau d’entretien', 3, ['Confidentiel'], 0],
  ].map(
    ([name, capacity, amenities, buffer]): Template => ({
      kind: 'room',
      name: name as string,
      capacity: capacity as number,
      amenities: amenities as string[],
      buffer: buffer as number,
      tariff: ROOM,
      slots: [2, 6],
    }),
  ),
  ...Array.from(
    { length: 10 },
    (_, i): Template => ({
      kind: 'desk',
      name: `Poste de coworking ${i + 1}`,
      capacity: 1,
      amenities: ['Wi-Fi', 'Imprimante'],
      buffer: 0,
      tariff: DESK,
      slots: [4, 12],
    }),
  ),
  ...[
    ['Machines à coudre', 6, ['6 machines', 'Surjeteuse']],
    ['Kit de téléconsultation', 2, ['Cabine isolée', 'Stéthoscope connecté']],
    ['Imprimante 3D', 1, ['PLA', 'PETG']],
    ['Vélo cargo', 1, ['Caisse avant']],
    ['Kit vidéo', 2, ['Caméra', 'Micros']],
    ['Outillage de réparation', 4, ['Fer à souder', 'Multimètre']],
  ].map(
    ([name, capacity, amenities]): Template => ({
      kind: 'equipment',
      name: name as string,
      capacity: capacity as number,
      amenities: amenities as string[],
      buffer: 0,
      tariff: KIT,
      slots: [2, 8],
    }),
  ),
];

const PURPOSES: Record<Kind, { purpose: string; organiser: string; needs: string[] }[]> = {
  room: [
    { purpose: 'Atelier numérique', organiser: 'Conseiller numérique', needs: ['education'] },
    { purpose: 'Café de rencontre', organiser: 'Équipe du centre', needs: ['food'] },
    { purpose: 'Permanence emploi', organiser: 'France Travail', needs: ['income'] },
    { purpose: 'Permanence droits', organiser: 'CAF de Guyane', needs: ['income', 'housing'] },
    { purpose: 'Repair café', organiser: 'Ne plus jeter', needs: ['clothing'] },
    { purpose: 'Réunion d’association', organiser: 'Association de quartier', needs: [] },
    { purpose: 'Formation', organiser: 'Organisme de formation', needs: ['education', 'income'] },
  ],
  desk: [{ purpose: 'Coworking', organiser: 'Membre', needs: ['income'] }],
  equipment: [
    { purpose: 'Prêt de matériel', organiser: 'Membre', needs: [] },
    { purpose: 'Téléconsultation', organiser: 'Maison de santé', needs: ['health'] },
  ],
};
/** Purposes that are an event of the centre (events.ts puts an event on them). */
export const EVENT_PURPOSES = new Set([
  'Atelier numérique',
  'Café de rencontre',
  'Repair café',
  'Formation',
]);

export interface ScaleCentre {
  id: string;
  slug: string;
  name: string;
  index: number;
}
export interface EventCandidate {
  bookingId: string;
  centreId: string;
  startsAt: string;
  endsAt: string;
  purpose: string;
  capacity: number;
  date: string;
}

/** Creates the centre's twenty resources; returns them with what the booking generator needs. */
export async function writeResources(
  db: Db,
  centre: ScaleCentre,
  r: Rng,
  createdAt: string,
  progress: Progress,
) {
  const rows = TEMPLATES.map((t) => ({
    id: r.uuid(),
    centreId: centre.id,
    kind: t.kind,
    name: t.name,
    searchKey: searchKey(`${t.name} ${t.amenities.join(' ')}`),
    capacity: t.capacity,
    amenities: t.amenities,
    stepFree: r.chance(0.8),
    bufferMinutes: t.buffer,
    requiresApproval: t.name === 'Kit de téléconsultation',
    tariff: t.tariff,
    createdAt: new Date(createdAt),
    updatedAt: new Date(createdAt),
  }));
  await db.insert(resources).values(rows);
  progress.add('resources', rows.length);
  return rows.map((row, i) => ({ ...row, template: TEMPLATES[i] as Template }));
}

export const BOOKING_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['resource_id', 'uuid'],
  ['centre_id', 'uuid'],
  ['starts_at', 'timestamptz'],
  ['ends_at', 'timestamptz'],
  ['blocked_until', 'timestamptz'],
  ['status', 'text'],
  ['organiser', 'jsonb'],
  ['purpose', 'text'],
  ['headcount', 'integer'],
  ['basic_needs', 'text[]'],
  ['audience', 'text'],
  ['price_cents', 'integer'],
  ['cancel_reason', 'text'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];

const PAYING = ['member', 'member', 'qpv_resident', 'association', 'company'] as const;

/**
 * About 4,000 bookings per centre and year: each resource, each open day (Monday to Saturday),
 * gets 0 to 3 bookings laid one after the other from the morning, each at least the resource's
 * buffer after the previous one — so the exclusion constraint never has anything to refuse.
 */
export async function writeBookings(
  writer: BatchWriter,
  centre: ScaleCentre,
  resourceRows: Awaited<ReturnType<typeof writeResources>>,
  r: Rng,
  from: string,
  to: string,
): Promise<EventCandidate[]> {
  const candidates: EventCandidate[] = [];
  for (const { date, weekday } of days(from, to)) {
    if (weekday === 7) continue;
    const closes = weekday === 6 ? 13 * 60 : 18 * 60;
    for (const res of resourceRows) {
      const roll = r.next();
      const n = roll < 0.5 ? 0 : roll < 0.8 ? 1 : roll < 0.94 ? 2 : 3;
      let cursor = 8 * 60 + r.int(0, 4) * 30;
      for (let k = 0; k < n; k++) {
        const t = res.template;
        const minutes = r.int(t.slots[0], t.slots[1]) * 30;
        if (cursor + minutes > closes) break;
        const start = cursor;
        const end = cursor + minutes;
        cursor = end + t.buffer + r.int(0, 2) * 30;
        const what = r.pick(PURPOSES[t.kind]);
        const programme = t.kind === 'room' && r.chance(0.6);
        const audience = programme ? 'centre_programme' : r.pick(PAYING);
        const rate = audience === 'centre_programme' ? 0 : t.tariff.hourlyCents[audience];
        const roll2 = r.next();
        const status =
          roll2 < 0.08
            ? 'cancelled'
            : roll2 < 0.12
              ? 'no_show'
              : roll2 < 0.4
                ? 'checked_in'
                : 'confirmed';
        const id = r.uuid();
        const startsAt = at(date, start);
        const endsAt = at(date, end);
        const created = at(date, start - r.int(1, 30) * 1440);
        writer.push([
          id,
          res.id,
          centre.id,
          startsAt,
          endsAt,
          at(date, end + t.buffer),
          status,
          { kind: programme ? 'partner' : 'member', name: what.organiser },
          what.purpose,
          Math.max(1, Math.min(t.capacity, r.int(1, t.capacity))),
          pgArray(what.needs),
          audience,
          Math.round((rate * minutes) / 60),
          status === 'cancelled' ? 'Annulé par l’organisateur' : null,
          created,
          created,
        ]);
        if (
          programme &&
          (status === 'confirmed' || status === 'checked_in') &&
          EVENT_PURPOSES.has(what.purpose)
        )
          candidates.push({
            bookingId: id,
            centreId: centre.id,
            startsAt,
            endsAt,
            purpose: what.purpose,
            capacity: t.capacity,
            date,
          });
      }
    }
    await writer.drainIfFull();
  }
  return candidates;
}
