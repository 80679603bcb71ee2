import { DEFAULT_EVENT_KINDS } from '@lakou/domain/events';
import { searchKey } from '@lakou/domain/shared';
import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { Db } from '../../client.ts';
import { centreOpeningHours, centres, eventKinds, organisations } from '../../schema/index.ts';
import {
  BOOKING_COLUMNS,
  type EventCandidate,
  type ScaleCentre,
  writeBookings,
  writeResources,
} from './bookings.ts';
import { writeCircular } from './circular.ts';
import { eventWriters, writeEvents } from './events.ts';
import { writeFund } from './fund.ts';
import { writeGardens } from './gardens.ts';
import { at, BatchWriter, Progress, rngFor } from './random.ts';

export interface ScaleOptions {
  centres: number;
  years: number;
  seed: number;
  /** Add another set of centres even though scale data is already there. */
  force?: boolean;
  /** The last day of the data (Guyane's today by default), ISO date. */
  until: string;
  log?: (line: string) => void;
}

export interface ScaleReport {
  organisationId: string;
  centreIds: string[];
  from: string;
  to: string;
  rows: Record<string, number>;
  seconds: number;
}

export class ScaleRefused extends Error {}

/** Fictional communes: the scale centres must never be mistaken for real places. */
const COMMUNES = [
  'Anse-Marine',
  'Bois-Joli',
  'Crique-Ava',
  'Pointe-Caïman',
  'Savane-Haute',
  'Morne-Vert',
  'Rivière-Claire',
  'Îlet-Coco',
  'Plateau-Kalawa',
  'Sable-Doré',
  'Mont-Awara',
  'Roche-Pala',
];

/**
 * Writes a deterministic data set of `centres` new centres (« Tiers-lieu 001 »…) over `years`
 * years ending `until`, in the first organisation (made if there is none): resources and
 * bookings, events and registrations, the fund's gifts, ledger and disbursements, the circular
 * economy's movements and stocks, shared gardens and harvests. Refuses when scale centres exist
 * already, unless `force` (the new centres then follow the existing ones, with their own draws).
 */
export async function seedScale(db: Db, options: ScaleOptions): Promise<ScaleReport> {
  const log = options.log ?? (() => {});
  const progress = new Progress(log);
  const to = nextDay(options.until);
  const start = new Date(`${options.until}T00:00:00Z`);
  start.setUTCFullYear(start.getUTCFullYear() - options.years);
  const from = start.toISOString().slice(0, 10);

  let [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .orderBy(asc(organisations.createdAt), asc(organisations.slug))
    .limit(1);
  if (!org) {
    [org] = await db
      .insert(organisations)
      .values({
        id: rngFor(options.seed, 'organisation').uuid(),
        slug: 'reseau-tiers-lieux',
        name: 'Réseau des tiers-lieux',
      })
      .returning({ id: organisations.id });
  }
  if (!org) throw new Error('organisation introuvable');
  const organisationId = org.id;

  const existing = await db
    .select({ slug: centres.slug })
    .from(centres)
    .where(and(eq(centres.organisationId, organisationId), like(centres.slug, 'tiers-lieu-%')));
  if (existing.length > 0 && !options.force)
    throw new ScaleRefused(
      `${existing.length} centre(s) « Tiers-lieu » existent déjà dans cette base : relancez avec --force pour ajouter ${options.centres} centre(s) de plus.`,
    );
  const offset = existing.reduce((max, c) => Math.max(max, Number(c.slug.slice(11)) || 0), 0);
  // Each run draws from its own streams (the seed and the first centre number), so a forced
  // second run never repeats an id of the first.
  const seed = options.seed + offset * 1_000_003;
  const tag = `TL${String(offset + 1).padStart(3, '0')}-${options.seed}`;
  const createdAt = at(from, 0);

  const r = rngFor(seed, 'centres');
  const scaleCentres: ScaleCentre[] = Array.from({ length: options.centres }, (_, i) => {
    const index = offset + i + 1;
    const number = String(index).padStart(3, '0');
    return { id: r.uuid(), slug: `tiers-lieu-${number}`, name: `Tiers-lieu ${number}`, index };
  });
  for (let i = 0; i < scaleCentres.length; i += 500) {
    const part = scaleCentres.slice(i, i + 500);
    await db.insert(centres).values(
      part.map((c) => {
        const commune = `${COMMUNES[c.index % COMMUNES.length]}${c.index > COMMUNES.length ? ` ${Math.ceil(c.index / COMMUNES.length)}` : ''}`;
        return {
          id: c.id,
          organisationId,
          slug: c.slug,
          name: c.name,
          commune,
          street: `${c.index} rue des Tiers-Lieux`,
          postalCode: '97399',
          city: commune,
          timeZone: 'America/Cayenne',
          searchKey: searchKey(`${c.name} ${commune}`),
          createdAt: new Date(createdAt),
          updatedAt: new Date(createdAt),
        };
      }),
    );
    await db.insert(centreOpeningHours).values(
      part.flatMap((c) =>
        [1, 2, 3, 4, 5, 6].map((weekday) => ({
          id: rngFor(seed, 'hours', c.index, weekday).uuid(),
          centreId: c.id,
          weekday,
          opens: '08:00',
          closes: weekday === 6 ? '13:00' : '18:00',
        })),
      ),
    );
  }
  progress.add('centres', scaleCentres.length);
  log(`${scaleCentres.length} centres (${scaleCentres[0]?.name} …) du ${from} au ${options.until}`);

  // Two independent chains, each on its own connection (PostgreSQL then uses both cores):
  // bookings then the events on them; the fund, then the circular economy (the fund's gifts in
  // kind become inflows), then the gardens. Each context draws from its own generator, so the
  // data is the same whatever the interleaving.
  const bookingChain = async () => {
    const bookingsW = new BatchWriter(db, 'bookings', BOOKING_COLUMNS, progress);
    const candidates: EventCandidate[] = [];
    for (const [i, c] of scaleCentres.entries()) {
      const rr = rngFor(seed, 'bookings', c.index);
      const resourceRows = await writeResources(db, c, rr, createdAt, progress);
      candidates.push(...(await writeBookings(bookingsW, c, resourceRows, rr, from, to)));
      if ((i + 1) % 10 === 0 || i === scaleCentres.length - 1)
        progress.report(`réservations : ${i + 1} centres générés`);
    }
    await bookingsW.done();
    progress.report('réservations écrites');

    // The usual kinds (as the demo seed writes them), with ids drawn from the seed.
    const kr = rngFor(seed, 'event-kinds');
    await db
      .insert(eventKinds)
      .values(
        DEFAULT_EVENT_KINDS.map((k) => ({
          id: kr.uuid(),
          organisationId,
          key: k.key,
          label: k.label,
          createdAt: new Date(createdAt),
        })),
      )
      .onConflictDoNothing();
    const kinds = new Map(
      (
        await db
          .select({ id: eventKinds.id, key: eventKinds.key })
          .from(eventKinds)
          .where(eq(eventKinds.organisationId, organisationId))
      ).map((k) => [k.key, k.id]),
    );
    const ew = eventWriters(db, progress);
    await writeEvents(ew, candidates, kinds, rngFor(seed, 'events'));
    await ew.registrations.done();
    await ew.links.done();
    progress.report('événements et inscriptions écrits');
  };
  const movementChain = async () => {
    const gifts = await writeFund(
      db,
      organisationId,
      scaleCentres,
      rngFor(seed, 'fund'),
      from,
      to,
      progress,
      tag,
    );
    progress.report('fonds de dotation écrit');
    await writeCircular(
      db,
      organisationId,
      scaleCentres,
      gifts,
      rngFor(seed, 'circular'),
      from,
      to,
      progress,
      tag,
    );
    progress.report('économie circulaire écrite');
    await writeGardens(db, scaleCentres, rngFor(seed, 'gardens'), from, to, progress);
    progress.report('jardins écrits');
  };
  await Promise.all([bookingChain(), movementChain()]);

  // Fresh statistics, so the planner knows the tables' new sizes at once.
  await db.execute(sql`analyze`);
  progress.report('analyse des tables');

  return {
    organisationId,
    centreIds: scaleCentres.map((c) => c.id),
    from,
    to: options.until,
    rows: Object.fromEntries(progress.counts),
    seconds: (performance.now() - progress.started) / 1000,
  };
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
